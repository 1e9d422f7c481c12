import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventDispatcher } from '../events/event-dispatcher.service';
import { OpenApiKit } from '../open-api/open-api.testing';
import { FIXTURE_PLUGINS_DIR, PluginTestKit } from '../plugins/plugins.testing';
import type { TestUser } from '../testing/factory';
import { createNestLogger, createRootLogger } from './logging';
import { runInRequestScope } from './request-context';

/** A pino destination that keeps every line, parsed and raw. */
class CapturedLogs {
  readonly raw: string[] = [];
  readonly lines: Record<string, any>[] = [];

  write(line: string): void {
    this.raw.push(line);
    this.lines.push(JSON.parse(line));
  }

  requests(requestId?: string): Record<string, any>[] {
    return this.lines.filter(
      (line) => line.message === 'request' && (requestId === undefined || line.requestId === requestId),
    );
  }
}

/** Waits for the host to finish logging a request (the line is written once the response is sent). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request logs and request ids', () => {
  const logs = new CapturedLogs();
  let kit: PluginTestKit;
  let alice: TestUser;

  beforeAll(async () => {
    kit = await PluginTestKit.start({
      pluginsDir: FIXTURE_PLUGINS_DIR,
      plugins: ['echo'],
      logger: { level: 'info', destination: logs },
    });
    alice = await kit.factory.newUser('alice');
    await kit.installFor(alice, 'echo');
  });

  afterAll(() => kit.close());

  it('says each start step in one line and leaves the route map to debug level', () => {
    const messages = logs.lines.map((line) => line.message);
    expect(messages.filter((message) => message === 'database migrated')).toHaveLength(1);
    expect(messages.filter((message) => message === 'plugins started')).toHaveLength(1);
    const chatter = logs.lines.filter((line) =>
      ['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory'].includes(line.context),
    );
    expect(chatter).toEqual([]);
    expect(logs.lines.every((line) => typeof line.level === 'string' && typeof line.time === 'string')).toBe(
      true,
    );
  });

  it('logs one JSON line per request: method, route pattern, status, duration and the id it answers', async () => {
    const response = await kit.host.get(`/spaces/${alice.id}`, { token: alice.token });
    expect(response.status).toBe(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await settle();
    expect(logs.requests(id)).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        route: '/spaces/:userId',
        path: `/spaces/${alice.id}`,
        status: 200,
        durationMs: expect.any(Number),
        userId: alice.id,
      }),
    ]);
  });

  it("gives the lines a request's own code logs its id, and lines outside requests none", () => {
    const captured = new CapturedLogs();
    const logger = createNestLogger(createRootLogger({ level: 'info', destination: captured }));
    runInRequestScope('trace-app-line', () => logger.warn({ message: 'inside' }, 'Test'));
    logger.warn({ message: 'outside' }, 'Test');
    expect(captured.lines.map(({ message, requestId }) => ({ message, requestId }))).toEqual([
      { message: 'inside', requestId: 'trace-app-line' },
      { message: 'outside', requestId: undefined },
    ]);
  });

  it('keeps a sane incoming X-Request-Id and replaces anything else', async () => {
    const kept = await kit.host.get('/health/live', { headers: { 'X-Request-Id': 'lb-7f3a:42' } });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a:42');
    const replaced = await kit.host.get('/health/live', {
      headers: { 'X-Request-Id': `${'x'.repeat(200)}` },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await kit.host.get('/health/live', { headers: { 'X-Request-Id': 'a b"}{' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await settle();
    expect(logs.requests('lb-7f3a:42')).toEqual([expect.objectContaining({ route: '/health/live' })]);
    expect(logs.requests(replaced.headers['x-request-id'])).toHaveLength(1);
  });

  it('never logs a password, a session token, an access or refresh token or a client secret', async () => {
    const password = kit.factory.password;
    const signIn = await kit.host.post('/sessions', { body: { username: alice.username, password } });
    expect(signIn.status).toBe(201);
    const wrong = await kit.host.post('/sessions', {
      body: { username: alice.username, password: 'not-the-password-Zq9' },
    });
    expect(wrong.status).toBe(401);
    const openApi = new OpenApiKit(kit.host, kit.factory);
    const app = await openApi.approvedApp();
    const accessToken = await openApi.token(alice, app);
    const me = await kit.host.get('/open/v1/me', {
      token: accessToken,
      query: { access_token: 'query-token-Q7' },
      raw: true,
    });
    expect(me.status).toBe(400);
    expect((await kit.host.get('/open/v1/me', { token: accessToken })).status).toBe(200);
    await settle();
    const text = logs.raw.join('\n');
    for (const secret of [
      password,
      'not-the-password-Zq9',
      signIn.body.token,
      alice.token,
      accessToken,
      'query-token-Q7',
      app.clientSecret!,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(logs.requests().some((line) => line.route === '/sessions' && line.status === 401)).toBe(true);
    expect(logs.requests().some((line) => line.route === '/oauth/token' && line.status === 200)).toBe(true);
  });

  it("carries the request id into the plugin's Open API calls through the bridge", async () => {
    const response = await kit.host.get('/apps/echo/api/me', {
      token: alice.token,
      headers: { 'X-Request-Id': 'trace-plugin-1' },
      raw: true,
    });
    expect(response.status).toBe(200);
    await settle();
    expect(
      logs.requests('trace-plugin-1').map((line) => `${line.method} ${line.route} ${line.status}`),
    ).toEqual(expect.arrayContaining(['GET /open/v1/me 200', 'GET /apps/:pluginId/api/*path 200']));
  });

  it('sends the id of the request that caused an event with its webhook', async () => {
    const received: http.IncomingHttpHeaders[] = [];
    const receiver = http.createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      request.on('end', () => response.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const app = await kit.factory.newApp();
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await kit.host.sql('update app set webhook_url = ? where id = ?', [url, app.id]);
      const sent = await kit.host.post(`/developer/apps/${app.id}/webhook/test`, {
        token: app.developer.token,
        headers: { 'X-Request-Id': 'trace-webhook-1' },
      });
      expect(sent.status).toBe(202);
      await kit.host.app.get(EventDispatcher).deliverDue();
      expect(received.map((headers) => headers['kongjian-request-id'])).toEqual(['trace-webhook-1']);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
