import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { TestFactory, type TestUser } from '../testing/factory';
import { expectProblem } from '../testing/expect-problem';
import { TestHost } from '../testing/test-host';

/** A well-formed id that names nothing. */
const MISSING_ID = randomUUID();
const MALFORMED_IDS = ['not-an-id', '12345', `${MISSING_ID}x`];

describe('friends (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
  });
  afterAll(() => host.close());

  /** Everything the friends module writes (and the notifications it sends), to assert that a refusal changed nothing. */
  async function snapshot() {
    return {
      requests: await host.sql(
        'select id, from_id, to_id, note, status, decided_at from friend_request order by id',
      ),
      friendships: await host.sql(
        'select user_id, friend_id, created_at from friendship order by user_id, friend_id',
      ),
      groups: await host.sql('select id, owner_id, name from friend_group order by id'),
      members: await host.sql(
        'select group_id, member_id from friend_group_member order by group_id, member_id',
      ),
      blocks: await host.sql('select blocker_id, blocked_id from user_block order by blocker_id, blocked_id'),
      notifications: await host.sql('select id, read_at from notification order by id'),
    };
  }

  async function friendshipRows(a: TestUser, b: TestUser): Promise<number> {
    const [row] = await host.sql<{ n: number }>(
      'select count(*)::int as n from friendship where (user_id = ? and friend_id = ?) or (user_id = ? and friend_id = ?)',
      [a.id, b.id, b.id, a.id],
    );
    return row.n;
  }

  async function friendIds(user: TestUser): Promise<string[]> {
    const response = await host.get('/friends', { token: user.token, query: { limit: 100 } });
    expect(response.status).toBe(200);
    return response.body.items.map((item: { user: { id: string } }) => item.user.id);
  }

  async function requestIds(user: TestUser, direction: 'incoming' | 'outgoing'): Promise<string[]> {
    const response = await host.get('/friend-requests', {
      token: user.token,
      query: { direction, limit: 100 },
    });
    expect(response.status).toBe(200);
    return response.body.items.map((item: { id: string }) => item.id);
  }

  async function groupsOf(user: TestUser): Promise<{ id: string; name: string; memberIds: string[] }[]> {
    const response = await host.get('/friend-groups', { token: user.token });
    expect(response.status).toBe(200);
    return response.body.items.map((group: { id: string; name: string; members: { id: string }[] }) => ({
      id: group.id,
      name: group.name,
      memberIds: group.members.map((member) => member.id),
    }));
  }

  async function blockedIds(user: TestUser): Promise<string[]> {
    const response = await host.get('/blocks', { token: user.token });
    expect(response.status).toBe(200);
    return response.body.items.map((item: { user: { id: string } }) => item.user.id);
  }

  async function notificationsOf(user: TestUser, kind: string, subjectId: string): Promise<number> {
    const [row] = await host.sql<{ n: number }>(
      'select count(*)::int as n from notification where recipient_id = ? and kind = ? and subject_id = ?',
      [user.id, kind, subjectId],
    );
    return row.n;
  }

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

  describe('concurrency', () => {
    it('of 50 parallel accepts of one request, exactly one wins and makes one friendship and one notification', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob);

      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          host.post(`/friend-requests/${requestId}/accept`, { token: bob.token }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(49);
      for (const response of responses.filter((r) => r.status === 409))
        expect(response.body.code).toBe('request_not_pending');

      expect(await friendshipRows(alice, bob)).toBe(2);
      expect(await notificationsOf(alice, 'friend_request_accepted', requestId)).toBe(1);
      const [all] = await host.sql<{ n: number }>(
        "select count(*)::int as n from notification where kind = 'friend_request_accepted' and subject_id = ?",
        [requestId],
      );
      expect(all.n).toBe(1);
      expect(await friendIds(alice)).toEqual([bob.id]);
      expect(await friendIds(bob)).toEqual([alice.id]);
    });

    it('of two people asking each other at the same moment, only one request is stored', async () => {
      // Repeated over several pairs so that the race, if there is one, is actually hit.
      const pairs = await Promise.all(
        Array.from(
          { length: 10 },
          async () => [await factory.newUser('left'), await factory.newUser('right')] as const,
        ),
      );
      const outcomes = await Promise.all(
        pairs.map(async ([left, right]) => {
          const [one, two] = await Promise.all([
            host.post('/friend-requests', { token: left.token, body: { userId: right.id } }),
            host.post('/friend-requests', { token: right.token, body: { userId: left.id } }),
          ]);
          const [row] = await host.sql<{ n: number }>(
            "select count(*)::int as n from friend_request where status = 'pending' and ((from_id = ? and to_id = ?) or (from_id = ? and to_id = ?))",
            [left.id, right.id, right.id, left.id],
          );
          return { statuses: [one.status, two.status].sort(), pending: row.n };
        }),
      );
      expect(outcomes).toEqual(pairs.map(() => ({ statuses: [201, 409], pending: 1 })));
    });

    it('a block racing an accept never leaves the two both blocked and friends', async () => {
      const pairs = await Promise.all(
        Array.from(
          { length: 10 },
          async () => [await factory.newUser('sender'), await factory.newUser('blocker')] as const,
        ),
      );
      const requests = await Promise.all(
        pairs.map(([sender, blocker]) => factory.requestFriend(sender, blocker)),
      );
      const outcomes = await Promise.all(
        pairs.map(async ([sender, blocker], i) => {
          const [accepted, blocked] = await Promise.all([
            host.post(`/friend-requests/${requests[i]}/accept`, { token: blocker.token }),
            host.put(`/blocks/${sender.id}`, { token: blocker.token }),
          ]);
          expect([200, 409]).toContain(accepted.status);
          expect(blocked.status).toBe(204);
          return {
            friendshipRows: await friendshipRows(sender, blocker),
            blockerListsSender: (await friendIds(blocker)).includes(sender.id),
            stillBlocked: (await blockedIds(blocker)).includes(sender.id),
          };
        }),
      );
      expect(outcomes).toEqual(
        pairs.map(() => ({ friendshipRows: 0, blockerListsSender: false, stillBlocked: true })),
      );
    });

    it('of 20 parallel identical requests, exactly one is stored', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          host.post('/friend-requests', { token: alice.token, body: { userId: bob.id } }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 201))
        expectProblem(response, 409, 'request_pending');
      expect(await requestIds(bob, 'incoming')).toHaveLength(1);
      const [received] = await host.sql<{ n: number }>(
        "select count(*)::int as n from notification where recipient_id = ? and kind = 'friend_request_received'",
        [bob.id],
      );
      expect(received.n).toBe(1);
    });
  });

  describe('friendships', () => {
    it('lists friends newest friendship first, a page at a time', async () => {
      const me = await factory.newUser('me');
      const friends: TestUser[] = [];
      for (let i = 0; i < 3; i++) {
        const friend = await factory.newUser(`friend${i}`);
        await factory.befriend(me, friend);
        friends.push(friend);
        host.clock.advance(1000);
      }
      const first = await host.get('/friends', { token: me.token, query: { limit: 2 } });
      expect(first.body.items.map((item: { user: { id: string } }) => item.user.id)).toEqual([
        friends[2].id,
        friends[1].id,
      ]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await host.get('/friends', {
        token: me.token,
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      expect(second.body.items.map((item: { user: { id: string } }) => item.user.id)).toEqual([
        friends[0].id,
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it.each([
      ['limit 0', { limit: 0 }, 'validation_failed'],
      ['limit 101', { limit: 101 }, 'validation_failed'],
      ['a non-numeric limit', { limit: 'abc' }, 'validation_failed'],
      ['a garbage cursor', { cursor: 'garbage' }, 'invalid_cursor'],
      ['an unknown parameter', { direction: 'incoming' }, 'validation_failed'],
    ])('refuses to list friends with %s', async (_case, query, code) => {
      const me = await factory.newUser('me');
      expectProblem(await host.get('/friends', { token: me.token, query }), 400, code);
    });

    it("ends a friendship in both directions and takes each out of the other's groups", async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      await factory.befriend(alice, bob);
      await factory.befriend(alice, carol);
      const aliceGroup = await factory.newGroup(alice, 'classmates', [bob, carol]);
      const bobGroup = await factory.newGroup(bob, 'family', [alice]);

      const removed = await host.delete(`/friends/${bob.id}`, { token: alice.token });
      expect(removed.status).toBe(204);

      expect(await friendIds(alice)).toEqual([carol.id]);
      expect(await friendIds(bob)).toEqual([]);
      expect(await friendshipRows(alice, bob)).toBe(0);
      // The groups stay; only the former friend leaves them.
      expect(await groupsOf(alice)).toEqual([{ id: aliceGroup, name: 'classmates', memberIds: [carol.id] }]);
      expect(await groupsOf(bob)).toEqual([{ id: bobGroup, name: 'family', memberIds: [] }]);

      // Gone is gone: removing again, from either side, finds nothing.
      expectProblem(await host.delete(`/friends/${bob.id}`, { token: alice.token }), 404, 'not_found');
      expectProblem(await host.delete(`/friends/${alice.id}`, { token: bob.token }), 404, 'not_found');
      // And they can become friends again.
      await factory.befriend(bob, alice);
      expect(await friendIds(alice)).toHaveLength(2);
    });

    it('refuses to remove someone who is not my friend, or an id that names nobody, with 404', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      await factory.befriend(bob, carol);
      const before = await snapshot();
      expectProblem(await host.delete(`/friends/${bob.id}`, { token: alice.token }), 404, 'not_found');
      expectProblem(await host.delete(`/friends/${alice.id}`, { token: alice.token }), 404, 'not_found');
      expectProblem(await host.delete(`/friends/${MISSING_ID}`, { token: alice.token }), 404, 'not_found');
      for (const id of MALFORMED_IDS) {
        expectProblem(await host.delete(`/friends/${id}`, { token: alice.token }), 404, 'not_found');
      }
      expect(await snapshot()).toEqual(before);
      expect(await friendIds(bob)).toEqual([carol.id]);
    });
  });

  describe('friend groups', () => {
    it('creates, renames, fills, empties and deletes a group', async () => {
      const me = await factory.newUser('me');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      await factory.befriend(me, bob);
      await factory.befriend(me, carol);

      const created = await host.post('/friend-groups', { token: me.token, body: { name: 'classmates' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'classmates', members: [] });
      const groupId: string = created.body.id;

      expect(
        (await host.put(`/friend-groups/${groupId}/members/${bob.id}`, { token: me.token })).status,
      ).toBe(204);
      expect(
        (await host.put(`/friend-groups/${groupId}/members/${carol.id}`, { token: me.token })).status,
      ).toBe(204);
      // Adding twice is one membership.
      expect(
        (await host.put(`/friend-groups/${groupId}/members/${bob.id}`, { token: me.token })).status,
      ).toBe(204);
      const [group] = await groupsOf(me);
      expect(group).toEqual({
        id: groupId,
        name: 'classmates',
        memberIds: expect.arrayContaining([bob.id, carol.id]),
      });
      expect(group.memberIds).toHaveLength(2);
      const listed = await host.get('/friend-groups', { token: me.token });
      expect(listed.body.items[0].members).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: bob.id, username: bob.username })]),
      );

      const renamed = await host.patch(`/friend-groups/${groupId}`, {
        token: me.token,
        body: { name: 'old classmates' },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('old classmates');
      expect(renamed.body.members.map((member: { id: string }) => member.id).sort()).toEqual(
        [bob.id, carol.id].sort(),
      );

      expect(
        (await host.delete(`/friend-groups/${groupId}/members/${bob.id}`, { token: me.token })).status,
      ).toBe(204);
      expect(await groupsOf(me)).toEqual([{ id: groupId, name: 'old classmates', memberIds: [carol.id] }]);
      expectProblem(
        await host.delete(`/friend-groups/${groupId}/members/${bob.id}`, { token: me.token }),
        404,
        'not_found',
      );

      expect((await host.delete(`/friend-groups/${groupId}`, { token: me.token })).status).toBe(204);
      expect(await groupsOf(me)).toEqual([]);
      // Members of a deleted group stay friends.
      expect((await friendIds(me)).sort()).toEqual([bob.id, carol.id].sort());
      expectProblem(await host.delete(`/friend-groups/${groupId}`, { token: me.token }), 404, 'not_found');
    });

    it('lists groups in the order they were made, each only to its owner', async () => {
      const me = await factory.newUser('me');
      const other = await factory.newUser('other');
      const first = await factory.newGroup(me, 'family');
      host.clock.advance(1000);
      const second = await factory.newGroup(me, 'work');
      expect((await groupsOf(me)).map((group) => group.id)).toEqual([first, second]);
      expect(await groupsOf(other)).toEqual([]);
    });

    it('only lets friends be members: 409 not_friends', async () => {
      const me = await factory.newUser('me');
      const stranger = await factory.newUser('stranger');
      const pending = await factory.newUser('pending');
      await factory.requestFriend(me, pending);
      const groupId = await factory.newGroup(me, 'close');
      const before = await snapshot();
      expectProblem(
        await host.put(`/friend-groups/${groupId}/members/${stranger.id}`, { token: me.token }),
        409,
        'not_friends',
      );
      expectProblem(
        await host.put(`/friend-groups/${groupId}/members/${pending.id}`, { token: me.token }),
        409,
        'not_friends',
      );
      expectProblem(
        await host.put(`/friend-groups/${groupId}/members/${me.id}`, { token: me.token }),
        409,
        'not_friends',
      );
      expectProblem(
        await host.put(`/friend-groups/${groupId}/members/${MISSING_ID}`, { token: me.token }),
        409,
        'not_friends',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a name I already use, in any case, with 409 group_name_taken', async () => {
      const me = await factory.newUser('me');
      const other = await factory.newUser('other');
      const familyId = await factory.newGroup(me, 'Family');
      const workId = await factory.newGroup(me, 'work');
      const before = await snapshot();
      for (const name of ['Family', 'family', 'FAMILY', '  family  ']) {
        expectProblem(
          await host.post('/friend-groups', { token: me.token, body: { name } }),
          409,
          'group_name_taken',
        );
        expectProblem(
          await host.patch(`/friend-groups/${workId}`, { token: me.token, body: { name } }),
          409,
          'group_name_taken',
        );
      }
      expect(await snapshot()).toEqual(before);
      expect((await groupsOf(me)).map((group) => group.name)).toEqual(['Family', 'work']);

      // Renaming a group to its own name in another case is no conflict, and other people may use the name.
      const recased = await host.patch(`/friend-groups/${familyId}`, {
        token: me.token,
        body: { name: 'FAMILY' },
      });
      expect(recased.status).toBe(200);
      expect(recased.body.name).toBe('FAMILY');
      expect(
        (await host.post('/friend-groups', { token: other.token, body: { name: 'family' } })).status,
      ).toBe(201);
    });

    it('trims the name and accepts one of exactly the maximum length', async () => {
      const me = await factory.newUser('me');
      const trimmed = await host.post('/friend-groups', { token: me.token, body: { name: '  hiking  ' } });
      expect(trimmed.status).toBe(201);
      expect(trimmed.body.name).toBe('hiking');
      const longest = 'g'.repeat(LIMITS.friendGroupNameMax);
      const full = await host.post('/friend-groups', { token: me.token, body: { name: longest } });
      expect(full.status).toBe(201);
      expect(full.body.name).toBe(longest);
    });

    it.each([
      ['a missing name', {}],
      ['a numeric name', { name: 42 }],
      ['a null name', { name: null }],
      ['an empty name', { name: '' }],
      ['a name over the limit', { name: 'g'.repeat(LIMITS.friendGroupNameMax + 1) }],
      ['an unknown field', { name: 'ok', members: [] }],
    ])('refuses to create or rename a group with %s, changing nothing', async (_case, body) => {
      const me = await factory.newUser('me');
      const groupId = await factory.newGroup(me, 'original');
      const before = await snapshot();
      expectProblem(await host.post('/friend-groups', { token: me.token, body }), 400, 'validation_failed');
      expectProblem(
        await host.patch(`/friend-groups/${groupId}`, { token: me.token, body }),
        400,
        'validation_failed',
      );
      expect(await snapshot()).toEqual(before);
      expect((await groupsOf(me)).map((group) => group.name)).toEqual(['original']);
    });

    it('refuses a blank name instead of storing a group without a name', async () => {
      const me = await factory.newUser('me');
      const groupId = await factory.newGroup(me, 'original');
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-groups', { token: me.token, body: { name: '   ' } }),
        400,
        'validation_failed',
      );
      expectProblem(
        await host.patch(`/friend-groups/${groupId}`, { token: me.token, body: { name: ' \t ' } }),
        400,
        'validation_failed',
      );
      expect(await snapshot()).toEqual(before);
      expect((await groupsOf(me)).map((group) => group.name)).toEqual(['original']);
    });

    it('refuses a group beyond the limit with 409 group_limit_reached', async () => {
      const me = await factory.newUser('me');
      for (let i = 0; i < LIMITS.friendGroupsPerUser; i++) await factory.newGroup(me, `group ${i}`);
      const before = await snapshot();
      expectProblem(
        await host.post('/friend-groups', { token: me.token, body: { name: 'one too many' } }),
        409,
        'group_limit_reached',
      );
      expect(await snapshot()).toEqual(before);
      expect(await groupsOf(me)).toHaveLength(LIMITS.friendGroupsPerUser);
    });

    it("treats someone else's group as not found, whatever I try", async () => {
      const owner = await factory.newUser('owner');
      const intruder = await factory.newUser('intruder');
      const friend = await factory.newUser('friend');
      await factory.befriend(owner, friend);
      // The intruder is friends with the same person, so only ownership stands in the way.
      await factory.befriend(intruder, friend);
      const groupId = await factory.newGroup(owner, 'secret', [friend]);
      const before = await snapshot();

      expectProblem(
        await host.patch(`/friend-groups/${groupId}`, { token: intruder.token, body: { name: 'mine' } }),
        404,
        'not_found',
      );
      expectProblem(
        await host.delete(`/friend-groups/${groupId}`, { token: intruder.token }),
        404,
        'not_found',
      );
      expectProblem(
        await host.put(`/friend-groups/${groupId}/members/${friend.id}`, { token: intruder.token }),
        404,
        'not_found',
      );
      expectProblem(
        await host.delete(`/friend-groups/${groupId}/members/${friend.id}`, { token: intruder.token }),
        404,
        'not_found',
      );
      expect(await snapshot()).toEqual(before);
      expect(await groupsOf(owner)).toEqual([{ id: groupId, name: 'secret', memberIds: [friend.id] }]);
      expect(await groupsOf(intruder)).toEqual([]);
    });

    it('treats group and member ids that do not exist or are malformed as not found', async () => {
      const me = await factory.newUser('me');
      const friend = await factory.newUser('friend');
      await factory.befriend(me, friend);
      const groupId = await factory.newGroup(me, 'mine', [friend]);
      const before = await snapshot();
      for (const id of [MISSING_ID, ...MALFORMED_IDS]) {
        expectProblem(
          await host.patch(`/friend-groups/${id}`, { token: me.token, body: { name: 'x' } }),
          404,
          'not_found',
        );
        expectProblem(await host.delete(`/friend-groups/${id}`, { token: me.token }), 404, 'not_found');
        expectProblem(
          await host.put(`/friend-groups/${id}/members/${friend.id}`, { token: me.token }),
          404,
          'not_found',
        );
        expectProblem(
          await host.delete(`/friend-groups/${id}/members/${friend.id}`, { token: me.token }),
          404,
          'not_found',
        );
        expectProblem(
          await host.delete(`/friend-groups/${groupId}/members/${id}`, { token: me.token }),
          404,
          'not_found',
        );
      }
      for (const id of MALFORMED_IDS) {
        expectProblem(
          await host.put(`/friend-groups/${groupId}/members/${id}`, { token: me.token }),
          404,
          'not_found',
        );
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('blocks', () => {
    it('stops the blocked user from asking, and lists the block to the blocker only', async () => {
      const alice = await factory.newUser('alice');
      const troll = await factory.newUser('troll');
      expect((await host.put(`/blocks/${troll.id}`, { token: alice.token })).status).toBe(204);

      expect(await blockedIds(alice)).toEqual([troll.id]);
      const listed = await host.get('/blocks', { token: alice.token });
      expect(listed.body.items[0]).toEqual({
        user: expect.objectContaining({ id: troll.id, username: troll.username }),
        since: expect.any(String),
      });
      expect(await blockedIds(troll)).toEqual([]);

      const before = await snapshot();
      expectProblem(
        await host.post('/friend-requests', { token: troll.token, body: { userId: alice.id, note: 'pls' } }),
        403,
        'blocked',
      );
      // The blocker must unblock first.
      expectProblem(
        await host.post('/friend-requests', { token: alice.token, body: { userId: troll.id } }),
        409,
        'blocked',
      );
      expect(await snapshot()).toEqual(before);
      expect(await requestIds(alice, 'incoming')).toEqual([]);
    });

    it("ends the friendship in both directions and takes each out of the other's groups", async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      await factory.befriend(alice, bob);
      await factory.befriend(alice, carol);
      await factory.newGroup(alice, 'close', [bob, carol]);
      await factory.newGroup(bob, 'school', [alice]);

      await factory.block(alice, bob);
      expect(await friendIds(alice)).toEqual([carol.id]);
      expect(await friendIds(bob)).toEqual([]);
      expect(await friendshipRows(alice, bob)).toBe(0);
      expect((await groupsOf(alice))[0].memberIds).toEqual([carol.id]);
      expect((await groupsOf(bob))[0].memberIds).toEqual([]);
    });

    it('cancels pending requests in both directions', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      const fromBob = await factory.requestFriend(bob, alice);
      const toCarol = await factory.requestFriend(alice, carol);

      await factory.block(alice, bob);
      await factory.block(carol, alice);
      expect(await requestIds(alice, 'incoming')).toEqual([]);
      expect(await requestIds(bob, 'outgoing')).toEqual([]);
      expect(await requestIds(alice, 'outgoing')).toEqual([]);
      expect(await requestIds(carol, 'incoming')).toEqual([]);
      expectProblem(
        await host.post(`/friend-requests/${fromBob}/accept`, { token: alice.token }),
        409,
        'request_not_pending',
      );
      expectProblem(
        await host.post(`/friend-requests/${toCarol}/accept`, { token: carol.token }),
        409,
        'request_not_pending',
      );
      expect(await friendshipRows(alice, bob)).toBe(0);
      expect(await friendshipRows(alice, carol)).toBe(0);
    });

    it('blocks once however often asked, and unblocking lets requests through again', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await factory.block(alice, bob);
      await factory.block(alice, bob);
      expect(await blockedIds(alice)).toEqual([bob.id]);

      expect((await host.delete(`/blocks/${bob.id}`, { token: alice.token })).status).toBe(204);
      expect(await blockedIds(alice)).toEqual([]);
      expectProblem(await host.delete(`/blocks/${bob.id}`, { token: alice.token }), 404, 'not_found');

      // Unblocking does not restore the friendship; a new request is needed, and now goes through.
      const requestId = await factory.requestFriend(bob, alice, 'sorry');
      expect(await requestIds(alice, 'incoming')).toEqual([requestId]);
    });

    it('only the blocker can lift a block', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await factory.block(alice, bob);
      const before = await snapshot();
      expectProblem(await host.delete(`/blocks/${alice.id}`, { token: bob.token }), 404, 'not_found');
      expect(await snapshot()).toEqual(before);
      expect(await blockedIds(alice)).toEqual([bob.id]);
    });

    it('refuses to block myself (400), or a user who does not exist or a malformed id (404)', async () => {
      const alice = await factory.newUser('alice');
      const before = await snapshot();
      expectProblem(await host.put(`/blocks/${alice.id}`, { token: alice.token }), 400, 'cannot_target_self');
      expectProblem(await host.put(`/blocks/${MISSING_ID}`, { token: alice.token }), 404, 'not_found');
      expectProblem(await host.delete(`/blocks/${MISSING_ID}`, { token: alice.token }), 404, 'not_found');
      for (const id of MALFORMED_IDS) {
        expectProblem(await host.put(`/blocks/${id}`, { token: alice.token }), 404, 'not_found');
        expectProblem(await host.delete(`/blocks/${id}`, { token: alice.token }), 404, 'not_found');
      }
      expect(await snapshot()).toEqual(before);
      expect(await blockedIds(alice)).toEqual([]);
    });
  });
});
