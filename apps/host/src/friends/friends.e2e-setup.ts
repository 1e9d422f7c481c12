import { randomUUID } from 'node:crypto';
import type { TestUser } from '../testing/factory';
import { host } from '../testing/file-host';

/* What the friends e2e specs share: ids that name nothing, and reads of what the friends module wrote. */

/** A well-formed id that names nothing. */
export const MISSING_ID = randomUUID();
export const MALFORMED_IDS = ['not-an-id', '12345', `${MISSING_ID}x`];

/** Everything the friends module writes (and the notifications it sends), to assert that a refusal changed nothing. */
export async function snapshot() {
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

export async function friendshipRows(a: TestUser, b: TestUser): Promise<number> {
  const [row] = await host.sql<{ n: number }>(
    'select count(*)::int as n from friendship where (user_id = ? and friend_id = ?) or (user_id = ? and friend_id = ?)',
    [a.id, b.id, b.id, a.id],
  );
  return row.n;
}

export async function friendIds(user: TestUser): Promise<string[]> {
  const response = await host.get('/friends', { token: user.token, query: { limit: 100 } });
  expect(response.status).toBe(200);
  return response.body.items.map((item: { user: { id: string } }) => item.user.id);
}

export async function requestIds(user: TestUser, direction: 'incoming' | 'outgoing'): Promise<string[]> {
  const response = await host.get('/friend-requests', {
    token: user.token,
    query: { direction, limit: 100 },
  });
  expect(response.status).toBe(200);
  return response.body.items.map((item: { id: string }) => item.id);
}

export async function groupsOf(user: TestUser): Promise<{ id: string; name: string; memberIds: string[] }[]> {
  const response = await host.get('/friend-groups', { token: user.token });
  expect(response.status).toBe(200);
  return response.body.items.map((group: { id: string; name: string; members: { id: string }[] }) => ({
    id: group.id,
    name: group.name,
    memberIds: group.members.map((member) => member.id),
  }));
}

export async function blockedIds(user: TestUser): Promise<string[]> {
  const response = await host.get('/blocks', { token: user.token });
  expect(response.status).toBe(200);
  return response.body.items.map((item: { user: { id: string } }) => item.user.id);
}

export async function notificationsOf(user: TestUser, kind: string, subjectId: string): Promise<number> {
  const [row] = await host.sql<{ n: number }>(
    'select count(*)::int as n from notification where recipient_id = ? and kind = ? and subject_id = ?',
    [user.id, kind, subjectId],
  );
  return row.n;
}
