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
