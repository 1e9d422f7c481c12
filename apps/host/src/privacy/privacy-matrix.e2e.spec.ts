import { type Privacy, type TestUser } from '../testing/factory';
import type { PrivacyLevel } from '../common/privacy-level';
import { withPrivacyFaces } from './privacy.testing';
import { factory, host, useFileHost } from '../testing/file-host';

type ViewerName =
  'author' | 'friend' | 'friendInGroup' | 'friendNotInGroup' | 'stranger' | 'blocked' | 'anonymous';

const VIEWERS: ViewerName[] = [
  'author',
  'friend',
  'friendInGroup',
  'friendNotInGroup',
  'stranger',
  'blocked',
  'anonymous',
];
/** The viewers who have an account. */
const PEOPLE = VIEWERS.filter((viewer) => viewer !== 'anonymous');
const LEVELS: Privacy[] = ['public', 'friends', 'groups', 'private'];

/** Who may see an item of each level: the rule as a table, written out by hand. */
const SEES: Record<Privacy, ViewerName[]> = {
  public: VIEWERS,
  friends: ['author', 'friend', 'friendInGroup', 'friendNotInGroup'],
  groups: ['author', 'friendInGroup'],
  private: ['author'],
};
const FRIENDS_OF_AUTHOR: ViewerName[] = ['author', 'friend', 'friendInGroup', 'friendNotInGroup'];

const sees = (viewer: ViewerName, level: Privacy) => SEES[level].includes(viewer);

describe('the privacy matrix (e2e)', () => {
  useFileHost();

  const users = {} as Record<Exclude<ViewerName, 'anonymous'>, TestUser>;
  const posts = {} as Record<Privacy, string>;
  const token = (viewer: ViewerName) => (viewer === 'anonymous' ? undefined : users[viewer].token);

  beforeAll(async () => {
    for (const name of PEOPLE) users[name] = await factory.newUser(name.slice(0, 12));
    const { author } = users;
    for (const name of ['friend', 'friendInGroup', 'friendNotInGroup', 'blocked'] as const) {
      await factory.befriend(author, users[name]);
    }
    const chosen = await factory.newGroup(author, 'classmates', [users.friendInGroup]);
    await factory.newGroup(author, 'family', [users.friendNotInGroup]);
    // Blocking ends the friendship: the blocked user was a friend until now.
    await factory.block(author, users.blocked);
    for (const level of LEVELS) {
      posts[level] = await factory.newMood(
        author,
        level,
        level === 'groups' ? [chosen] : undefined,
        `a ${level} mood`,
      );
    }
  });

  const cells = VIEWERS.flatMap((viewer) => LEVELS.map((level) => [viewer, level] as const));

  describe('reading', () => {
    it.each(cells)('%s → %s post: get the post', async (viewer, level) => {
      const response = await host.get(`/posts/${posts[level]}`, { token: token(viewer) });
      if (sees(viewer, level)) {
        expect(response.status).toBe(200);
        expect(response.body.body).toBe(`a ${level} mood`);
      } else {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('not_found');
      }
    });

    it.each(cells)("%s → %s post: the author's space list", async (viewer, level) => {
      const response = await host.get(`/users/${users.author.id}/posts`, { token: token(viewer) });
      expect(response.status).toBe(200);
      const ids = response.body.items.map((post: { id: string }) => post.id);
      expect(ids.includes(posts[level])).toBe(sees(viewer, level));
    });

    it.each(cells)('%s → %s post: the feed', async (viewer, level) => {
      const response = await host.get('/feed', { token: token(viewer), query: { limit: 100 } });
      if (viewer === 'anonymous') {
        expect(response.status).toBe(401);
        return;
      }
      expect(response.status).toBe(200);
      const ids = response.body.items.map((item: { post: { id: string } }) => item.post.id);
      expect(ids.includes(posts[level])).toBe(sees(viewer, level) && FRIENDS_OF_AUTHOR.includes(viewer));
    });

    it.each(cells)('%s → %s post: the comments list', async (viewer, level) => {
      const response = await host.get(`/posts/${posts[level]}/comments`, { token: token(viewer) });
      expect(response.status).toBe(sees(viewer, level) ? 200 : 404);
    });

    it.each(VIEWERS)("%s: the author's post count counts only what the viewer sees", async (viewer) => {
      const response = await host.get(`/spaces/${users.author.id}`, { token: token(viewer) });
      expect(response.status).toBe(200);
      expect(response.body.postCount).toBe(LEVELS.filter((level) => sees(viewer, level)).length);
    });
  });

  describe('acting', () => {
    /** The status a write gets: 401 anonymous, 404 unseen, 403 seen but blocked, else success. */
    const expected = (viewer: ViewerName, level: Privacy, success: number) => {
      if (viewer === 'anonymous') return 401;
      if (!sees(viewer, level)) return 404;
      return viewer === 'blocked' ? 403 : success;
    };

    it.each(cells)('%s → %s post: like', async (viewer, level) => {
      const response = await host.put(`/posts/${posts[level]}/like`, { token: token(viewer) });
      expect(response.status).toBe(expected(viewer, level, 200));
    });

    it.each(cells)('%s → %s post: comment', async (viewer, level) => {
      const response = await host.post(`/posts/${posts[level]}/comments`, {
        token: token(viewer),
        body: { body: `${viewer} was here` },
      });
      expect(response.status).toBe(expected(viewer, level, 201));
    });

    it.each(cells)('%s → %s post: repost', async (viewer, level) => {
      const response = await host.post(`/posts/${posts[level]}/reposts`, {
        token: token(viewer),
        body: { text: 'look', privacy: 'public' },
      });
      expect(response.status).toBe(expected(viewer, level, 201));
    });

    it.each(cells)("%s → %s post: the post's counts", async (viewer, level) => {
      const response = await host.get(`/posts/${posts[level]}`, { token: token(viewer) });
      if (!sees(viewer, level)) {
        expect(response.status).toBe(404);
        return;
      }
      // Every viewer who may act on the post liked, commented and reposted it publicly above.
      const actors: ViewerName[] = SEES[level].filter((name) => name !== 'anonymous' && name !== 'blocked');
      expect(response.body.likeCount).toBe(actors.length);
      expect(response.body.commentCount).toBe(actors.length);
      expect(response.body.repostCount).toBe(actors.length);
      expect(response.body.likedByMe).toBe(actors.includes(viewer));
    });
  });

  it('keeps the two faces of the rule in agreement for every viewer and level', async () => {
    await withPrivacyFaces(async ({ privacy, listedPostIds }) => {
      for (const viewer of VIEWERS) {
        const viewerId = viewer === 'anonymous' ? null : users[viewer].id;
        const listed = await listedPostIds(viewerId, users.author.id);
        for (const level of LEVELS) {
          const single = await privacy.canView(viewerId, {
            id: posts[level],
            authorId: users.author.id,
            level: level as PrivacyLevel,
            moderation: 'published',
          });
          const inList = listed.includes(posts[level]);
          expect({ viewer, level, single, inList }).toEqual({
            viewer,
            level,
            single: sees(viewer, level),
            inList: single,
          });
        }
      }
    });
  });
});
