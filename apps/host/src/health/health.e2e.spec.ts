import { expectProblem } from '../testing/expect-problem';
import { TestHost } from '../testing/test-host';
import { Readiness } from './readiness.service';

describe('health routes', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start();
  });

  afterAll(() => host.close());

  it('answers ready with its checks once the database answers, migrations ran and plugins started', async () => {
    const response = await host.get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: {
        database: 'ok',
        migrations: 'ok',
        plugins: 'ok',
        // Redis is checked only where the host runs with it.
        ...(host.config.redisUrl ? { redis: 'ok' } : {}),
      },
    });
  });

  it('does not start when the Redis it is configured with does not answer', async () => {
    const redisDown = await TestHost.start({
      redisUrl: 'redis://127.0.0.1:1',
      redisKeyPrefix: 'down:',
    }).catch((error: Error) => error);
    // A Redis that does not answer at start stops the start, naming where it was looked for.
    expect(redisDown).toBeInstanceOf(Error);
    expect((redisDown as Error).message).toMatch(/Redis at 127\.0\.0\.1:1 did not answer/);
  });

  it('answers 503 problem+json naming the failing check', async () => {
    const readiness = host.app.get(Readiness);
    const checks = jest
      .spyOn(readiness, 'checks')
      .mockResolvedValueOnce({ database: 'failing', migrations: 'ok', plugins: 'pending' });
    const response = await host.get('/health/ready');
    expectProblem(response, 503, 'not_ready');
    expect(response.body.detail).toBe('Not ready: database failing, plugins pending');
    checks.mockRestore();
  });

  it('answers 503 once shutdown began, while liveness still answers ok', async () => {
    host.app.get(Readiness).markDraining();
    const response = await host.get('/health/ready');
    expectProblem(response, 503, 'not_ready');
    expect(response.body.detail).toBe('Shutting down');
    expect((await host.get('/health/live')).body).toEqual({ status: 'ok' });
  });
});
