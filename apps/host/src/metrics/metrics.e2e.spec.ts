import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventDispatcher } from '../events/event-dispatcher.service';
import { OpenApiKit } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import type { TestFactory } from '../testing/factory';
import { TestHost } from '../testing/test-host';

const METRICS_TOKEN = 'scrape-token-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined when the text has no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let host: TestHost;
  let factory: TestFactory;
  let openApi: OpenApiKit;

  beforeAll(async () => {
    ({
      host,
      factory,
      kit: openApi,
    } = await OpenApiKit.start({
      metricsToken: METRICS_TOKEN,
      openApiRateLimits: { tokenRequestsPerWindow: 2, appRequestsPerWindow: 1000, windowSeconds: 60 },
    }));
  });

  afterAll(() => host.close());

  const scrape = async (headers: Record<string, string> = {}) => {
    const response = await host.get('/metrics', { headers });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
  };

  /** The metrics text (supertest leaves it in `text`, which TestHost's answers do not carry). */
  async function rawText(headers: Record<string, string>): Promise<string> {
    const { default: request } = await import('supertest');
    let pending = request(host.app.getHttpServer()).get('/metrics');
    for (const [name, value] of Object.entries(headers)) pending = pending.set(name, value);
    return (await pending).text;
  }

  it('counts requests by route pattern and status, never by raw path, with their latency', async () => {
    const user = await factory.newUser();
    expect((await host.get(`/spaces/${user.id}`, { token: user.token })).status).toBe(200);
    expect((await host.get(`/spaces/${user.id}`, { token: user.token })).status).toBe(200);
    const text = await rawText({});
    expect(
      sample(text, 'kongjian_http_requests_total{method="GET",route="/spaces/:userId",status="200"}'),
    ).toBe(2);
    expect(
      sample(
        text,
        'kongjian_http_request_duration_seconds_count{method="GET",route="/spaces/:userId",status="200"}',
      ),
    ).toBe(2);
    expect(text).not.toContain(user.id);
    expect(sample(text, 'kongjian_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('serves a scraper on this machine, or anywhere with the metrics token; others get 403', async () => {
    await scrape();
    const outside = { 'X-Forwarded-For': '203.0.113.9' };
    expectProblem(await host.get('/metrics', { headers: outside }), 403, 'forbidden');
    expectProblem(
      await host.get('/metrics', { headers: { ...outside, Authorization: 'Bearer not-the-token-at-all' } }),
      403,
      'forbidden',
    );
    await scrape({ ...outside, Authorization: `Bearer ${METRICS_TOKEN}` });
    const withToken = await rawText({ ...outside, Authorization: `Bearer ${METRICS_TOKEN}` });
    expect(withToken).toContain('kongjian_http_requests_total');
  });

  it('believes X-Forwarded-For only from the proxies KONGJIAN_TRUST_PROXY names', async () => {
    const behindOtherProxies = await TestHost.start({ trustProxy: ['10.0.0.0/8'] });
    try {
      // This request comes from loopback, which is not a trusted proxy here: its header is the client's word.
      const forged = await behindOtherProxies.get('/metrics', {
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      });
      expect(forged.status).toBe(200);
    } finally {
      await behindOtherProxies.close();
    }
  });

  it('counts rate-limit rejections of the Open API and of sign-in', async () => {
    const app = await openApi.approvedApp();
    const { token } = await openApi.newUserWithToken('limited', app);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await host.get('/open/v1/me', { token })).status);
    expect(statuses).toEqual([200, 200, 429]);

    const user = await factory.newUser('throttled');
    let answer;
    do {
      answer = await host.post('/sessions', {
        body: { username: user.username, password: 'wrong-password-1' },
      });
    } while (answer.status === 401);
    expectProblem(answer, 429, 'too_many_attempts');

    const text = await rawText({});
    expect(sample(text, 'kongjian_rate_limit_rejections_total{kind="open_api"}')).toBe(1);
    expect(sample(text, 'kongjian_rate_limit_rejections_total{kind="sign_in"}')).toBe(1);
  });

  it('reports the outbox backlog at scrape time and counts delivery outcomes', async () => {
    const received: string[] = [];
    // The receiver answers only once the backlog was read, so that a delivery the host's own dispatcher
    // starts at once is still pending when the test scrapes.
    let answer!: () => void;
    const backlogRead = new Promise<void>((resolve) => (answer = resolve));
    const receiver = http.createServer((request, response) => {
      request.resume();
      request.on('end', async () => {
        await backlogRead;
        received.push(String(request.headers['kongjian-event-id']));
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const app = await factory.newApp();
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await host.sql('update app set webhook_url = ? where id = ?', [url, app.id]);
      expect(
        (await host.post(`/developer/apps/${app.id}/webhook/test`, { token: app.developer.token })).status,
      ).toBe(202);
      const before = await rawText({});
      expect(sample(before, 'kongjian_outbox_pending_events')).toBeGreaterThanOrEqual(1);
      expect(sample(before, 'kongjian_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);

      answer();
      await host.app.get(EventDispatcher).deliverDue();
      let after = await rawText({});
      // The delivery may be the host's own dispatcher's, still finishing.
      while (sample(after, 'kongjian_outbox_pending_events') !== 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await rawText({});
      }
      expect(received).toHaveLength(1);
      expect(sample(after, 'kongjian_outbox_oldest_pending_age_seconds')).toBe(0);
      expect(sample(after, 'kongjian_event_deliveries_total{outcome="delivered"}')).toBeGreaterThanOrEqual(1);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('reports the database pool on PostgreSQL and nothing for the embedded database', async () => {
    const text = await rawText({});
    const used = sample(text, 'kongjian_db_pool_connections{state="used"}');
    if (host.config.databaseMode === 'postgresql') {
      expect(used).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'kongjian_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'kongjian_db_pool_connections{state="waiting"}')).toBe(0);
    } else {
      expect(used).toBeUndefined();
    }
  });
});
