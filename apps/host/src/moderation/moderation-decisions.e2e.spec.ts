import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { factory, host } from '../testing/file-host';
import {
  MISSING,
  addBlockRules,
  addHoldRules,
  addRule,
  admin,
  author,
  count,
  decide,
  friend,
  mood,
  openCase,
  postCount,
  report,
  snapshot,
  stranger,
  traces,
  useModerationHost,
} from './moderation.e2e-setup';

describe('moderation (e2e)', () => {
  useModerationHost();

  // The flag tests post against the block and hold rules too: the strongest action wins.
  beforeAll(async () => {
    await addBlockRules();
    await addHoldRules();
  });

  describe('flag, unpublish and dismiss', () => {
    beforeAll(async () => {
      await addRule('flagme', 'flag');
      await addRule('flagtoo', 'flag');
    });

    it('publishes flagged content at once and queues it; dismissing closes the case', async () => {
      const created = await mood(author, 'FLAGME and flagtoo');
      expect(created.status).toBe(201);
      expect(created.body.moderation).toBeUndefined();
      const id = created.body.id;
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(200);
      expect(await openCase('post', id)).toMatchObject({
        keywordAction: 'flag',
        keywords: ['flagme', 'flagtoo'],
        content: { state: 'published' },
      });
      const dismissed = await decide('dismiss', 'post', id, { reason: 'harmless' });
      expect(dismissed.status).toBe(200);
      expect(dismissed.body).toMatchObject({
        action: 'dismiss',
        previousState: 'published',
        newState: 'published',
      });
      expect(await openCase('post', id)).toBeUndefined();
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(200);
      const closed = await host.get('/admin/moderation/cases', {
        token: admin.token,
        query: { status: 'closed', limit: 100 },
      });
      expect(closed.body.items.find((c: { subjectId: string }) => c.subjectId === id)).toMatchObject({
        status: 'closed',
      });
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
    });

    it('takes the strongest action when rules of several kinds match', async () => {
      const created = await mood(author, 'flagme and holdme');
      expect(created.body.moderation.state).toBe('held');
      expectProblem(await mood(author, 'flagme holdme badword'), 422, 'content_blocked');
    });

    it('unpublishes a published post: it vanishes from others and its author sees why', async () => {
      const id = (await mood(author, 'a fine mood', 'friends')).body.id;
      const comment = await host.post(`/posts/${id}/comments`, {
        token: friend.token,
        body: { body: 'nice' },
      });
      expect(await traces(friend, id)).toEqual({ get: 200, list: true, feed: true, comments: 200 });
      const countBefore = await postCount(friend, author);
      const unpublished = await decide('unpublish', 'post', id, { reason: 'Copyright complaint' });
      expect(unpublished.status).toBe(200);
      expect(unpublished.body).toMatchObject({
        caseId: null,
        previousState: 'published',
        newState: 'unpublished',
      });
      expect(await traces(friend, id)).toEqual({ get: 404, list: false, feed: false, comments: 404 });
      expect(await postCount(friend, author)).toBe(countBefore - 1);
      const own = await host.get(`/posts/${id}`, { token: author.token });
      expect(own.body.moderation).toEqual({ state: 'unpublished', reason: 'Copyright complaint' });
      // The friend's comment on it no longer shows in the friend's own feed either: its post is gone.
      const feed = await host.get('/feed', { token: friend.token, query: { limit: 100 } });
      expect(
        feed.body.items.some(
          (item: { comment: { id: string } | null }) => item.comment?.id === comment.body.id,
        ),
      ).toBe(false);
      expectProblem(await decide('unpublish', 'post', id, { reason: 'again' }), 409, 'moderation_conflict');
      // An admin may change their mind.
      expect((await decide('approve', 'post', id)).body.newState).toBe('published');
      expect((await host.get(`/posts/${id}`, { token: friend.token })).status).toBe(200);
    });

    it('unpublishes a comment: gone from the list and count, its author sees why', async () => {
      const post = (await mood(author, 'talk')).body.id;
      const comment = (
        await host.post(`/posts/${post}/comments`, { token: friend.token, body: { body: 'rude' } })
      ).body.id;
      expect((await decide('unpublish', 'comment', comment, { reason: 'Be kind' })).status).toBe(200);
      const others = await host.get(`/posts/${post}/comments`, { token: stranger.token });
      expect(others.body.items).toEqual([]);
      expect((await host.get(`/posts/${post}`, { token: stranger.token })).body.commentCount).toBe(0);
      const own = await host.get(`/posts/${post}/comments`, { token: friend.token });
      expect(own.body.items[0]).toMatchObject({
        id: comment,
        moderation: { state: 'unpublished', reason: 'Be kind' },
      });
    });

    it('records every decision, listable by admins and filterable by item', async () => {
      const id = (await mood(author, 'decide me')).body.id;
      await decide('unpublish', 'post', id, { reason: 'first' });
      await decide('approve', 'post', id, { reason: 'second thoughts' });
      const all = await host.get('/admin/moderation/decisions', {
        token: admin.token,
        query: { limit: 100 },
      });
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeGreaterThanOrEqual(2);
      const mine = await host.get('/admin/moderation/decisions', {
        token: admin.token,
        query: { subjectType: 'post', subjectId: id },
      });
      expect(mine.body.items).toMatchObject([
        {
          action: 'approve',
          reason: 'second thoughts',
          previousState: 'unpublished',
          newState: 'published',
          admin: { id: admin.id },
        },
        { action: 'unpublish', reason: 'first', previousState: 'published', newState: 'unpublished' },
      ]);
      const page = await host.get('/admin/moderation/decisions', { token: admin.token, query: { limit: 1 } });
      const next = await host.get('/admin/moderation/decisions', {
        token: admin.token,
        query: { limit: 1, cursor: page.body.nextCursor },
      });
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    });
  });

  describe('the decision log', () => {
    it('filters by action, admin and time range, and pages within a filter', async () => {
      const other = await factory.admin();
      const posts: string[] = [];
      for (const text of ['log one', 'log two', 'log three']) posts.push((await mood(author, text)).body.id);
      expect((await decide('unpublish', 'post', posts[0], { reason: 'before' })).status).toBe(200);
      host.clock.advance(60_000);
      const boundary = host.clock.now().toISOString();
      expect(
        (await decide('unpublish', 'post', posts[1], { reason: 'by the other' }, other.token)).status,
      ).toBe(200);
      expect((await decide('unpublish', 'post', posts[2], { reason: 'late' })).status).toBe(200);
      expect((await decide('approve', 'post', posts[2], { reason: 'put back' })).status).toBe(200);

      const list = async (query: Record<string, string | number>) => {
        const response = await host.get('/admin/moderation/decisions', {
          token: admin.token,
          query: { limit: 100, ...query },
        });
        expect(response.status).toBe(200);
        return response.body.items.map((item: { reason: string }) => item.reason);
      };
      expect(await list({ from: boundary })).toEqual(['put back', 'late', 'by the other']);
      expect(await list({ from: boundary, action: 'unpublish' })).toEqual(['late', 'by the other']);
      expect(await list({ from: boundary, adminId: other.id })).toEqual(['by the other']);
      expect(await list({ adminId: other.id.toUpperCase() })).toEqual(['by the other']);
      const before = await list({ to: boundary, action: 'unpublish' });
      expect(before).toContain('before');
      expect(before).not.toContain('late');
      expect(await list({ to: boundary, action: 'approve', subjectId: posts[2] })).toEqual([]);

      // Keyset paging keeps the filter: three pages of one, then the end.
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get('/admin/moderation/decisions', {
          token: admin.token,
          query: { limit: 1, from: boundary, cursor },
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item: { reason: string }) => item.reason));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual(['put back', 'late', 'by the other']);
    });
  });

  describe('reports', () => {
    it('lets users report posts and comments they can see, once each, into one case per item', async () => {
      const id = (await mood(author, 'reportable')).body.id;
      const first = await report(friend, 'post', id, 'This is spam');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ subjectType: 'post', subjectId: id, reason: 'This is spam' });
      const before = await snapshot();
      expectProblem(await report(friend, 'post', id, 'again'), 409, 'already_reported');
      expect(await snapshot()).toEqual(before);
      expect((await report(stranger, 'post', id, 'rude')).status).toBe(201);
      expect(await openCase('post', id)).toMatchObject({
        keywordAction: null,
        reportCount: 2,
        reportReasons: ['rude', 'This is spam'],
      });
      expect(await count('moderation_case', 'subject_id = ?', [id])).toBe(1);

      const comment = (
        await host.post(`/posts/${id}/comments`, { token: friend.token, body: { body: 'hm' } })
      ).body.id;
      expect((await report(stranger, 'comment', comment, 'x')).status).toBe(201);
      expect(await openCase('comment', comment)).toMatchObject({
        reportCount: 1,
        content: { postId: id, text: 'hm' },
      });
    });

    it('answers 404 for content the reporter cannot see, and 400 for their own', async () => {
      const hidden = (await mood(author, 'for friends', 'friends')).body.id;
      const before = await snapshot();
      for (const body of [
        { subjectType: 'post', subjectId: hidden, reason: 'x' },
        { subjectType: 'post', subjectId: MISSING, reason: 'x' },
        { subjectType: 'comment', subjectId: MISSING, reason: 'x' },
      ]) {
        expectProblem(await host.post('/reports', { token: stranger.token, body }), 404, 'not_found');
      }
      expectProblem(await report(author, 'post', hidden, 'x'), 400, 'cannot_target_self');
      for (const body of [
        {},
        { subjectType: 'post', subjectId: hidden },
        { subjectType: 'post', subjectId: hidden, reason: '' },
        { subjectType: 'post', subjectId: hidden, reason: '   ' },
        { subjectType: 'post', subjectId: hidden, reason: 'x'.repeat(LIMITS.reportReasonMax + 1) },
        { subjectType: 'board_message', subjectId: hidden, reason: 'x' },
        { subjectType: 'post', subjectId: 'nope', reason: 'x' },
        { subjectType: 'post', subjectId: hidden, reason: 'x', extra: 1 },
      ]) {
        expectProblem(await host.post('/reports', { token: friend.token, body }), 400, 'validation_failed');
      }
      expect((await report(undefined, 'post', hidden, 'x')).status).toBe(401);
      expect(await snapshot()).toEqual(before);
    });

    it('lets an admin unpublish a reported post, closing its case', async () => {
      const id = (await mood(author, 'reported then removed')).body.id;
      await report(friend, 'post', id, 'bad');
      const caseId = (await openCase('post', id)).id;
      const decision = await decide('unpublish', 'post', id, { reason: 'Reported and confirmed' });
      expect(decision.body.caseId).toBe(caseId);
      expect(await openCase('post', id)).toBeUndefined();
      // Reporting it again is a 404: nobody but its author can see it now.
      expectProblem(await report(stranger, 'post', id, 'x'), 404, 'not_found');
    });
  });
});
