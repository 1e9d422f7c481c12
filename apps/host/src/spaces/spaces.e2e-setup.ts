import type { TestUser } from '../testing/factory';
import { host, useFileHost } from '../testing/file-host';

/* What the spaces e2e specs share: a host whose clock starts early in a UTC day, and helpers that act on it. */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MISSING_ID = '00000000-0000-7000-8000-000000000000';

/** Starts the file's host, its clock at 01:00 UTC of the next day. */
export function useSpacesHost(): void {
  useFileHost();
  beforeAll(() => {
    // Start each run at 01:00 UTC so minutes added inside a test never cross into the next day.
    const now = host.clock.now();
    const nextMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    host.clock.advance(nextMidnight - now.getTime() + 60 * 60 * 1000);
  });
}

export async function befriend(a: TestUser, b: TestUser): Promise<void> {
  const request = await host.post('/friend-requests', { token: a.token, body: { userId: b.id } });
  expect(request.status).toBe(201);
  const accepted = await host.post(`/friend-requests/${request.body.id}/accept`, { token: b.token });
  expect(accepted.status).toBe(200);
}

export async function block(blocker: TestUser, blocked: TestUser): Promise<void> {
  expect((await host.put(`/blocks/${blocked.id}`, { token: blocker.token })).status).toBe(204);
}

export async function openBoard(owner: TestUser): Promise<void> {
  const response = await host.patch('/space/decoration', {
    token: owner.token,
    body: { boardAccess: 'everyone' },
  });
  expect(response.status).toBe(200);
}

export async function leaveMessage(author: TestUser, owner: TestUser, body: string): Promise<string> {
  const response = await host.post(`/spaces/${owner.id}/messages`, { token: author.token, body: { body } });
  expect(response.status).toBe(201);
  return response.body.id;
}

/** Everything the space module writes, for asserting that a refused request changed nothing. */
export async function snapshot(userId: string) {
  return {
    space: await host.sql('select * from space where user_id = ?', [userId]),
    counts: await host.sql(
      `select (select count(*)::int from space) as spaces,
              (select count(*)::int from space_visit) as visits,
              (select count(*)::int from board_message) as messages,
              (select count(*)::int from notification) as notifications`,
    ),
  };
}
