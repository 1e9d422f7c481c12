import { Clock } from '../common/clock';

/** A clock tests move by hand; it starts at the real time so ids and timestamps stay in step. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * A clock that stands still between the test's moves, one second into a minute. Tests that check a window's exact
 * end use it: with TestClock, which follows real time, the test's arithmetic and the code under test read different
 * milliseconds on a busy machine.
 */
export class StillClock extends Clock {
  /** The end of the minute the clock starts in. */
  readonly windowEnd = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
  private ms = this.windowEnd.getTime() - 59_000;

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
