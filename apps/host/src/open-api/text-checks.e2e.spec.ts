import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { OpenApiKit } from './open-api.testing';
import { factory, host, useFileHost } from '../testing/file-host';

describe('Open API: text checks (e2e)', () => {
  useFileHost();

  let kit: OpenApiKit;
  let user: TestUser;
  /** A token with feed:write, to post what was checked. */
  let poster: string;
  /** A token granted only profile:read: checking needs no scope of its own. */
  let reader: string;

  const check = (text: unknown, token = reader) =>
    host.post('/open/v1/text-checks', { token, body: { text } });

  beforeAll(async () => {
    kit = new OpenApiKit(host, factory);
    const app = await kit.approvedApp();
    user = await factory.newUser('writer');
    poster = await kit.token(user, app, ['feed:write']);
    reader = await kit.token(user, app, ['profile:read']);
    const admin = await factory.admin();
    for (const [phrase, action] of [
      ['荒野赌场', 'block'],
      ['神秘药丸', 'hold'],
      ['便宜金币', 'flag'],
      // Written by the admin in full-width capitals; matched after NFKC and lower-casing, both sides.
      ['ＬＵＣＫＹ\u3000ＣＡＳＩＮＯ', 'block'],
      ['FreeCoins', 'hold'],
    ]) {
      const rule = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase, action },
      });
      expect(rule.status).toBe(201);
    }
  });

  it('answers what posting the text would do, and posting it does exactly that', async () => {
    const cases: [string, 'allow' | 'hold' | 'block'][] = [
      ['今天的萝卜大丰收', 'allow'],
      ['来 荒野赌场 玩一把', 'block'],
      ['有人卖神秘药丸', 'hold'],
      ['便宜金币出售', 'allow'],
    ];
    for (const [text, verdict] of cases) {
      const checked = await check(text);
      expect(checked.status).toBe(200);
      // The answer is the verdict alone: which rule matched stays with the admins.
      expect(checked.body).toEqual({ verdict });

      const posted = await host.post('/open/v1/feed/stories', { token: poster, body: { text } });
      if (verdict === 'block') expectProblem(posted, 422, 'content_blocked');
      else expect(posted.body.state).toBe(verdict === 'hold' ? 'held' : 'published');
    }
  });

  it('folds full-width forms and letter case as the keyword rules do, and posting agrees', async () => {
    const cases: [string, 'allow' | 'hold' | 'block'][] = [
      // The block rule is a full-width 'LUCKY CASINO' (with an ideographic space): plain, mixed-case and
      // partly full-width spellings match it.
      ['come to lucky casino tonight', 'block'],
      ['Come to LuCkY CaSiNo tonight', 'block'],
      ['Come to ｌｕｃｋｙ Ｃasino tonight', 'block'],
      // The hold rule is 'FreeCoins': full-width and upper-case spellings are held like the plain one.
      ['ＦＲＥＥＣＯＩＮＳ here', 'hold'],
      ['get ｆｒｅｅｃｏｉｎｓ here', 'hold'],
      ['get freecoins here', 'hold'],
      // Only forms and case are folded: letters spaced apart, or another word between, are other text.
      ['get free coins here', 'allow'],
      ['come to lucky old casino', 'allow'],
    ];
    for (const [text, verdict] of cases) {
      const checked = await check(text);
      expect({ text, body: checked.body }).toEqual({ text, body: { verdict } });
      const posted = await host.post('/open/v1/feed/stories', { token: poster, body: { text } });
      if (verdict === 'block') expectProblem(posted, 422, 'content_blocked');
      else
        expect({ text, state: posted.body.state }).toEqual({
          text,
          state: verdict === 'hold' ? 'held' : 'published',
        });
    }
  });

  it('counts against the rate limit like any call', async () => {
    const remaining = async () =>
      Number(/"token";r=(\d+)/.exec((await check('hello')).headers['ratelimit'])?.[1]);
    const first = await remaining();
    expect(await remaining()).toBe(first - 1);
  });

  it('refuses bad input and missing tokens, and changes nothing', async () => {
    const posts = async () => (await host.sql<{ n: number }>('select count(*)::int as n from post'))[0].n;
    const before = await posts();
    for (const text of [undefined, '', 42, 'x'.repeat(LIMITS.storyTextMax + 1)]) {
      expectProblem(await check(text), 400, 'validation_failed');
    }
    expectProblem(await host.post('/open/v1/text-checks', { body: { text: 'hi' } }), 401, 'unauthenticated');
    expectProblem(await check('hi', 'not-a-token'), 401, 'invalid_token');
    expect(await posts()).toBe(before);
  });
});
