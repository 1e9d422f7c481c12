import { sqlRows } from '../database/sql';
import { MODERATION_STATES, type ModerationState } from '../moderation/moderation-state';
import type { PrivacyLevel } from '../common/privacy-level';
import { type TestUser } from '../testing/factory';
import { moderatedCondition } from './privacy.service';
import { withPrivacyFaces } from './privacy.testing';
import { factory, host, useFileHost } from '../testing/file-host';

type ViewerName = 'author' | 'friend' | 'stranger' | 'anonymous';
const VIEWERS: ViewerName[] = ['author', 'friend', 'stranger', 'anonymous'];
const LEVELS: PrivacyLevel[] = ['public', 'friends', 'private'];
const SEES_PUBLISHED: Record<PrivacyLevel, ViewerName[]> = {
  public: VIEWERS,
  friends: ['author', 'friend'],
  groups: ['author'],
  private: ['author'],
};

/** The rule as a table: content that is not published is its author's alone. */
const seesPost = (viewer: ViewerName, level: PrivacyLevel, state: ModerationState) =>
  state === 'published' ? SEES_PUBLISHED[level].includes(viewer) : viewer === 'author';
/** Comments and board messages here are written by `friend`. */
const seesFriendsItem = (viewer: ViewerName, state: ModerationState) =>
  state === 'published' || viewer === 'friend';

/**
 * The privacy matrix again, with moderation states: viewers × levels × states through every read
 * path, and both faces of the rule in agreement, for posts, comments and board messages.
 */
