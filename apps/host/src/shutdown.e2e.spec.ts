import http from 'node:http';
import net from 'node:net';
import type { HostProcess as HostProcessType } from '@kongjian/testing';

/** Requests kept in flight across the SIGTERM. */
const SLOW_REQUESTS = 6;
/** How long the slow clients wait after the signal before sending the rest of their bodies. */
const SLOW_FOR_MS = 1500;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when a TCP connection to the port is accepted, rejects with its error otherwise. */
function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

/** A GET on `agent`'s kept-alive connection: its status, its Connection header and the socket it used. */
function getOn(agent: http.Agent, port: number, path: string) {
  return new Promise<{ status: number; connection?: string; socket: net.Socket }>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          socket: request.socket as net.Socket,
        }),
      );
    });
    request.once('error', reject);
  });
}

/**
 * A PATCH whose body arrives in two parts: the first now, the rest when `finish` is called. Resolves with
 * the status once the answer has been read.
 */
function slowPatch(port: number, token: string, nickname: string) {
  const body = JSON.stringify({ nickname });
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'PATCH',
    path: '/space/profile',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.once('error', reject);
  });
  const sent = new Promise<void>((resolve) => request.write(body.slice(0, 4), () => resolve()));
  return { sent, answered, finish: () => request.end(body.slice(4)) };
}

describe('graceful shutdown of the real host', () => {
  let host: HostProcessType;

  beforeAll(async () => {
    // @kongjian/testing is ESM; an evaluated import() stays a real one (see oauth4webapi.e2e.spec.ts).
    const { HostProcess } = (await eval("import('@kongjian/testing')")) as typeof import('@kongjian/testing');
    host = await HostProcess.start({ KONGJIAN_SHUTDOWN_TIMEOUT_MS: '10000', LOG_LEVEL: 'info' });
  }, 180_000);

  afterAll(() => host?.stop());

  it('finishes requests in flight on SIGTERM, answers on kept-alive connections, refuses new ones, and exits 0', async () => {
    const registered = await fetch(`${host.baseUrl}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `drain_${Date.now()}`, password: 'correct horse battery' }),
    });
    expect(registered.status).toBe(201);
    const { token } = (await registered.json()) as { token: string };
    expect((await fetch(`${host.baseUrl}/health/ready`)).status).toBe(200);

    // A live notification stream stays open until the host ends it; the drain must not wait for it.
    const stream = await fetch(`${host.baseUrl}/notifications/stream`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stream.status).toBe(200);
    const streamEnded = (async () => {
      const reader = stream.body!.getReader();
      while (!(await reader.read()).done);
      return true;
    })();

    // A load balancer's pooled connection, idle when the signal comes.
    const pool = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const before = await getOn(pool, host.port, '/health/live');
    expect(before.connection).toBe('keep-alive');

    const slow = Array.from({ length: SLOW_REQUESTS }, (_, index) =>
      slowPatch(host.port, token, `still here ${index}`),
    );
    await Promise.all(slow.map((request) => request.sent));
    // The host has read their headers and is waiting for the rest of their bodies.
    await delay(300);

    host.signal('SIGTERM');
    await delay(300);
    await expect(connect(host.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The pooled connection still carries the request the balancer sends on it, and then leaves.
    const during = await getOn(pool, host.port, '/health/live');
    expect(during).toMatchObject({ status: 200, connection: 'close', socket: before.socket });
    pool.destroy();

    await delay(SLOW_FOR_MS);
    for (const request of slow) request.finish();
    const answers = await Promise.all(slow.map((request) => request.answered));
    expect(answers.map((answer) => answer.status)).toEqual(Array(SLOW_REQUESTS).fill(200));
    expect(answers.map((answer) => JSON.parse(answer.body).nickname)).toEqual(
      slow.map((_, index) => `still here ${index}`),
    );

    expect(await streamEnded).toBe(true);
    expect(await host.exitCode()).toBe(0);
    const output = host.recentOutput();
    expect(output).toContain('"message":"stopped"');
    // Nothing was cut off at the timeout: the stream ended and the slow requests finished in time.
    expect(output).not.toContain('cut off');
  }, 120_000);
});
