import { LIMITS } from '../common/limits';
import { type TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import {
  DAY_MS,
  MISSING_ID,
  befriend,
  block,
  leaveMessage,
  openBoard,
  snapshot,
  useSpacesHost,
} from './spaces.e2e-setup';

describe('spaces (e2e)', () => {
  useSpacesHost();

  describe('visitor log', () => {
    it('logs one visit per visitor per UTC day, shows the list only to the owner and the count to all', async () => {
      const owner = await factory.newUser('owner');
      const first = await factory.newUser('first');
      const second = await factory.newUser('second');

      await host.get(`/spaces/${owner.id}`, { token: first.token });
      const earlyVisit = (await host.get(`/spaces/${owner.id}/visitors`, { token: owner.token })).body
        .items[0].visitedAt;
      host.clock.advance(60 * 1000);
      const again = await host.get(`/spaces/${owner.id}`, { token: first.token });
      expect(again.body).toMatchObject({ visitorCount: 1, visitorsToday: 1 });
      await host.get(`/spaces/${owner.id}`, { token: owner.token });
      await host.get(`/spaces/${owner.id}`);
      host.clock.advance(60 * 1000);
      await host.get(`/spaces/${owner.id}`, { token: second.token });

      const today = await host.get(`/spaces/${owner.id}/visitors`, { token: owner.token });
      expect(today.status).toBe(200);
      expect(today.body.items.map((item: { visitor: { id: string } }) => item.visitor.id)).toEqual([
        second.id,
        first.id,
      ]);
      expect(new Date(today.body.items[1].visitedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(earlyVisit).getTime() + 60 * 1000,
      );

      host.clock.advance(DAY_MS);
      const nextDay = await host.get(`/spaces/${owner.id}`, { token: first.token });
      expect(nextDay.body).toMatchObject({ visitorCount: 3, visitorsToday: 1 });

      const log = await host.get(`/spaces/${owner.id}/visitors`, { token: owner.token });
      expect(log.body.items.map((item: { visitor: { id: string } }) => item.visitor.id)).toEqual([
        first.id,
        second.id,
        first.id,
      ]);
      expect(log.body.items[0].visitor).toEqual({
        id: first.id,
        username: first.username,
        nickname: first.username,
        avatarUrl: null,
      });
      expect(
        await host.sql('select count(*)::int as n from space_visit where owner_id = ?', [owner.id]),
      ).toEqual([{ n: 3 }]);

      const notOwner = await host.get(`/spaces/${owner.id}/visitors`, { token: first.token });
      expect(notOwner.status).toBe(403);
      expect(notOwner.body.code).toBe('forbidden');
      expect((await host.get(`/spaces/${owner.id}/visitors`)).status).toBe(401);
      expect((await host.get(`/spaces/${owner.id}`)).body.visitorCount).toBe(3);
    });

    it('pages through the visitor log newest first without repeating anyone', async () => {
      const owner = await factory.newUser('owner');
      const visitors: TestUser[] = [];
      for (let index = 0; index < 5; index++) {
        const visitor = await factory.newUser('visitor');
        visitors.push(visitor);
        await host.get(`/spaces/${owner.id}`, { token: visitor.token });
        host.clock.advance(1000);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get(`/spaces/${owner.id}/visitors`, {
          token: owner.token,
          query: { limit: 2, cursor },
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { visitor: { id: string } }) => item.visitor.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(visitors.map((visitor) => visitor.id).reverse());
    });

    it('refuses bad visitor queries', async () => {
      const owner = await factory.newUser('owner');
      expect((await host.get(`/spaces/${MISSING_ID}/visitors`, { token: owner.token })).status).toBe(404);
      expect((await host.get('/spaces/nope/visitors', { token: owner.token })).status).toBe(404);
      const badCursor = await host.get(`/spaces/${owner.id}/visitors`, {
        token: owner.token,
        query: { cursor: 'garbage' },
      });
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.code).toBe('invalid_cursor');
      const badLimit = await host.get(`/spaces/${owner.id}/visitors`, {
        token: owner.token,
        query: { limit: LIMITS.pageSizeMax + 1 },
      });
      expect(badLimit.status).toBe(400);
    });

    it('does not log a visit to a space of nobody', async () => {
      const visitor = await factory.newUser('visitor');
      const before = await host.sql('select count(*)::int as n from space_visit');
      expect((await host.get(`/spaces/${MISSING_ID}`, { token: visitor.token })).status).toBe(404);
      expect(await host.sql('select count(*)::int as n from space_visit')).toEqual(before);
    });
  });

  describe('message board', () => {
    it('is open to the owner and friends by default, and closed to others', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      const stranger = await factory.newUser('stranger');
      await befriend(owner, friend);

      const written = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: '  Happy birthday!  ' },
      });
      expect(written.status).toBe(201);
      expect(written.body).toMatchObject({
        body: 'Happy birthday!',
        deletable: true,
        author: { id: friend.id },
      });
      await leaveMessage(owner, owner, 'Thanks everyone');

      const asFriend = await host.get(`/spaces/${owner.id}/messages`, { token: friend.token });
      expect(asFriend.status).toBe(200);
      expect(asFriend.body.items.map((item: { body: string }) => item.body)).toEqual([
        'Thanks everyone',
        'Happy birthday!',
      ]);
      expect(asFriend.body.items.map((item: { deletable: boolean }) => item.deletable)).toEqual([
        false,
        true,
      ]);
      const asOwner = await host.get(`/spaces/${owner.id}/messages`, { token: owner.token });
      expect(asOwner.body.items.map((item: { deletable: boolean }) => item.deletable)).toEqual([true, true]);

      for (const token of [stranger.token, undefined]) {
        const closed = await host.get(`/spaces/${owner.id}/messages`, { token });
        expect(closed.status).toBe(403);
        expect(closed.body.code).toBe('board_closed');
      }
      const before = await snapshot(owner.id);
      const refused = await host.post(`/spaces/${owner.id}/messages`, {
        token: stranger.token,
        body: { body: 'hi' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('board_closed');
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('tells the owner about a new message, but not about their own', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      await befriend(owner, friend);
      const ownerUnreadBefore = (
        await host.get('/notifications', { token: owner.token, query: { unread: 'true' } })
      ).body.items;
      const messageId = await leaveMessage(friend, owner, 'Come to the farm');
      await leaveMessage(owner, owner, 'note to self');

      const notifications = await host.get('/notifications', {
        token: owner.token,
        query: { unread: 'true' },
      });
      const boardNotes = notifications.body.items.filter(
        (item: { kind: string }) => item.kind === 'board_message',
      );
      expect(boardNotes).toHaveLength(1);
      expect(boardNotes[0]).toMatchObject({ subjectId: messageId, actor: { id: friend.id }, read: false });
      expect(notifications.body.items.length).toBe(ownerUnreadBefore.length + 1);
    });

    it("with boardAccess 'everyone' anyone may read and any signed-in user may write", async () => {
      const owner = await factory.newUser('owner');
      const stranger = await factory.newUser('stranger');
      await openBoard(owner);
      const view = await host.get(`/spaces/${owner.id}`, { token: stranger.token });
      expect(view.body).toMatchObject({ canReadBoard: true, canWriteBoard: true });

      await leaveMessage(stranger, owner, 'Passing by, nice space');
      const anonymous = await host.get(`/spaces/${owner.id}/messages`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.items).toHaveLength(1);
      expect(anonymous.body.items[0].deletable).toBe(false);

      const signedOut = await host.post(`/spaces/${owner.id}/messages`, { body: { body: 'anonymous' } });
      expect(signedOut.status).toBe(401);

      await host.patch('/space/decoration', { token: owner.token, body: { boardAccess: 'friends' } });
      expect((await host.get(`/spaces/${owner.id}/messages`)).status).toBe(403);
      expect(
        (await host.post(`/spaces/${owner.id}/messages`, { token: stranger.token, body: { body: 'again' } }))
          .status,
      ).toBe(403);
    });

    it('refuses a message from someone the owner blocked, even on an open board', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      await befriend(owner, friend);
      await openBoard(owner);
      await block(owner, friend);

      const before = await snapshot(owner.id);
      const refused = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: 'let me explain' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('blocked');
      expect(await snapshot(owner.id)).toEqual(before);
      expect((await host.get(`/spaces/${owner.id}`, { token: friend.token })).body.canWriteBoard).toBe(false);

      await host.patch('/space/decoration', { token: owner.token, body: { boardAccess: 'friends' } });
      const closed = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: 'still me' },
      });
      expect(closed.status).toBe(403);
      expect(closed.body.code).toBe('blocked');
    });

    it('lets the owner and the author delete a message, and nobody else', async () => {
      const owner = await factory.newUser('owner');
      const author = await factory.newUser('author');
      const other = await factory.newUser('other');
      await openBoard(owner);
      const byAuthor = await leaveMessage(author, owner, 'first');
      const forOwner = await leaveMessage(author, owner, 'second');
      const byOther = await leaveMessage(other, owner, 'third');

      const stranger = await host.delete(`/spaces/${owner.id}/messages/${byAuthor}`, { token: other.token });
      expect(stranger.status).toBe(404);
      expect(stranger.body.code).toBe('not_found');
      expect(
        (await host.delete(`/spaces/${other.id}/messages/${byAuthor}`, { token: other.token })).status,
      ).toBe(404);
      expect((await host.delete(`/spaces/${owner.id}/messages/${byAuthor}`)).status).toBe(401);
      expect(
        await host.sql('select count(*)::int as n from board_message where owner_id = ?', [owner.id]),
      ).toEqual([{ n: 3 }]);

      expect(
        (await host.delete(`/spaces/${owner.id}/messages/${byAuthor}`, { token: author.token })).status,
      ).toBe(204);
      expect(
        (await host.delete(`/spaces/${owner.id}/messages/${forOwner}`, { token: owner.token })).status,
      ).toBe(204);
      expect(
        (await host.delete(`/spaces/${owner.id}/messages/${forOwner}`, { token: owner.token })).status,
      ).toBe(404);

      const left = await host.get(`/spaces/${owner.id}/messages`, { token: owner.token });
      expect(left.body.items.map((item: { id: string }) => item.id)).toEqual([byOther]);
    });

    it('answers 404 for messages and boards that do not exist', async () => {
      const owner = await factory.newUser('owner');
      const before = await snapshot(owner.id);
      for (const [method, url] of [
        ['GET', `/spaces/${MISSING_ID}/messages`],
        ['GET', '/spaces/nope/messages'],
        ['POST', `/spaces/${MISSING_ID}/messages`],
        ['POST', '/spaces/nope/messages'],
        ['DELETE', `/spaces/${owner.id}/messages/${MISSING_ID}`],
        ['DELETE', `/spaces/${owner.id}/messages/nope`],
        ['DELETE', `/spaces/nope/messages/${MISSING_ID}`],
      ]) {
        const response = await host.call(method, url, {
          token: owner.token,
          body: method === 'POST' ? { body: 'hi' } : undefined,
        });
        expect([method, url, response.status]).toEqual([method, url, 404]);
      }
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it.each([
      ['no body', {}],
      ['an empty body', { body: '' }],
      ['a blank body', { body: ' \n\t ' }],
      ['a body of the wrong type', { body: 42 }],
      ['a null body', { body: null }],
      ['an oversized body', { body: 'm'.repeat(LIMITS.boardMessageMax + 1) }],
      ['an unknown field', { body: 'hi', authorId: MISSING_ID }],
    ])('refuses a message with %s and stores nothing', async (_case, body) => {
      const owner = await factory.newUser('owner');
      await openBoard(owner);
      const author = await factory.newUser('author');
      const before = await snapshot(owner.id);
      const response = await host.post(`/spaces/${owner.id}/messages`, { token: author.token, body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('takes a message of exactly the maximum length', async () => {
      const owner = await factory.newUser('owner');
      const body = 'm'.repeat(LIMITS.boardMessageMax);
      const response = await host.post(`/spaces/${owner.id}/messages`, {
        token: owner.token,
        body: { body },
      });
      expect(response.status).toBe(201);
      expect(response.body.body).toBe(body);
    });

    it('pages through the board newest first', async () => {
      const owner = await factory.newUser('owner');
      const bodies: string[] = [];
      for (let index = 0; index < 5; index++) {
        bodies.push(`message ${index}`);
        await leaveMessage(owner, owner, `message ${index}`);
      }
      const first = await host.get(`/spaces/${owner.id}/messages`, {
        token: owner.token,
        query: { limit: 3 },
      });
      expect(first.body.items.map((item: { body: string }) => item.body)).toEqual(bodies.slice(2).reverse());
      const second = await host.get(`/spaces/${owner.id}/messages`, {
        token: owner.token,
        query: { limit: 3, cursor: first.body.nextCursor },
      });
      expect(second.body.items.map((item: { body: string }) => item.body)).toEqual(
        bodies.slice(0, 2).reverse(),
      );
      expect(second.body.nextCursor).toBeNull();
    });
  });
});