describe('the privacy matrix with moderation states (e2e)', () => {
  useFileHost();

  const users = {} as Record<Exclude<ViewerName, 'anonymous'>, TestUser>;
  const posts = new Map<string, string>();
  const comments = {} as Record<ModerationState, string>;
  const messages = {} as Record<ModerationState, string>;
  let commentedPost: string;
  const key = (level: PrivacyLevel, state: ModerationState) => `${level}/${state}`;
  const token = (viewer: ViewerName) => (viewer === 'anonymous' ? undefined : users[viewer].token);
  const setState = (table: string, id: string, state: ModerationState) =>
    host.sql(`update ${table} set moderation = ?, moderation_reason = ? where id = ?`, [
      state,
      state === 'published' ? null : `why ${state}`,
      id,
    ]);

  beforeAll(async () => {
    for (const name of ['author', 'friend', 'stranger'] as const) users[name] = await factory.newUser(name);
    await factory.befriend(users.author, users.friend);
    const open = await host.patch('/space/decoration', {
      token: users.author.token,
      body: { boardAccess: 'everyone' },
    });
    expect(open.status).toBe(200);
    for (const level of LEVELS) {
      for (const state of MODERATION_STATES) {
        const id = await factory.newMood(users.author, level, undefined, `${level} ${state}`);
        await setState('post', id, state);
        posts.set(key(level, state), id);
      }
    }
    commentedPost = await factory.newMood(users.author, 'public', undefined, 'comment on me');
    for (const state of MODERATION_STATES) {
      const comment = await host.post(`/posts/${commentedPost}/comments`, {
        token: users.friend.token,
        body: { body: `comment ${state}` },
      });
      expect(comment.status).toBe(201);
      comments[state] = comment.body.id;
      await setState('comment', comment.body.id, state);
      const message = await host.post(`/spaces/${users.author.id}/messages`, {
        token: users.friend.token,
        body: { body: `message ${state}` },
      });
      expect(message.status).toBe(201);
      messages[state] = message.body.id;
      await setState('board_message', message.body.id, state);
    }
  });

  const cells = VIEWERS.flatMap((viewer) =>
    LEVELS.flatMap((level) => MODERATION_STATES.map((state) => [viewer, level, state] as const)),
  );

  it.each(cells)('%s → %s %s post: get, space list and feed', async (viewer, level, state) => {
    const id = posts.get(key(level, state))!;
    const expected = seesPost(viewer, level, state);
    const single = await host.get(`/posts/${id}`, { token: token(viewer) });
    expect(single.status).toBe(expected ? 200 : 404);
    if (expected && viewer === 'author' && state !== 'published') {
      expect(single.body.moderation).toEqual({ state, reason: `why ${state}` });
    } else if (expected) {
      expect(single.body.moderation).toBeUndefined();
    }
    const list = await host.get(`/users/${users.author.id}/posts`, {
      token: token(viewer),
      query: { limit: 100 },
    });
    expect(list.body.items.some((post: { id: string }) => post.id === id)).toBe(expected);
    const comments = await host.get(`/posts/${id}/comments`, { token: token(viewer) });
    expect(comments.status).toBe(expected ? 200 : 404);
    if (viewer === 'author' || viewer === 'friend') {
      const feed = await host.get('/feed', { token: token(viewer), query: { limit: 100 } });
      expect(feed.body.items.some((item: { post: { id: string } }) => item.post.id === id)).toBe(expected);
    }
  });

  it.each(VIEWERS)("%s: the author's post count counts only what the viewer sees", async (viewer) => {
    const response = await host.get(`/spaces/${users.author.id}`, { token: token(viewer) });
    const visible = [...posts.keys()].filter((cell) => {
      const [level, state] = cell.split('/') as [PrivacyLevel, ModerationState];
      return seesPost(viewer, level, state);
    });
    // + the public post that carries the comments
    expect(response.body.postCount).toBe(visible.length + 1);
  });

  it.each(VIEWERS)('%s: comments, comment count and commented feed entries', async (viewer) => {
    const list = await host.get(`/posts/${commentedPost}/comments`, {
      token: token(viewer),
      query: { limit: 100 },
    });
    const listed = new Set(list.body.items.map((comment: { id: string }) => comment.id));
    const post = await host.get(`/posts/${commentedPost}`, { token: token(viewer) });
    const feed =
      viewer === 'author' || viewer === 'friend'
        ? await host.get('/feed', { token: token(viewer), query: { limit: 100 } })
        : undefined;
    const inFeed = new Set(
      (feed?.body.items ?? []).flatMap((item: { comment: { id: string } | null }) =>
        item.comment ? [item.comment.id] : [],
      ),
    );
    for (const state of MODERATION_STATES) {
      const expected = seesFriendsItem(viewer, state);
      expect({ state, listed: listed.has(comments[state]) }).toEqual({ state, listed: expected });
      if (feed) expect({ state, inFeed: inFeed.has(comments[state]) }).toEqual({ state, inFeed: expected });
    }
    expect(post.body.commentCount).toBe(
      MODERATION_STATES.filter((state) => seesFriendsItem(viewer, state)).length,
    );
  });

  it.each(VIEWERS)('%s: board messages', async (viewer) => {
    const list = await host.get(`/spaces/${users.author.id}/messages`, {
      token: token(viewer),
      query: { limit: 100 },
    });
    expect(list.status).toBe(200);
    const listed = new Map(
      list.body.items.map((message: { id: string; moderation?: unknown }) => [message.id, message] as const),
    );
    for (const state of MODERATION_STATES) {
      const expected = seesFriendsItem(viewer, state);
      expect({ state, listed: listed.has(messages[state]) }).toEqual({ state, listed: expected });
    }
    if (viewer === 'friend') {
      expect(listed.get(messages.held)).toMatchObject({ moderation: { state: 'held' } });
    }
  });

  it.each([false, true])(
    'keeps both faces of the rule in agreement for every viewer, level and state (authors suspended: %s)',
    async (suspended) => {
      // A suspended author's content is theirs alone: the post author's posts, the friend's comments.
      const shown = (viewer: ViewerName, authorName: ViewerName, sees: boolean) =>
        sees && (!suspended || viewer === authorName);
      const authors = [users.author.id, users.friend.id];
      if (suspended)
        await host.sql('update user_account set suspended_at = now() where id in (?, ?)', authors);
      try {
        await agreement(shown);
      } finally {
        await host.sql('update user_account set suspended_at = null where id in (?, ?)', authors);
      }
    },
  );

  const agreement = async (shown: (viewer: ViewerName, authorName: ViewerName, sees: boolean) => boolean) => {
    await withPrivacyFaces(async ({ privacy, em, listedPostIds }) => {
      for (const viewer of VIEWERS) {
        const viewerId = viewer === 'anonymous' ? null : users[viewer].id;
        const listed = await listedPostIds(viewerId, users.author.id);
        for (const level of LEVELS) {
          for (const state of MODERATION_STATES) {
            const id = posts.get(key(level, state))!;
            const single = await privacy.canView(viewerId, {
              id,
              authorId: users.author.id,
              level,
              moderation: state,
            });
            const inList = listed.includes(id);
            expect({ viewer, level, state, single, inList }).toEqual({
              viewer,
              level,
              state,
              single: shown(viewer, 'author', seesPost(viewer, level, state)),
              inList: single,
            });
          }
        }
        for (const [table, ids] of [
          ['comment', comments],
          ['board_message', messages],
        ] as const) {
          const moderated = moderatedCondition(viewerId, {
            authorId: 'x.author_id',
            moderation: 'x.moderation',
          });
          const rows = await sqlRows<{ id: string }>(
            em,
            `select x.id from ${table} x where x.author_id = ? and ${moderated.sql}`,
            [users.friend.id, ...moderated.params],
          );
          for (const state of MODERATION_STATES) {
            const single = await privacy.canViewModerated(viewerId, {
              authorId: users.friend.id,
              moderation: state,
            });
            const inList = rows.some((row) => row.id === ids[state]);
            expect({ table, viewer, state, single, inList }).toEqual({
              table,
              viewer,
              state,
              single: shown(viewer, 'friend', seesFriendsItem(viewer, state)),
              inList: single,
            });
          }
        }
      }
    });
  };
});
