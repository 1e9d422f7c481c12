import type { TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/* What the moderation e2e specs share: an admin and three users, and helpers to post, decide and look. */

export const MISSING = '00000000-0000-7000-8000-000000000000';

export let admin: TestUser;
export let author: TestUser;
export let friend: TestUser;
export let stranger: TestUser;

/**
 * Starts the file's host with the configured admin signed in, an author with a board open to everyone, their
 * friend, who may see their friends-only posts, and a stranger, who may not.
 */
export function useModerationHost(): void {
  useFileHost({ bootstrapAdmin: { username: 'root', password: 'root-password' } });
  beforeAll(async () => {
    const session = await host.post('/sessions', { body: { username: 'root', password: 'root-password' } });
    admin = { id: session.body.account.id, username: 'root', token: session.body.token };
    author = await factory.newUser('author');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(author, friend);
    await host.patch('/space/decoration', { token: author.token, body: { boardAccess: 'everyone' } });
  });
}

export const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await host.sql<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params))[0].n;
export const snapshot = async () => ({
  posts: await count('post'),
  comments: await count('comment'),
  messages: await count('board_message'),
  feed: await count('feed_entry'),
  notifications: await count('notification'),
  rules: await count('moderation_rule'),
  cases: await count('moderation_case'),
  openCases: await count('moderation_case', "status = 'open'"),
  reports: await count('moderation_report'),
  decisions: await count('moderation_decision'),
  states: await host.sql(
    `select moderation, count(*)::int as n from post group by moderation order by moderation`,
  ),
  version: (await host.sql<{ v: string }>('select version::text as v from moderation_rules_version'))[0].v,
});

export const addRule = async (phrase: string, action: 'block' | 'hold' | 'flag') => {
  const response = await host.post('/admin/moderation/rules', {
    token: admin.token,
    body: { phrase, action },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
};
export const mood = (user: TestUser, text: string, privacy = 'public') =>
  host.post('/moods', { token: user.token, body: { text, privacy } });
export const openCase = async (subjectType: string, subjectId: string) => {
  const queue = await host.get('/admin/moderation/cases', { token: admin.token, query: { limit: 100 } });
  expect(queue.status).toBe(200);
  return queue.body.items.find(
    (item: { subjectType: string; subjectId: string }) =>
      item.subjectType === subjectType && item.subjectId === subjectId,
  );
};
/** `reporter` (nobody: signed out) reports an item to the moderators. */
export const report = (
  reporter: TestUser | undefined,
  subjectType: string,
  subjectId: string,
  reason: string,
) => host.post('/reports', { token: reporter?.token, body: { subjectType, subjectId, reason } });
export const decide = (action: string, type: string, id: string, body?: object, token = admin.token) =>
  host.post(`/admin/moderation/subjects/${type}/${id}/${action}`, { token, body });

/** What `viewer` can find of a post: single GET, the author's space list, the feed, the post count. */
export const traces = async (viewer: TestUser, postId: string) => {
  const single = await host.get(`/posts/${postId}`, { token: viewer.token });
  const list = await host.get(`/users/${author.id}/posts`, { token: viewer.token, query: { limit: 100 } });
  const feed = await host.get('/feed', { token: viewer.token, query: { limit: 100 } });
  const comments = await host.get(`/posts/${postId}/comments`, { token: viewer.token });
  return {
    get: single.status,
    list: list.body.items.some((post: { id: string }) => post.id === postId),
    feed: feed.body.items.some((item: { post: { id: string } }) => item.post.id === postId),
    comments: comments.status,
  };
};
export const postCount = async (viewer: TestUser | undefined, owner: TestUser) =>
  (await host.get(`/spaces/${owner.id}`, { token: viewer?.token })).body.postCount as number;

/** The rules the block tests post against. */
export async function addBlockRules(): Promise<void> {
  await addRule('badword', 'block');
  await addRule('违禁词', 'block');
}

/** The rules the hold tests post against. */
export async function addHoldRules(): Promise<void> {
  await addRule('holdme', 'hold');
  await addRule('审核词', 'hold');
}
