import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** One limit's counters: how many requests each key made in a window (windows are numbered by their start). */
export interface WindowCounters {
  /** Counts one request of `key` in `window`; the window's count with it. */
  consume(key: string, window: number): Promise<number>;
  /** `key`'s count in `window`, 0 when it made none. */
  get(key: string, window: number): Promise<number>;
  /** Gives back one request counted in `window`. */
  reward(key: string, window: number): Promise<void>;
  /** Starts `key`'s count in `window` again. */
  delete(key: string, window: number): Promise<void>;
}

/**
 * Counters in a rate-limiter-flexible store (Redis: every instance adds to one atomic counter). The window is
 * part of the counter's key; the store's own expiry only removes counters of finished windows.
 */
export class StoreWindowCounters implements WindowCounters {
  constructor(private readonly store: RateLimiterAbstract) {}

  async consume(key: string, window: number): Promise<number> {
    try {
      return (await this.store.consume(`${key}:${window}`)).consumedPoints;
    } catch (refusal) {
      // The library rejects with its result when the limit is passed, and with an Error when the store fails.
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return refusal.consumedPoints;
    }
  }

  async get(key: string, window: number): Promise<number> {
    return (await this.store.get(`${key}:${window}`))?.consumedPoints ?? 0;
  }

  async reward(key: string, window: number): Promise<void> {
    await this.store.reward(`${key}:${window}`);
  }

  async delete(key: string, window: number): Promise<void> {
    await this.store.delete(`${key}:${window}`);
  }
}

/**
 * Counters in this process's memory, for a host without Redis. A window's counts are dropped as soon as a later
 * window is counted: it has ended, and no one counts in it again. So no timer is needed to expire them (the
 * library's memory store kept a timer per key for the window's length, up to 16 minutes, and each timer kept its
 * closed host in memory, with a test file's whole database).
 */
export class MemoryWindowCounters implements WindowCounters {
  private readonly windows = new Map<number, Map<string, number>>();

  async consume(key: string, window: number): Promise<number> {
    return this.add(key, window, 1);
  }

  async get(key: string, window: number): Promise<number> {
    return this.counts(window).get(key) ?? 0;
  }

  async reward(key: string, window: number): Promise<void> {
    this.add(key, window, -1);
  }

  async delete(key: string, window: number): Promise<void> {
    this.counts(window).delete(key);
  }

  private add(key: string, window: number, points: number): number {
    const counts = this.counts(window);
    const count = (counts.get(key) ?? 0) + points;
    counts.set(key, count);
    return count;
  }

  /** The window's counts; the first use of a window drops the counts of the windows before it. */
  private counts(window: number): Map<string, number> {
    let counts = this.windows.get(window);
    if (!counts) {
      for (const earlier of this.windows.keys()) if (earlier < window) this.windows.delete(earlier);
      counts = new Map();
      this.windows.set(window, counts);
    }
    return counts;
  }
}
