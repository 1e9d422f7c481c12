import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { factory, host, useFileHost } from '../testing/file-host';
import { MALFORMED_IDS, MISSING_ID, friendIds, groupsOf, snapshot } from './friends.e2e-setup';

describe('friends (e2e)', () => {
  useFileHost();

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
});
