import type { TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/* What the posts e2e specs share: an author with a friend and a stranger, and a count of what posts write. */

export const MISSING = '00000000-0000-7000-8000-000000000000';

export let author: TestUser;
export let friend: TestUser;
export let stranger: TestUser;

/** Starts the file's host with an author, their friend and a stranger. */
export function usePostsHost(): void {
  useFileHost();
  beforeAll(async () => {
    author = await factory.newUser('author');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(author, friend);
  });
}

export const count = async (table: string) =>
  (await host.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
export const snapshot = async () => ({
  posts: await count('post'),
  comments: await count('comment'),
  likes: await count('post_like'),
  audiences: await count('audience_group'),
  feed: await count('feed_entry'),
});
