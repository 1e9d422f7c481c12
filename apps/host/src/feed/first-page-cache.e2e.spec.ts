import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/**
 * Each instance keeps its viewers' first feed pages in memory. Whatever changes what a first page shows
 * — the host's own code, another instance, an operator at psql — the database announces it, and the next
 * read shows it: these checks read a first page (so it is kept), change rows behind the host's back with
 * SQL, and read it again.
 */
interface FeedItem {
  verb: string;
  actor: { username: string };
  post: { body: string; likeCount: number; likedByMe: boolean; commentCount: number; repostCount: number };
}

describe('first feed pages kept in memory (e2e)', () => {
  useFileHost();

  let viewer: TestUser;
  let friend: TestUser;

  const firstItems = async (user: TestUser = viewer): Promise<FeedItem[]> => {
    const response = await host.get('/feed', { token: user.token, query: { limit: 5 } });
    expect(response.status).toBe(200);
    return (response.body as { items: FeedItem[] }).items;
  };

  /** The first page as `verb body` lines, newest first. */
  const firstPage = async (user: TestUser = viewer): Promise<string[]> =>
    (await firstItems(user)).map((item) => `${item.verb} ${item.post.body}`);

  beforeEach(async () => {
    viewer = await factory.newUser('viewer');
    friend = await factory.newUser('friend');
    await factory.befriend(viewer, friend);
  });

  it("shows a friend's post written in the database, and drops a deleted one", async () => {
    await factory.newMood(friend, 'friends', undefined, 'through the API');
    expect(await firstPage()).toEqual(['posted through the API']);

    const [{ id }] = await host.sql<{ id: string }>(
      `insert into post (id, author_id, kind, body, privacy, created_at, updated_at)
       values (gen_random_uuid(), ?, 'mood', 'behind the host', 'friends', now(), now()) returning id`,
      [friend.id],
    );
    await host.sql(
      `insert into feed_entry (id, actor_id, verb, post_id, created_at) values (gen_random_uuid(), ?, 'posted', ?, now())`,
      [friend.id, id],
    );
    expect(await firstPage()).toEqual(['posted behind the host', 'posted through the API']);

    await host.sql('delete from post where id = ?', [id]);
    expect(await firstPage()).toEqual(['posted through the API']);
  });

  it("follows a post's privacy and moderation, and a comment's moderation, changed in the database", async () => {
    const mood = await factory.newMood(friend, 'friends', undefined, 'for friends');
    expect(await firstPage()).toEqual(['posted for friends']);
    await host.sql(`update post set privacy = 'private' where id = ?`, [mood]);
    expect(await firstPage()).toEqual([]);
    await host.sql(`update post set privacy = 'public' where id = ?`, [mood]);
    expect(await firstPage()).toEqual(['posted for friends']);
    await host.sql(`update post set moderation = 'held' where id = ?`, [mood]);
    expect(await firstPage()).toEqual([]);

    // A friend's comment on a stranger's post: the entry goes with the comment, and with the post.
    const stranger = await factory.newUser('stranger');
    const strangers = await factory.newMood(stranger, 'public', undefined, "a stranger's");
    await host.post(`/posts/${strangers}/comments`, { token: friend.token, body: { body: 'hello' } });
    expect(await firstPage()).toEqual(["commented a stranger's"]);
    await host.sql(`update comment set moderation = 'held' where post_id = ?`, [strangers]);
    expect(await firstPage()).toEqual([]);
    await host.sql(`update comment set moderation = 'published' where post_id = ?`, [strangers]);
    expect(await firstPage()).toEqual(["commented a stranger's"]);
    await host.sql(`update post set privacy = 'private' where id = ?`, [strangers]);
    expect(await firstPage()).toEqual([]);
  });

  it("follows friend groups and a post's chosen groups changed in the database", async () => {
    const chosen = await factory.newGroup(friend, 'chosen');
    const other = await factory.newGroup(friend, 'other', [viewer]);
    const mood = await factory.newMood(friend, 'groups', [chosen], 'for the chosen');
    expect(await firstPage()).toEqual([]);

    await host.sql('insert into friend_group_member (group_id, member_id) values (?, ?)', [
      chosen,
      viewer.id,
    ]);
    expect(await firstPage()).toEqual(['posted for the chosen']);
    await host.sql('delete from friend_group_member where group_id = ? and member_id = ?', [
      chosen,
      viewer.id,
    ]);
    expect(await firstPage()).toEqual([]);

    await host.sql('insert into audience_group (subject_id, group_id) values (?, ?)', [mood, other]);
    expect(await firstPage()).toEqual(['posted for the chosen']);
    await host.sql('delete from friend_group where id = ?', [other]);
    expect(await firstPage()).toEqual([]);
  });

  it('follows a friendship, a block and a suspension changed in the database', async () => {
    await factory.newMood(friend, 'public', undefined, 'public');
    await factory.newMood(friend, 'friends', undefined, 'for friends');
    expect(await firstPage()).toEqual(['posted for friends', 'posted public']);

    await host.sql('update user_account set suspended_at = now() where id = ?', [friend.id]);
    expect(await firstPage()).toEqual([]);
    await host.sql('update user_account set suspended_at = null where id = ?', [friend.id]);
    expect(await firstPage()).toEqual(['posted for friends', 'posted public']);

    await host.sql('insert into user_block (blocker_id, blocked_id, created_at) values (?, ?, now())', [
      friend.id,
      viewer.id,
    ]);
    expect(await firstPage()).toEqual(['posted public']);
    await host.sql('delete from user_block where blocker_id = ?', [friend.id]);
    expect(await firstPage()).toEqual(['posted for friends', 'posted public']);

    await host.sql('delete from friendship where user_id = ? and friend_id = ?', [viewer.id, friend.id]);
    expect(await firstPage()).toEqual([]);
    // The friend still sees their own.
    expect(await firstPage(friend)).toEqual(['posted for friends', 'posted public']);
  });

  it("follows a post's likes, comments and reposts and its author's name changed in the database", async () => {
    const mood = await factory.newMood(friend, 'public', undefined, 'popular');
    const counts = async () => {
      const [item] = await firstItems();
      const { likeCount, likedByMe, commentCount, repostCount } = item.post;
      return { name: item.actor.username, likeCount, likedByMe, commentCount, repostCount };
    };
    const before = { name: friend.username, likeCount: 0, likedByMe: false, commentCount: 0, repostCount: 0 };
    expect(await counts()).toEqual(before);

    await host.sql('insert into post_like (post_id, user_id, created_at) values (?, ?, now())', [
      mood,
      viewer.id,
    ]);
    expect(await counts()).toEqual({ ...before, likeCount: 1, likedByMe: true });
    await host.sql('delete from post_like where post_id = ?', [mood]);
    await host.sql(
      `insert into comment (id, post_id, author_id, body, created_at) values (gen_random_uuid(), ?, ?, 'hi', now())`,
      [mood, viewer.id],
    );
    expect(await counts()).toEqual({ ...before, commentCount: 1 });
    const stranger = await factory.newUser('reposter');
    await host.sql(
      `insert into post (id, author_id, kind, body, repost_of_id, privacy, created_at, updated_at)
       values (gen_random_uuid(), ?, 'repost', 'again', ?, 'public', now(), now())`,
      [stranger.id, mood],
    );
    expect(await counts()).toEqual({ ...before, commentCount: 1, repostCount: 1 });
    await host.sql(`update user_account set username = ? where id = ?`, [`${friend.username}x`, friend.id]);
    expect(await counts()).toEqual({
      ...before,
      name: `${friend.username}x`,
      commentCount: 1,
      repostCount: 1,
    });
  });
});
