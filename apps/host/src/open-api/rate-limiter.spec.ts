import type { HostConfig } from '../config/config';
import { RateLimits } from '../shared-store/rate-limits';
import { SharedStore } from '../shared-store/shared-store';
import { StillClock } from '../testing/test-clock';
import { OpenApiRateLimiter } from './rate-limiter';

describe('OpenApiRateLimiter (in memory)', () => {
  const rates = { tokenRequestsPerWindow: 3, appRequestsPerWindow: 5, windowSeconds: 60 };
  const thirdParty = { tokenId: 'token-1', appId: 'app-1', builtIn: false };
  let clock: StillClock;
  let limiter: OpenApiRateLimiter;

  beforeEach(() => {
    clock = new StillClock();
    const config = { openApiRateLimits: rates } as HostConfig;
    limiter = new OpenApiRateLimiter(config, new RateLimits(new SharedStore(config), clock));
  });

  it('reads what consume counted and told in the RateLimit header, and counts nothing itself', async () => {
    const verdict = await limiter.consume(thirdParty);
    const peeked = await limiter.peek(thirdParty);
    expect(peeked).toEqual({
      windowSeconds: 60,
      token: { limit: 3, remaining: 2, resetsAt: clock.windowEnd },
      app: { limit: 5, remaining: 4, resetsAt: clock.windowEnd },
    });
    expect(verdict.header).toBe(`"token";r=2;t=${verdict.resetSeconds}, "app";r=4;t=${verdict.resetSeconds}`);
    expect(await limiter.peek(thirdParty)).toEqual(peeked);
    expect((await limiter.budget('app-1')).appRequestsLeft).toBe(4);
  });

  it('gives a built-in plugin no app budget, as consume counts none', async () => {
    const plugin = { tokenId: 'token-2', appId: 'plugin-app', builtIn: true };
    await limiter.consume(plugin);
    expect((await limiter.peek(plugin)).app).toBeNull();
    expect((await limiter.peek(plugin)).token.remaining).toBe(2);
    // The plugin's calls left the app-wide counter of its app untouched.
    expect((await limiter.peek({ ...plugin, builtIn: false })).app?.remaining).toBe(5);
  });

  it('spends neither budget on a request the other refuses', async () => {
    const tokens = ['a', 'b'].map((tokenId) => ({ ...thirdParty, tokenId }));
    // Token a spends its 3; the fourth is refused by the token's budget and leaves the app's alone.
    for (let i = 0; i < 3; i++) expect((await limiter.consume(tokens[0])).allowed).toBe(true);
    expect((await limiter.consume(tokens[0])).allowed).toBe(false);
    expect((await limiter.peek(tokens[0])).app?.remaining).toBe(2);
    // Token b gets the app's last 2; the app refuses the third, which gives the token's back.
    for (let i = 0; i < 2; i++) expect((await limiter.consume(tokens[1])).allowed).toBe(true);
    const refused = await limiter.consume(tokens[1]);
    expect(refused.allowed).toBe(false);
    expect(refused.header).toBe(`"token";r=1;t=${refused.resetSeconds}, "app";r=0;t=${refused.resetSeconds}`);
    expect((await limiter.peek(tokens[1])).token.remaining).toBe(1);
  });

  it('counts concurrent requests exactly: a limit of L lets exactly L through', async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.consume(thirdParty)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3);
    expect((await limiter.peek(thirdParty)).app?.remaining).toBe(2);
  });
});
