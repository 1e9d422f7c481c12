/**
 * The Open API calls the built-in plugins share, as the acting user: how an answer the plugin cannot
 * use becomes the problem its route answers, app friends, the profile and stories. Bundled into each
 * plugin by a relative import (`plugins/shared` has no manifest, so the host never loads it as a plugin).
 */
import { PluginHttpError, type PluginApiResponse, type PluginContext } from '@kongjian/sdk/plugin';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A user as the app sees them: by openid. */
export interface Person {
  openid: string;
  nickname: string;
  headPortraitUrl: string | null;
}

/** Pages read from one list before giving up on the rest (a bound on one call's work). */
export const MAX_PAGES = 20;
const FRIENDS_PAGE_LIMIT = 100;

/** A response header, whatever its case. */
export function header(response: PluginApiResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(response.headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/**
 * The problem a route answers for an Open API answer it cannot use. A lost grant (the user uninstalled
 * mid-call) is a 403; a rate limit or quota (429), and the statuses in `passOn`, are the user's to act
 * on, so they keep the platform's status, code and detail; anything else is a 502 carrying what the
 * platform said.
 */
export function platformProblem(
  response: PluginApiResponse,
  what: string,
  passOn: readonly number[] = [],
): PluginHttpError {
  const { status } = response;
  const problem = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as {
    code?: unknown;
    detail?: unknown;
  };
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  if (status === 401 || status === 403) {
    return new PluginHttpError(
      403,
      'forbidden',
      'The app is not installed for you; install it in the app center',
    );
  }
  if (status === 429 || passOn.includes(status)) {
    return new PluginHttpError(status, String(problem.code ?? 'refused'), detail || `${what} was refused`);
  }
  return new PluginHttpError(502, 'platform_error', `${what} failed (${status}) ${detail}`.trim());
}

/** The body of an answer with one of the `ok` statuses; any other answer throws its platformProblem. */
export function bodyOf<T>(
  response: PluginApiResponse<T>,
  what: string,
  ok: readonly number[],
  passOn: readonly number[] = [],
): T {
  if (ok.includes(response.status)) return response.body;
  throw platformProblem(response, what, passOn);
}

export async function me(ctx: PluginContext): Promise<Person> {
  return bodyOf(await ctx.api.request<Person>('GET', '/open/v1/me'), 'Reading the profile', [200]);
}

/** One page of the acting user's friends who use the app; a cursor the list never gave is a 400. */
export async function friendsPage(
  ctx: PluginContext,
  cursor: string | undefined,
  limit = FRIENDS_PAGE_LIMIT,
): Promise<Page<Person>> {
  const query: Record<string, string | number> = { limit };
  if (cursor) query.cursor = cursor;
  const response = await ctx.api.request<Page<Person>>('GET', '/open/v1/friends', { query });
  if (response.status === 400) {
    throw new PluginHttpError(400, 'validation_failed', 'cursor is not one this list gave');
  }
  return bodyOf(response, 'Listing friends', [200]);
}

/** The friends pages one after the other (up to MAX_PAGES). */
async function* friendPages(ctx: PluginContext): AsyncGenerator<Person[]> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await friendsPage(ctx, cursor);
    yield items;
    if (!nextCursor) return;
    cursor = nextCursor;
  }
}

/** The acting user's friends who use the app. */
export async function appFriends(ctx: PluginContext): Promise<Person[]> {
  const friends: Person[] = [];
  for await (const items of friendPages(ctx)) friends.push(...items);
  return friends;
}

/** The app friend with this openid, or null: the friends list is where nicknames come from. */
export async function findFriend(ctx: PluginContext, openid: string): Promise<Person | null> {
  for await (const items of friendPages(ctx)) {
    const friend = items.find((candidate) => candidate.openid === openid);
    if (friend) return friend;
  }
  return null;
}

/** Whether `openid` is an app friend of the acting user; null for an openid the app never saw. */
export async function isAppFriend(ctx: PluginContext, openid: string): Promise<boolean | null> {
  const response = await ctx.api.request<{ isFriend: boolean }>(
    'GET',
    `/open/v1/friends/${encodeURIComponent(openid)}`,
  );
  if (response.status === 404) return null;
  return bodyOf(response, 'Checking a friendship', [200]).isFriend;
}

/**
 * Posts a story to the acting user's feed and says whether it was posted. A story is a courtesy: over
 * the daily quota, or held by moderation, what the user did stands all the same.
 */
export async function postStory(
  ctx: PluginContext,
  text: string,
  privacy: 'public' | 'friends' = 'friends',
): Promise<boolean> {
  const response = await ctx.api.request('POST', '/open/v1/feed/stories', { body: { text, privacy } });
  if (response.status === 201) return true;
  ctx.log.warn('The story was not posted', { status: response.status, body: response.body });
  return false;
}
