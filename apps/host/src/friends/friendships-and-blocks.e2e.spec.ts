import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import {
  MALFORMED_IDS,
  MISSING_ID,
  blockedIds,
  friendIds,
  friendshipRows,
  groupsOf,
  notificationsOf,
  requestIds,
  snapshot,
} from './friends.e2e-setup';

describe('friends (e2e)', () => {
  useFileHost();

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
