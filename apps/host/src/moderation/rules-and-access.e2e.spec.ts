import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { host } from '../testing/file-host';
import {
  MISSING,
  addRule,
  admin,
  author,
  decide,
  mood,
  snapshot,
  useModerationHost,
} from './moderation.e2e-setup';

describe('moderation (e2e)', () => {
  useModerationHost();

  describe('keyword rules', () => {
    it('lets admins add, list, change and delete rules', async () => {
      const created = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase: '  Rule Phrase 一 ', action: 'flag' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ phrase: 'Rule Phrase 一', action: 'flag' });
      const listed = await host.get('/admin/moderation/rules', { token: admin.token });
      expect(listed.body.items.map((rule: { id: string }) => rule.id)).toContain(created.body.id);
      const changed = await host.patch(`/admin/moderation/rules/${created.body.id}`, {
        token: admin.token,
        body: { action: 'hold' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.action).toBe('hold');
      expect(
        (await host.delete(`/admin/moderation/rules/${created.body.id}`, { token: admin.token })).status,
      ).toBe(204);
      const after = await host.get('/admin/moderation/rules', { token: admin.token });
      expect(after.body.items.map((rule: { id: string }) => rule.id)).not.toContain(created.body.id);
    });

    it('tries a text against the rules without posting it: what would happen, and which phrases match', async () => {
      await addRule('trialblock', 'block');
      await addRule('trialhold', 'hold');
      await addRule('trialflag', 'flag');
      const before = await snapshot();
      const check = (text: string) =>
        host.post('/admin/moderation/rules/check', { token: admin.token, body: { text } });
      expect((await check('nothing to see')).body).toEqual({ action: null, keywords: [] });
      expect((await check('a ＴＲＩＡＬＦＬＡＧ here')).body).toEqual({
        action: 'flag',
        keywords: ['trialflag'],
      });
      const both = await check('trialflag and trialhold');
      expect(both.status).toBe(200);
      expect(both.body).toEqual({ action: 'hold', keywords: ['trialflag', 'trialhold'] });
      expect((await check('trialhold, trialblock')).body.action).toBe('block');
      expect(await snapshot()).toEqual(before);
    });

    it('pages through rules with a cursor', async () => {
      for (const n of [1, 2, 3]) await addRule(`pagedrule${n}`, 'flag');
      const first = await host.get('/admin/moderation/rules', { token: admin.token, query: { limit: 2 } });
      expect(first.body.items).toHaveLength(2);
      const second = await host.get('/admin/moderation/rules', {
        token: admin.token,
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      const ids = [...first.body.items, ...second.body.items].map((rule: { id: string }) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('refuses a phrase that normalizes like an existing rule', async () => {
      await addRule('dupephrase', 'flag');
      const before = await snapshot();
      const again = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase: 'ＤＵＰＥphrase', action: 'block' },
      });
      expectProblem(again, 409, 'rule_exists');
      expect(await snapshot()).toEqual(before);
    });

    it('applies a rule changed by another host instance once the rules version moves', async () => {
      expect((await mood(author, 'otherinstance word')).status).toBe(201);
      // Another instance writes the rule and bumps the version; this one notices within the TTL.
      await host.sql(
        `insert into moderation_rule (id, phrase, normalized, action, created_at, updated_at)
         values ('01900000-0000-7000-8000-000000000001', 'otherinstance', 'otherinstance', 'block', now(), now())`,
      );
      await host.sql('update moderation_rules_version set version = version + 1');
      await new Promise((resolve) => setTimeout(resolve, LIMITS.keywordRulesTtlMs + 100));
      expectProblem(await mood(author, 'otherinstance word'), 422, 'content_blocked');
    });
  });

  describe('access and bad input', () => {
    const ROUTES: [string, string, object | undefined][] = [
      ['GET', '/admin/moderation/rules', undefined],
      ['POST', '/admin/moderation/rules', { phrase: 'x', action: 'flag' }],
      ['PATCH', `/admin/moderation/rules/${MISSING}`, { action: 'flag' }],
      ['DELETE', `/admin/moderation/rules/${MISSING}`, undefined],
      ['POST', '/admin/moderation/rules/check', { text: 'x' }],
      ['GET', '/admin/moderation/cases', undefined],
      ['GET', '/admin/moderation/decisions', undefined],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/approve`, {}],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/reject`, { reason: 'x' }],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/unpublish`, { reason: 'x' }],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/dismiss`, {}],
    ];

    it.each(ROUTES)('%s %s: 403 for users, 401 for anonymous visitors', async (method, url, body) => {
      const before = await snapshot();
      expectProblem(await host.call(method, url, { token: author.token, body }), 403, 'forbidden');
      expectProblem(await host.call(method, url, { body }), 401, 'unauthenticated');
      expect(await snapshot()).toEqual(before);
    });

    const badRules: [string, string, string, object | undefined, number, string][] = [
      ['POST', '/admin/moderation/rules', 'no phrase', { action: 'block' }, 400, 'validation_failed'],
      [
        'POST',
        '/admin/moderation/rules',
        'blank phrase',
        { phrase: '   ', action: 'block' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'long phrase',
        { phrase: 'x'.repeat(LIMITS.keywordPhraseMax + 1), action: 'block' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'unknown action',
        { phrase: 'x', action: 'ban' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'wrong type',
        { phrase: 42, action: 'block' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'unknown field',
        { phrase: 'x', action: 'block', x: 1 },
        400,
        'validation_failed',
      ],
      ['POST', '/admin/moderation/rules/check', 'no text', {}, 400, 'validation_failed'],
      ['POST', '/admin/moderation/rules/check', 'empty text', { text: '' }, 400, 'validation_failed'],
      [
        'POST',
        '/admin/moderation/rules/check',
        'text too long',
        { text: 'x'.repeat(LIMITS.blogBodyMax + 1) },
        400,
        'validation_failed',
      ],
      ['PATCH', `/admin/moderation/rules/${MISSING}`, 'missing rule', { action: 'flag' }, 404, 'not_found'],
      ['PATCH', '/admin/moderation/rules/nope', 'malformed id', { action: 'flag' }, 404, 'not_found'],
      [
        'PATCH',
        `/admin/moderation/rules/${MISSING}`,
        'unknown action',
        { action: 'ban' },
        400,
        'validation_failed',
      ],
      ['DELETE', `/admin/moderation/rules/${MISSING}`, 'missing rule', undefined, 404, 'not_found'],
      ['GET', '/admin/moderation/rules?cursor=nope', 'bad cursor', undefined, 400, 'invalid_cursor'],
      ['GET', '/admin/moderation/rules?limit=0', 'bad limit', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/cases?status=maybe', 'bad status', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/cases?cursor=nope', 'bad cursor', undefined, 400, 'invalid_cursor'],
      [
        'GET',
        '/admin/moderation/decisions?subjectType=gift',
        'bad type',
        undefined,
        400,
        'validation_failed',
      ],
      ['GET', '/admin/moderation/decisions?subjectId=nope', 'bad id', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/decisions?action=ban', 'bad action', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/decisions?adminId=root', 'bad admin', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/decisions?from=yesterday', 'bad from', undefined, 400, 'validation_failed'],
      [
        'GET',
        '/admin/moderation/decisions?to=2026-02-30T00:00:00Z',
        'impossible to',
        undefined,
        400,
        'validation_failed',
      ],
      [
        'GET',
        '/admin/moderation/decisions?from=2026-01-31T08:00:00',
        'from without offset',
        undefined,
        400,
        'validation_failed',
      ],
      [
        'GET',
        '/admin/moderation/decisions?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z',
        'reversed range',
        undefined,
        400,
        'validation_failed',
      ],
      [
        'GET',
        '/admin/moderation/decisions?action=approve&cursor=nope',
        'bad cursor',
        undefined,
        400,
        'invalid_cursor',
      ],
      ['POST', `/admin/moderation/subjects/gift/${MISSING}/approve`, 'unknown type', {}, 404, 'not_found'],
      ['POST', '/admin/moderation/subjects/post/nope/approve', 'malformed id', {}, 404, 'not_found'],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/approve`, 'missing post', {}, 404, 'not_found'],
      [
        'POST',
        `/admin/moderation/subjects/comment/${MISSING}/unpublish`,
        'missing comment',
        { reason: 'x' },
        404,
        'not_found',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/reject`,
        'no reason',
        {},
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/unpublish`,
        'blank reason',
        { reason: '' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/approve`,
        'long reason',
        { reason: 'x'.repeat(LIMITS.moderationReasonMax + 1) },
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/dismiss`,
        'unknown field',
        { why: 'x' },
        400,
        'validation_failed',
      ],
    ];

    it.each(badRules)(
      '%s %s (%s) → problem, database unchanged',
      async (method, url, _case, body, status, code) => {
        const before = await snapshot();
        const [path, search] = url.split('?');
        const query = search ? Object.fromEntries(new URLSearchParams(search)) : undefined;
        expectProblem(await host.call(method, path, { token: admin.token, body, query }), status, code);
        expect(await snapshot()).toEqual(before);
      },
    );

    it('answers a decision that does not apply with 409 and changes nothing', async () => {
      const id = (await mood(author, 'published and fine')).body.id;
      const before = await snapshot();
      expectProblem(await decide('approve', 'post', id), 409, 'moderation_conflict');
      expectProblem(await decide('reject', 'post', id, { reason: 'x' }), 409, 'moderation_conflict');
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
      expect(await snapshot()).toEqual(before);
    });

    it('does not let a held item be dismissed out of the queue', async () => {
      await addRule('holdforever', 'hold');
      const id = (await mood(author, 'holdforever')).body.id;
      const before = await snapshot();
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
      expectProblem(await decide('unpublish', 'post', id, { reason: 'x' }), 409, 'moderation_conflict');
      expect(await snapshot()).toEqual(before);
    });
  });
});
