import type { HostConfig } from '../config/config';
import { TestClock } from '../testing/test-clock';
import { RateLimits } from './rate-limits';
import { SharedStore } from './shared-store';
import { MemoryWindowCounters } from './window-counters';

describe('MemoryWindowCounters', () => {
  afterEach(() => jest.useRealTimers());

  it('counts per key and window, gives back, and starts a count again', async () => {
    const counters = new MemoryWindowCounters();
    expect(await counters.consume('k', 60)).toBe(1);
    expect(await counters.consume('k', 60)).toBe(2);
    expect(await counters.consume('other', 60)).toBe(1);
    await counters.reward('k', 60);
    expect(await counters.get('k', 60)).toBe(1);
    await counters.delete('k', 60);
    expect(await counters.get('k', 60)).toBe(0);
    expect(await counters.get('other', 60)).toBe(1);
  });

  it("drops an ended window's counts once a later window is used", async () => {
    const counters = new MemoryWindowCounters();
    await counters.consume('k', 60);
    await counters.consume('k', 60);
    expect(await counters.get('k', 120)).toBe(0);
    // The clock moved on: window 60 is over, and nothing of it is kept.
    expect(await counters.get('k', 60)).toBe(0);
  });

  it('leaves no timer behind, so a closed host is not kept in memory until its windows end', async () => {
    jest.useFakeTimers();
    const clock = new TestClock();
    const limiter = new RateLimits(new SharedStore({} as HostConfig), clock).create('test', {
      points: 2,
      windowSeconds: 900,
    });
    await limiter.consume('k');
    await limiter.consume('k');
    await limiter.refund('k');
    clock.advance(900_000);
    await limiter.consume('k');
    expect(jest.getTimerCount()).toBe(0);
  });
});
