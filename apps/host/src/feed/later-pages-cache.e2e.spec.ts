import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/**
 * Pages after the first are read from stretches of the viewer's feed kept in memory (FeedService.chunks).
 * These checks page through a feed (so a stretch is kept), change rows behind the host's back with SQL,
 * and read the same cursors again: each page must show the change at once.
 */
describe('later feed pages read from memory (e2e)', () => {
  useFileHost();

  let viewer: TestUser;
  let friend: TestUser;
  let moods: Map<string, string>;

  /** A friend's mood written `minutesAgo`, straight into the tables, named by its body. */
  const moodAt = async (minutesAgo: number, body: string): Promise<void> => {
    const [{ id }] = await host.sql<{ id: string }>(
      `insert into post (id, author_id, kind, body, privacy, created_at, updated_at)
       values (gen_random_uuid(), ?, 'mood', ?, 'friends', now() - make_interval(mins => ?), now()) returning id`,
      [friend.id, body, minutesAgo],
    );
    await host.sql(
      `insert into feed_entry (id, actor_id, verb, post_id, created_at)
       values (gen_random_uuid(), ?, 'posted', ?, now() - make_interval(mins => ?))`,
      [friend.id, id, minutesAgo],
    );
    moods.set(body, id);
  };

  /** The bodies of the page after `cursor` (two to a page) and its next cursor. */
  const page = async (cursor?: string): Promise<{ bodies: string[]; next: string | null }> => {
    const response = await host.get('/feed', { token: viewer.token, query: { limit: 2, cursor } });
    expect(response.status).toBe(200);
    const body = response.body as { items: Array<{ post: { body: string } }>; nextCursor: string | null };
    return { bodies: body.items.map((item) => item.post.body), next: body.nextCursor };
  };

  /** Every page from the first, as lists of bodies, and the cursors that lead to pages 2, 3, … */
  const walk = async (): Promise<{ pages: string[][]; cursors: string[] }> => {
    const pages: string[][] = [];
    const cursors: string[] = [];
    let current = await page();
    pages.push(current.bodies);
    while (current.next) {
      cursors.push(current.next);
      current = await page(current.next);
      pages.push(current.bodies);
    }
    return { pages, cursors };
  };

  beforeEach(async () => {
    viewer = await factory.newUser('viewer');
    friend = await factory.newUser('friend');
    await factory.befriend(viewer, friend);
    moods = new Map();
    for (let n = 1; n <= 8; n++) await moodAt(100 - n, `m${n}`);
  });

  it('pages through the feed, then drops from the kept pages a post deleted, hidden or held in the database', async () => {
    const { pages, cursors } = await walk();
    expect(pages).toEqual([
      ['m8', 'm7'],
      ['m6', 'm5'],
      ['m4', 'm3'],
      ['m2', 'm1'],
    ]);
    const [toPage2, toPage3] = cursors;

    await host.sql('delete from post where id = ?', [moods.get('m3')]);
    expect((await page(toPage3)).bodies).toEqual(['m4', 'm2']);
    await host.sql(`update post set privacy = 'private' where id = ?`, [moods.get('m5')]);
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm4']);
    await host.sql(`update post set moderation = 'held' where id = ?`, [moods.get('m6')]);
    expect((await page(toPage2)).bodies).toEqual(['m4', 'm2']);
    await host.sql(`update post set moderation = 'published', privacy = 'friends' where author_id = ?`, [
      friend.id,
    ]);
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm5']);
  });

  it('follows a block, a suspension and the end of a friendship changed in the database', async () => {
    const { cursors } = await walk();
    const toPage2 = cursors[0];
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm5']);

    await host.sql('insert into user_block (blocker_id, blocked_id, created_at) values (?, ?, now())', [
      friend.id,
      viewer.id,
    ]);
    expect((await page(toPage2)).bodies).toEqual([]);
    await host.sql('delete from user_block where blocker_id = ?', [friend.id]);
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm5']);

    await host.sql('update user_account set suspended_at = now() where id = ?', [friend.id]);
    expect((await page(toPage2)).bodies).toEqual([]);
    await host.sql('update user_account set suspended_at = null where id = ?', [friend.id]);
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm5']);

    await host.sql('delete from friendship where user_id = ? and friend_id = ?', [viewer.id, friend.id]);
    expect((await page(toPage2)).bodies).toEqual([]);
  });

  it("shows a post's likes and its author's name changed in the database on the kept pages", async () => {
    const { cursors } = await walk();
    const toPage2 = cursors[0];
    const shown = async () => {
      const response = await host.get('/feed', { token: viewer.token, query: { limit: 2, cursor: toPage2 } });
      const [item] = (
        response.body as { items: Array<{ actor: { username: string }; post: { likeCount: number } }> }
      ).items;
      return { name: item.actor.username, likes: item.post.likeCount };
    };
    expect(await shown()).toEqual({ name: friend.username, likes: 0 });
    await host.sql('insert into post_like (post_id, user_id, created_at) values (?, ?, now())', [
      moods.get('m6'),
      viewer.id,
    ]);
    expect(await shown()).toEqual({ name: friend.username, likes: 1 });
    await host.sql('update user_account set username = ? where id = ?', [`${friend.username}x`, friend.id]);
    expect(await shown()).toEqual({ name: `${friend.username}x`, likes: 1 });
  });

  it("follows a friend's chosen groups changed in the database", async () => {
    const chosen = await factory.newGroup(friend, 'chosen');
    await host.sql(`update post set privacy = 'groups' where id = ?`, [moods.get('m5')]);
    await host.sql('insert into audience_group (subject_id, group_id) values (?, ?)', [
      moods.get('m5'),
      chosen,
    ]);
    const { cursors } = await walk();
    const toPage2 = cursors[0];
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm4']);

    await host.sql('insert into friend_group_member (group_id, member_id) values (?, ?)', [
      chosen,
      viewer.id,
    ]);
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm5']);
    await host.sql('delete from friend_group_member where group_id = ?', [chosen]);
    expect((await page(toPage2)).bodies).toEqual(['m6', 'm4']);
  });
});
