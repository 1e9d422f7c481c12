import { randomUUID } from 'node:crypto';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

const MISSING = '00000000-0000-7000-8000-000000000000';

interface Entry {
  id: string;
  actorId: string;
  actor: { id: string; username: string } | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectUser: { id: string; username: string } | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

describe('the audit log of admin actions (e2e)', () => {
  useFileHost();

  let admin: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    admin = await factory.admin();
    user = await factory.newUser('user');
  });

  const entryCount = async () =>
    (await host.sql<{ n: number }>('select count(*)::int as n from audit_entry'))[0].n;
  const log = async (query: Record<string, string | number | undefined> = {}, token = admin.token) =>
    host.get<{ items: Entry[]; nextCursor: string | null }>('/admin/audit-log', {
      token,
      query: { limit: 100, ...query },
    });
  /** The newest entry, which the action just made. */
  const newest = async (): Promise<Entry> => (await log({ limit: 1 })).body.items[0];
  const ok = (response: { status: number; body: unknown }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  };
  const addRule = async (phrase: string, action: 'hold' | 'flag' | 'block') => {
    const response = await host.post('/admin/moderation/rules', {
      token: admin.token,
      body: { phrase, action },
    });
    ok(response, 201);
    return response.body.id as string;
  };
  const mood = async (text: string) => {
    const response = await host.post('/moods', { token: user.token, body: { text, privacy: 'public' } });
    ok(response, 201);
    return response.body.id as string;
  };

