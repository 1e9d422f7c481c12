import { randomInt } from 'node:crypto';
import { KongjianApiError, unwrap } from '@kongjian/sdk';

/** The scopes Lucky Draw asks for: who you are, which friends play, posting the result, and a draw counter. */
export const SCOPES = ['profile:read', 'friends:read', 'feed:write', 'storage'];
/** The storage key of the user's draw counter. */
const DRAWS_KEY = 'draws';
/** Friend pages read per draw; a page holds the server's default page size. */
const MAX_FRIEND_PAGES = 10;
/** Another device of the same user may bump the counter at the same moment; retry that many times. */
const COUNTER_ATTEMPTS = 3;

/**
 * @typedef {import('@kongjian/sdk').OpenApiClient} OpenApiClient
 * @typedef {{ openid: string; nickname: string }} Player
 * @typedef {'published' | 'held' | 'refused'} StoryState What became of the draw's story
 * @typedef {{ me: Player; winner: Player | null; story: StoryState | null; draws: number }} DrawResult
 */

/**
 * The user's friends who also use Lucky Draw (the Open API only ever shows those).
 * @param {OpenApiClient} api
 * @returns {Promise<Player[]>}
 */
async function appFriends(api) {
  /** @type {Player[]} */
  const friends = [];
  /** @type {string | undefined} */
  let cursor;
  for (let page = 0; page < MAX_FRIEND_PAGES; page++) {
    const { items, nextCursor } = unwrap(
      await api.GET('/open/v1/friends', { params: { query: { cursor } } }),
    );
    friends.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return friends;
}

/**
 * Who the signed-in user is, as this app sees them.
 * @param {OpenApiClient} api
 * @returns {Promise<Player>}
 */
export async function profile(api) {
  return unwrap(await api.GET('/open/v1/me'));
}

/**
 * How many draws the user has made, as this app stored it for them.
 * @param {OpenApiClient} api
 */
export async function drawCount(api) {
  const stored = await api.GET('/open/v1/storage/{key}', { params: { path: { key: DRAWS_KEY } } });
  if (stored.error?.code === 'not_found') return 0;
  return counterValue(unwrap(stored).value);
}

/** @param {unknown} value */
function counterValue(value) {
  return typeof value === 'object' && value !== null && 'count' in value && typeof value.count === 'number'
    ? value.count
    : 0;
}

/**
 * Adds one to the stored counter. The ETag makes it a compare-and-set: a write based on a stale read
 * gets 412 and is retried with a fresh read, so two draws at once both count.
 * @param {OpenApiClient} api
 */
async function countDraw(api) {
  for (let attempt = 1; ; attempt++) {
    const read = await api.GET('/open/v1/storage/{key}', { params: { path: { key: DRAWS_KEY } } });
    const exists = read.error?.code !== 'not_found';
    const count = exists ? counterValue(unwrap(read).value) + 1 : 1;
    const etag = read.response.headers.get('etag');
    const header = exists && etag ? { 'If-Match': etag } : { 'If-None-Match': '*' };
    const written = await api.PUT('/open/v1/storage/{key}', {
      params: { path: { key: DRAWS_KEY }, header },
      body: { value: { count } },
    });
    const lostRace = written.error?.code === 'precondition_failed' || written.response.status === 412;
    if (!lostRace || attempt >= COUNTER_ATTEMPTS) {
      unwrap(written);
      return count;
    }
  }
}

/**
 * One draw: picks a random friend who also plays, tells everyone in a story, and counts the draw.
 * With no friend playing yet, nothing is posted and nothing is counted.
 * @param {OpenApiClient} api
 * @param {{ publicUrl: string }} app
 * @returns {Promise<DrawResult>}
 */
export async function draw(api, app) {
  const [me, friends] = await Promise.all([profile(api), appFriends(api)]);
  if (friends.length === 0) return { me, winner: null, story: null, draws: await drawCount(api) };
  const winner = friends[randomInt(friends.length)];
  const text = `${me.nickname} drew ${winner.nickname} in Lucky Draw!`;
  // Nicknames are the users' own words: a text Kongjian's rules would refuse is not posted (the draw
  // still counts), rather than failing the draw with an error.
  const { verdict } = unwrap(await api.POST('/open/v1/text-checks', { body: { text } }));
  /** @type {StoryState} */
  let story = 'refused';
  if (verdict !== 'block') {
    // Kongjian only links stories to https pages, so a development copy on http posts the text alone.
    const linkUrl = app.publicUrl.startsWith('https:') ? app.publicUrl : undefined;
    const { state } = unwrap(await api.POST('/open/v1/feed/stories', { body: { text, linkUrl } }));
    // A new story is published, or held for a moderator (rejected and unpublished come later, if ever).
    story = state === 'held' ? 'held' : 'published';
  }
  return { me, winner, story, draws: await countDraw(api) };
}

/**
 * Words for a failed call, for the page.
 * @param {unknown} error
 */
export function describeFailure(error) {
  if (error instanceof KongjianApiError) {
    if (error.code === 'quota_exceeded')
      return 'You have posted enough stories for today. Come back tomorrow!';
    return `Kongjian said no: ${error.problem.detail ?? error.problem.title}`;
  }
  return 'Something went wrong talking to Kongjian. Please try again.';
}
