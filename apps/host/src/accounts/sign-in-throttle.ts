import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { Metrics } from '../metrics/metrics.service';
import { type FixedWindowLimiter, RateLimits } from '../shared-store/rate-limits';

/**
 * Failed password checks (sign-ins, and wrong current passwords when changing one) per username and per
 * client address, on the shared rate limiters: with Redis every instance counts toward one limit.
 *
 * An attempt is counted as a failure before the password is checked, atomically, and given back when the
 * password was right: however many attempts race, no more than the limit of them ever reach the check.
 */
@Injectable()
export class SignInThrottle {
  private readonly usernames: FixedWindowLimiter;
  private readonly addresses: FixedWindowLimiter;

  constructor(
    rateLimits: RateLimits,
    private readonly metrics: Metrics,
  ) {
    this.usernames = rateLimits.host('signInFailuresPerUsername');
    this.addresses = rateLimits.host('signInFailuresPerAddress');
  }

  /**
   * Counts an attempt at `usernameKey`'s password from `ip` as a failure, or refuses it (429
   * too_many_attempts) when either has no attempts left; a refused attempt counts against neither.
   */
  async attempt(usernameKey: string, ip: string | undefined): Promise<void> {
    const username = await this.usernames.consume(usernameKey);
    if (!username.allowed) throw this.refused(username.resetSeconds);
    if (ip === undefined) return;
    const address = await this.addresses.consume(ip);
    if (!address.allowed) {
      await this.usernames.refund(usernameKey);
      throw this.refused(address.resetSeconds);
    }
  }

  private refused(seconds: number): ProblemException {
    this.metrics.rejectedByRateLimit('sign_in');
    return tooManyAttempts(seconds);
  }

  /** The password was right: the username's failures are forgiven, and the attempt is given back to the address. */
  async succeeded(usernameKey: string, ip: string | undefined): Promise<void> {
    await this.usernames.clear(usernameKey);
    if (ip !== undefined) await this.addresses.refund(ip);
  }
}

const tooManyAttempts = (seconds: number) =>
  new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    'too_many_attempts',
    `Too many failed sign-ins; try again in ${seconds} seconds`,
  );
