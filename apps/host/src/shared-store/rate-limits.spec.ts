import type { HostConfig } from '../config/config';
import { StillClock } from '../testing/test-clock';
import { RateLimits } from './rate-limits';
import { SharedStore } from './shared-store';

describe('FixedWindowLimiter (in memory)', () => {
  const rule = { points: 2, windowSeconds: 60 };
  let clock: StillClock;
  let rateLimits: RateLimits;

  beforeEach(() => {
    clock = new StillClock();
    rateLimits = new RateLimits(new SharedStore({} as HostConfig), clock);
  });

  it('allows `points` requests per key in a window, then refuses until the window ends', async () => {
    const limiter = rateLimits.create('test', rule);
    expect(await limiter.consume('k')).toEqual({
      allowed: true,
      limit: 2,
      remaining: 1,
      resetsAt: clock.windowEnd,
      resetSeconds: 59,
    });
    expect((await limiter.consume('k')).remaining).toBe(0);
    const refused = await limiter.consume('k');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 59 });
    // Another key has its own count.
    expect((await limiter.consume('other')).allowed).toBe(true);

    clock.advance(58_500);
    expect((await limiter.consume('k')).resetSeconds).toBe(1);
    clock.advance(1000);
    expect(await limiter.consume('k')).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });

  it('peeks without counting, and tells whether one more request would pass', async () => {
    const limiter = rateLimits.create('test', rule);
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 2 });
    await limiter.consume('k');
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 1 });
    await limiter.consume('k');
    expect(await limiter.peek('k')).toMatchObject({ allowed: false, remaining: 0 });
    expect(await limiter.peek('k')).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('gives a refunded request back, and clears a key', async () => {
    const limiter = rateLimits.create('test', rule);
    await limiter.consume('k');
    await limiter.consume('k');
    await limiter.refund('k');
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 1 });
    await limiter.consume('k');
    await limiter.clear('k');
    expect(await limiter.peek('k')).toMatchObject({ remaining: 2 });
  });

  it('keeps the counts of limiters with different names apart', async () => {
    const first = rateLimits.create('first', rule);
    const second = rateLimits.create('second', rule);
    await first.consume('k');
    await first.consume('k');
    expect(await second.peek('k')).toMatchObject({ remaining: 2 });
  });

  it('touches no network without REDIS_URL', () => {
    const store = new SharedStore({} as HostConfig);
    expect(store.redis).toBeNull();
    expect(store.subscriber()).toBeNull();
  });
});