  it('records app reviews and suspensions, with the version and the reason', async () => {
    const submitted = async (name?: string) => {
      const app = await factory.newApp({ name });
      ok(await host.post(`/developer/apps/${app.id}/versions/1/submit`, { token: app.developer.token }));
      return app;
    };
    const rejected = await submitted('Iconless');
    ok(
      await host.post(`/admin/apps/${rejected.id}/versions/1/reject`, {
        token: admin.token,
        body: { reason: 'The icon is missing' },
      }),
    );
    expect(await newest()).toMatchObject({
      actorId: admin.id,
      actor: { id: admin.id, username: admin.username },
      action: 'app_version.reject',
      subjectType: 'app',
      subjectId: rejected.id,
      subjectUser: null,
      reason: 'The icon is missing',
      details: { version: 1, name: 'Iconless' },
    });

    const app = await submitted();
    ok(await host.post(`/admin/apps/${app.id}/versions/1/approve`, { token: admin.token, body: {} }));
    expect(await newest()).toMatchObject({
      action: 'app_version.approve',
      subjectId: app.id,
      reason: null,
      details: { version: 1 },
    });

    ok(await host.post(`/admin/apps/${app.id}/suspend`, { token: admin.token, body: { reason: 'Spam' } }));
    expect(await newest()).toMatchObject({
      action: 'app.suspend',
      subjectId: app.id,
      reason: 'Spam',
      details: { status: 'suspended' },
    });
    ok(await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} }));
    expect(await newest()).toMatchObject({ action: 'app.reinstate', details: { status: 'development' } });
  });

  it('records each moderation decision on its content', async () => {
    await addRule('audit-hold-word', 'hold');
    await addRule('audit-flag-word', 'flag');
    const held = await mood('audit-hold-word one');
    const rejected = await mood('audit-hold-word two');
    const flagged = await mood('audit-flag-word three');
    const unpublished = await mood('plain four');
    const decide = (action: string, id: string, reason?: string) =>
      host.post(`/admin/moderation/subjects/post/${id}/${action}`, {
        token: admin.token,
        body: reason === undefined ? {} : { reason },
      });

    ok(await decide('approve', held));
    expect(await newest()).toMatchObject({
      action: 'moderation.approve',
      subjectType: 'post',
      subjectId: held,
      details: { previousState: 'held', newState: 'published', caseId: expect.any(String) },
    });
    ok(await decide('reject', rejected, 'Not allowed here'));
    expect(await newest()).toMatchObject({
      action: 'moderation.reject',
      subjectId: rejected,
      reason: 'Not allowed here',
      details: { previousState: 'held', newState: 'rejected' },
    });
    ok(await decide('dismiss', flagged));
    expect(await newest()).toMatchObject({
      action: 'moderation.dismiss',
      subjectId: flagged,
      details: { previousState: 'published', newState: 'published' },
    });
    ok(await decide('unpublish', unpublished, 'Reported by many'));
    expect(await newest()).toMatchObject({
      action: 'moderation.unpublish',
      subjectId: unpublished,
      reason: 'Reported by many',
      details: { previousState: 'published', newState: 'unpublished', caseId: null },
    });
  });

  it('records keyword rules created, changed and deleted, with the phrase', async () => {
    const ruleId = await addRule('audit-rule', 'flag');
    expect(await newest()).toMatchObject({
      action: 'keyword_rule.create',
      subjectType: 'keyword_rule',
      subjectId: ruleId,
      details: { phrase: 'audit-rule', action: 'flag' },
    });
    ok(
      await host.patch(`/admin/moderation/rules/${ruleId}`, {
        token: admin.token,
        body: { action: 'block' },
      }),
    );
    expect(await newest()).toMatchObject({
      action: 'keyword_rule.update',
      subjectId: ruleId,
      details: { phrase: 'audit-rule', action: 'block', previousAction: 'flag' },
    });
    ok(await host.delete(`/admin/moderation/rules/${ruleId}`, { token: admin.token }), 204);
    expect(await newest()).toMatchObject({
      action: 'keyword_rule.delete',
      subjectId: ruleId,
      details: { phrase: 'audit-rule', action: 'block' },
    });
  });

  it('records a coin grant once, however often it is retried', async () => {
    const body = { amount: 250, memo: 'Contest prize', idempotencyKey: randomUUID() };
    const grant = () => host.post(`/admin/users/${user.id}/coin-grants`, { token: admin.token, body });
    const first = await grant();
    ok(first, 201);
    const before = await entryCount();
    ok(await grant(), 201);
    expect(await entryCount()).toBe(before);
    expect(await newest()).toMatchObject({
      action: 'coins.grant',
      subjectType: 'user',
      subjectId: user.id,
      // The console names the user without a second request.
      subjectUser: { id: user.id, username: user.username },
      reason: 'Contest prize',
      details: { amount: 250, transactionId: first.body.id },
    });
  });

  it('records nothing for an action that fails', async () => {
    const app = await factory.newApp();
    const post = await mood('fine');
    await addRule('audit-failing', 'flag');
    const grant = (userId: string, amount: number, idempotencyKey: string) =>
      host.post(`/admin/users/${userId}/coin-grants`, {
        token: admin.token,
        body: { amount, idempotencyKey },
      });
    ok(await grant(user.id, 1, 'audit-used-key'), 201);
    const before = await entryCount();

    const failures = {
      approveDraft: await host.post(`/admin/apps/${app.id}/versions/1/approve`, {
        token: admin.token,
        body: {},
      }),
      reinstateActive: await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} }),
      suspendMissing: await host.post(`/admin/apps/${MISSING}/suspend`, {
        token: admin.token,
        body: { reason: 'Spam' },
      }),
      dismissWithoutCase: await host.post(`/admin/moderation/subjects/post/${post}/dismiss`, {
        token: admin.token,
        body: {},
      }),
      ruleTwice: await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase: 'AUDIT-FAILING', action: 'hold' },
      }),
      updateMissing: await host.patch(`/admin/moderation/rules/${MISSING}`, {
        token: admin.token,
        body: { action: 'hold' },
      }),
      deleteMissing: await host.delete(`/admin/moderation/rules/${MISSING}`, { token: admin.token }),
      grantMissing: await grant(MISSING, 1, randomUUID()),
      grantReusedKey: await grant(user.id, 2, 'audit-used-key'),
    };
    expect(
      Object.fromEntries(Object.entries(failures).map(([name, response]) => [name, response.status])),
    ).toEqual({
      approveDraft: 409,
      reinstateActive: 409,
      suspendMissing: 404,
      dismissWithoutCase: 409,
      ruleTwice: 409,
      updateMissing: 404,
      deleteMissing: 404,
      grantMissing: 404,
      grantReusedKey: 409,
    });
    expect(await entryCount()).toBe(before);
  });

  describe('reading it', () => {
    let other: TestUser;
    let ruleIds: string[];
    let marks: string[];

    beforeAll(async () => {
      other = await factory.newUser('admin2');
      ok(
        await host.put(`/admin/users/${other.id}/roles`, { token: admin.token, body: { roles: ['admin'] } }),
      );
      ruleIds = [];
      marks = [];
      // Three rules a minute apart, one by the second admin, so time bounds and actors tell them apart.
      for (const [index, actor] of [admin, other, admin].entries()) {
        host.clock.advance(60_000);
        marks.push(host.clock.now().toISOString());
        const response = await host.post('/admin/moderation/rules', {
          token: actor.token,
          body: { phrase: `audit-read-${index}`, action: 'flag' },
        });
        ok(response, 201);
        ruleIds.push(response.body.id);
      }
    });

    it('is newest first, in pages that join up', async () => {
      const all = (await log()).body.items;
      const times = all.map((entry) => `${entry.createdAt}/${entry.id}`);
      expect([...times].sort().reverse()).toEqual(times);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await log({ limit: 2, cursor });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((entry) => entry.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all.map((entry) => entry.id));
    });

    it('filters by actor, action, subject and time, together', async () => {
      const ids = async (query: Record<string, string>) =>
        (await log(query)).body.items.map((entry) => entry.subjectId);
      expect(await ids({ actorId: other.id })).toEqual([ruleIds[1]]);
      expect(await ids({ actorId: other.id.toUpperCase() })).toEqual([ruleIds[1]]);
      expect(await ids({ action: 'keyword_rule.create', from: marks[0] })).toEqual([...ruleIds].reverse());
      expect(await ids({ subjectType: 'keyword_rule', subjectId: ruleIds[2] })).toEqual([ruleIds[2]]);
      expect(await ids({ from: marks[1], to: marks[2] })).toEqual([ruleIds[1]]);
      expect(await ids({ from: marks[1], actorId: admin.id })).toEqual([ruleIds[2]]);
      expect(await ids({ subjectType: 'plugin' })).toEqual([]);
    });

    it('refuses bad filters with a 400', async () => {
      for (const query of [
        { action: 'app.delete' },
        { subjectType: 'planet' },
        { actorId: 'someone' },
        { from: 'yesterday' },
        { from: '2026-02-30T00:00:00Z' },
        { to: '2026-01-01T00:00:00' },
        { subjectId: 'x'.repeat(101) },
        { limit: 0 },
        { unknown: 'field' },
      ]) {
        expectProblem(await log(query), 400, 'validation_failed');
      }
      expectProblem(await log({ cursor: 'not-a-cursor' }), 400, 'invalid_cursor');
    });

    it('is for admins only', async () => {
      expectProblem(await log({}, user.token), 403, 'forbidden');
      expectProblem(await host.get('/admin/audit-log'), 401, 'unauthenticated');
    });
  });
});
