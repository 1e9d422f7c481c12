import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestFactory } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import { EventDispatcher } from './event-dispatcher.service';

describe('outbox leases at shutdown', () => {
  let host: TestHost;
  const held: http.ServerResponse[] = [];
  let requests = 0;
  // A receiver that takes the webhook and never answers while the test runs.
  const receiver = http.createServer((_request, response) => {
    requests++;
    held.push(response);
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    host = await TestHost.start();
  });

  afterAll(async () => {
    for (const response of held) response.destroy();
    await new Promise((resolve) => receiver.close(resolve));
    await host.close();
  });

  it('hands the lease of an event cut short back, so another instance delivers it at once', async () => {
    const factory = new TestFactory(host);
    const app = await factory.newApp();
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await host.sql('update app set webhook_url = ? where id = ?', [url, app.id]);
    const sent = await host.post(`/developer/apps/${app.id}/webhook/test`, { token: app.developer.token });
    expect(sent.status).toBe(202);

    const dispatcher = host.app.get(EventDispatcher);
    const delivering = dispatcher.deliverDue();
    while (requests === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const [leased] = await host.sql<{ next_attempt_at: Date; attempts: number }>(
      'select next_attempt_at, attempts from app_event where app_id = ?',
      [app.id],
    );
    expect(leased.attempts).toBe(1);
    expect(new Date(leased.next_attempt_at).getTime()).toBeGreaterThan(host.clock.now().getTime());

    // What Nest's shutdown calls (app.close) once the server has drained.
    await dispatcher.onModuleDestroy();
    await delivering;
    const [released] = await host.sql<{ status: string; next_attempt_at: Date; attempts: number }>(
      'select status, next_attempt_at, attempts from app_event where app_id = ?',
      [app.id],
    );
    expect(released.status).toBe('pending');
    expect(released.attempts).toBe(0);
    expect(new Date(released.next_attempt_at).getTime()).toBeLessThanOrEqual(host.clock.now().getTime());
  });
});
