import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import {
  MALFORMED_IDS,
  MISSING_ID,
  friendIds,
  friendshipRows,
  notificationsOf,
  requestIds,
  snapshot,
} from './friends.e2e-setup';

describe('friends (e2e)', () => {
  useFileHost();

  describe('friend requests', () => {
    it('sends a request with a note: the recipient sees it as incoming, the sender as outgoing', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');

      const sent = await host.post('/friend-requests', {
        token: alice.token,
        body: { userId: bob.id, note: 'we met at school' },
      });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({
        from: { id: alice.id, username: alice.username },
        to: { id: bob.id, username: bob.username },
        note: 'we met at school',
        status: 'pending',
      });

      const incoming = await host.get('/friend-requests', {
        token: bob.token,
        query: { direction: 'incoming' },
      });
      expect(incoming.status).toBe(200);
      expect(incoming.body.items).toEqual([
        expect.objectContaining({
          id: sent.body.id,
          from: expect.objectContaining({ id: alice.id }),
          note: 'we met at school',
        }),
      ]);
      expect(incoming.body.nextCursor).toBeNull();
      // Incoming is the default direction.
      expect(await host.get('/friend-requests', { token: bob.token }).then((r) => r.body.items)).toEqual(
        incoming.body.items,
      );

      expect(await requestIds(alice, 'outgoing')).toEqual([sent.body.id]);
      expect(await requestIds(alice, 'incoming')).toEqual([]);
      expect(await requestIds(bob, 'outgoing')).toEqual([]);
      // Not friends until accepted.
      expect(await friendIds(alice)).toEqual([]);
      expect(await friendIds(bob)).toEqual([]);
    });

    it('sends a request without a note, and accepts a note of exactly the maximum length', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      const plain = await host.post('/friend-requests', { token: alice.token, body: { userId: bob.id } });
      expect(plain.status).toBe(201);
      expect(plain.body.note).toBeNull();
      const longest = 'n'.repeat(LIMITS.friendRequestNoteMax);
      const full = await host.post('/friend-requests', {
        token: alice.token,
        body: { userId: carol.id, note: longest },
      });
      expect(full.status).toBe(201);
      expect((await host.get('/friend-requests', { token: carol.token })).body.items[0].note).toBe(longest);
    });

    it('accepts: both see each other as friends and the request leaves both lists', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob, 'hi');

      const accepted = await host.post(`/friend-requests/${requestId}/accept`, { token: bob.token });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        id: requestId,
        status: 'accepted',
        from: { id: alice.id },
        to: { id: bob.id },
      });

      expect(await friendIds(alice)).toEqual([bob.id]);
      expect(await friendIds(bob)).toEqual([alice.id]);
      const mine = await host.get('/friends', { token: alice.token });
      expect(mine.body.items[0]).toEqual({
        user: expect.objectContaining({ id: bob.id, username: bob.username }),
        since: expect.any(String),
      });
      expect(await requestIds(bob, 'incoming')).toEqual([]);
      expect(await requestIds(alice, 'outgoing')).toEqual([]);
      expect(await friendshipRows(alice, bob)).toBe(2);
      expect(await notificationsOf(alice, 'friend_request_accepted', requestId)).toBe(1);
    });

    it('declines: no friendship, the request leaves both lists, and the sender may ask again', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob);

      const declined = await host.post(`/friend-requests/${requestId}/decline`, { token: bob.token });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ id: requestId, status: 'declined' });
      expect(await friendIds(alice)).toEqual([]);
      expect(await friendIds(bob)).toEqual([]);
      expect(await requestIds(bob, 'incoming')).toEqual([]);
      expect(await requestIds(alice, 'outgoing')).toEqual([]);
      expect(await friendshipRows(alice, bob)).toBe(0);
      expect(await notificationsOf(alice, 'friend_request_accepted', requestId)).toBe(0);

      const again = await host.post('/friend-requests', { token: alice.token, body: { userId: bob.id } });
      expect(again.status).toBe(201);
      expect(await requestIds(bob, 'incoming')).toEqual([again.body.id]);
    });

    it('cancels: only the sender can, and the recipient no longer sees it', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob);

      const before = await snapshot();
      expectProblem(
        await host.post(`/friend-requests/${requestId}/cancel`, { token: bob.token }),
        404,
        'not_found',
      );
      expect(await snapshot()).toEqual(before);

      const cancelled = await host.post(`/friend-requests/${requestId}/cancel`, { token: alice.token });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ id: requestId, status: 'cancelled' });
      expect(await requestIds(bob, 'incoming')).toEqual([]);
      expect(await requestIds(alice, 'outgoing')).toEqual([]);
      expectProblem(
        await host.post(`/friend-requests/${requestId}/accept`, { token: bob.token }),
        409,
        'request_not_pending',
      );
      expect(await friendshipRows(alice, bob)).toBe(0);
    });

    it("refuses to act on someone else's request with 404, changing nothing", async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const stranger = await factory.newUser('stranger');
      const requestId = await factory.requestFriend(alice, bob);
      const before = await snapshot();

      // The sender cannot answer their own request.
      expectProblem(
        await host.post(`/friend-requests/${requestId}/accept`, { token: alice.token }),
        404,
        'not_found',
      );
      expectProblem(
        await host.post(`/friend-requests/${requestId}/decline`, { token: alice.token }),
        404,
        'not_found',
      );
      // A third party cannot touch it at all.
      for (const action of ['accept', 'decline', 'cancel']) {
        expectProblem(
          await host.post(`/friend-requests/${requestId}/${action}`, { token: stranger.token }),
          404,
          'not_found',
        );
      }
      expect(await snapshot()).toEqual(before);
      expect(await requestIds(bob, 'incoming')).toEqual([requestId]);
    });

    it('refuses requests that do not exist or whose id is malformed with 404', async () => {
      const alice = await factory.newUser('alice');
      const before = await snapshot();
      for (const action of ['accept', 'decline', 'cancel']) {
        expectProblem(
          await host.post(`/friend-requests/${MISSING_ID}/${action}`, { token: alice.token }),
          404,
          'not_found',
        );
        for (const id of MALFORMED_IDS) {
          expectProblem(
            await host.post(`/friend-requests/${id}/${action}`, { token: alice.token }),
            404,
            'not_found',
          );
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['accept', 'accept'],
      ['accept', 'decline'],
      ['decline', 'accept'],
      ['decline', 'decline'],
    ])('refuses to %s and then %s the same request with 409 request_not_pending', async (first, second) => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob);
      expect((await host.post(`/friend-requests/${requestId}/${first}`, { token: bob.token })).status).toBe(
        200,
      );
      const before = await snapshot();
      expectProblem(
        await host.post(`/friend-requests/${requestId}/${second}`, { token: bob.token }),
        409,
        'request_not_pending',
      );
      expectProblem(
        await host.post(`/friend-requests/${requestId}/cancel`, { token: alice.token }),
        409,
        'request_not_pending',
      );
      expect(await snapshot()).toEqual(before);
      expect(await friendshipRows(alice, bob)).toBe(first === 'accept' ? 2 : 0);
    });

    it('refuses a request to myself with 400 cannot_target_self', async () => {
      const alice = await factory.newUser('alice');
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { token: alice.token, body: { userId: alice.id } }),
        400,
        'cannot_target_self',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a request to someone who already asked me with 409 reverse_request_pending', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob);
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { token: bob.token, body: { userId: alice.id } }),
        409,
        'reverse_request_pending',
      );
      expect(await snapshot()).toEqual(before);
      expect(await requestIds(bob, 'incoming')).toEqual([requestId]);
      expect(await requestIds(bob, 'outgoing')).toEqual([]);
    });

    it('refuses a second request to the same person with 409 request_pending, whatever the case of the id', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await factory.requestFriend(alice, bob, 'first');
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { token: alice.token, body: { userId: bob.id, note: 'again' } }),
        409,
        'request_pending',
      );
      expectProblem(
        await host.post('/friend-requests', { token: alice.token, body: { userId: bob.id.toUpperCase() } }),
        409,
        'request_pending',
      );
      expect(await snapshot()).toEqual(before);
      const incoming = await host.get('/friend-requests', { token: bob.token });
      expect(incoming.body.items.map((item: { note: string }) => item.note)).toEqual(['first']);
    });

    it('refuses a request between friends with 409 already_friends, from either side', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await factory.befriend(alice, bob);
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { token: alice.token, body: { userId: bob.id } }),
        409,
        'already_friends',
      );
      expectProblem(
        await host.post('/friend-requests', { token: bob.token, body: { userId: alice.id } }),
        409,
        'already_friends',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a request to a user who does not exist with 404', async () => {
      const alice = await factory.newUser('alice');
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { token: alice.token, body: { userId: MISSING_ID } }),
        404,
        'not_found',
      );
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['a missing userId', () => ({ note: 'hello' })],
      ['an empty body', () => ({})],
      ['a numeric userId', () => ({ userId: 42 })],
      ['a userId that is not an id', () => ({ userId: 'bob' })],
      ['a numeric note', (bob: TestUser) => ({ userId: bob.id, note: 7 })],
      [
        'a note over the limit',
        (bob: TestUser) => ({ userId: bob.id, note: 'n'.repeat(LIMITS.friendRequestNoteMax + 1) }),
      ],
      ['an unknown field', (bob: TestUser) => ({ userId: bob.id, message: 'hi' })],
      ['an array body', (bob: TestUser) => [bob.id]],
    ])('refuses to send a request with %s, storing nothing', async (_case, body) => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const before = await snapshot();
      const response = await host.post('/friend-requests', { token: alice.token, body: body(bob) });
      expectProblem(response, 400, 'validation_failed');
      expect(await snapshot()).toEqual(before);
      expect(await requestIds(bob, 'incoming')).toEqual([]);
    });

    it('lists pending requests newest first, a page at a time', async () => {
      const bob = await factory.newUser('bob');
      const senders: TestUser[] = [];
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const sender = await factory.newUser(`sender${i}`);
        senders.push(sender);
        ids.push(await factory.requestFriend(sender, bob, `note ${i}`));
        host.clock.advance(1000);
      }
      const first = await host.get('/friend-requests', { token: bob.token, query: { limit: 2 } });
      expect(first.status).toBe(200);
      expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await host.get('/friend-requests', {
        token: bob.token,
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
      expect(second.body.nextCursor).toBeNull();
      expect(second.body.items[0]).toMatchObject({ note: 'note 0', from: { id: senders[0].id } });
    });

    it.each([
      ['an unknown direction', { direction: 'sideways' }, 'validation_failed'],
      ['limit 0', { limit: 0 }, 'validation_failed'],
      ['limit 101', { limit: 101 }, 'validation_failed'],
      ['a non-numeric limit', { limit: 'abc' }, 'validation_failed'],
      ['a garbage cursor', { cursor: 'garbage' }, 'invalid_cursor'],
      ['an unknown parameter', { status: 'accepted' }, 'validation_failed'],
    ])('refuses to list requests with %s', async (_case, query, code) => {
      const alice = await factory.newUser('alice');
      expectProblem(await host.get('/friend-requests', { token: alice.token, query }), 400, code);
    });

    it('requires signing in', async () => {
      const bob = await factory.newUser('bob');
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { body: { userId: bob.id } }),
        401,
        'unauthenticated',
      );
      expectProblem(await host.get('/friend-requests'), 401, 'unauthenticated');
      expectProblem(await host.post(`/friend-requests/${MISSING_ID}/accept`), 401, 'unauthenticated');
      expectProblem(await host.get('/friends'), 401, 'unauthenticated');
      expectProblem(await host.get('/friend-groups'), 401, 'unauthenticated');
      expectProblem(await host.post('/friend-groups', { body: { name: 'x' } }), 401, 'unauthenticated');
      expectProblem(await host.get('/blocks'), 401, 'unauthenticated');
      expectProblem(await host.put(`/blocks/${bob.id}`), 401, 'unauthenticated');
      expect(await snapshot()).toEqual(before);
    });
  });
});
