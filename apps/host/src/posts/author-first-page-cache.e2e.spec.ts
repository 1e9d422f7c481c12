import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/**
 * Each instance keeps the first page of a person's posts, per viewer, as it was shown. These checks read
 * it (so it is kept), change rows behind the host's back with SQL, and read it again.
 */
describe("first pages of a person's posts kept in memory (e2e)", () => {
  useFileHost();

  let author: TestUser;
  let visitor: TestUser;

  /** The first page of the author's posts as the visitor (or a signed-out one) sees it, as bodies. */
  const bodies = async (viewer: TestUser | null = visitor): Promise<string[]> => {
    const response = await host.get(`/users/${author.id}/posts`, {
      token: viewer?.token,
      query: { limit: 5 },
    });
    expect(response.status).toBe(200);
    return (response.body as { items: Array<{ body: string }> }).items.map((item) => item.body);
  };

  beforeEach(async () => {
    author = await factory.newUser('author');
    visitor = await factory.newUser('visitor');
    await factory.befriend(author, visitor);
  });

  it('shows a post written in the database, and follows its privacy, its likes and its deletion', async () => {
    await factory.newMood(author, 'friends', undefined, 'through the API');
    expect(await bodies()).toEqual(['through the API']);
    expect(await bodies(null)).toEqual([]);

    // A post row alone, with no feed entry: the space page still hears of it.
    const [{ id }] = await host.sql<{ id: string }>(
      `insert into post (id, author_id, kind, body, privacy, created_at, updated_at)
       values (gen_random_uuid(), ?, 'mood', 'behind the host', 'public', now(), now()) returning id`,
      [author.id],
    );
    expect(await bodies()).toEqual(['behind the host', 'through the API']);
    expect(await bodies(null)).toEqual(['behind the host']);

    await host.sql(`update post set privacy = 'private' where id = ?`, [id]);
    expect(await bodies()).toEqual(['through the API']);
    expect(await bodies(null)).toEqual([]);
    await host.sql(`update post set privacy = 'public' where id = ?`, [id]);

    const likes = async () => {
      const response = await host.get(`/users/${author.id}/posts`, {
        token: visitor.token,
        query: { limit: 5 },
      });
      return (response.body as { items: Array<{ likeCount: number }> }).items[0].likeCount;
    };
    expect(await likes()).toBe(0);
    await host.sql('insert into post_like (post_id, user_id, created_at) values (?, ?, now())', [
      id,
      visitor.id,
    ]);
    expect(await likes()).toBe(1);

    await host.sql('delete from post where id = ?', [id]);
    expect(await bodies()).toEqual(['through the API']);
  });

  it("follows the visitor's friendship and friend groups, and the author's suspension", async () => {
    const chosen = await factory.newGroup(author, 'chosen');
    await factory.newMood(author, 'groups', [chosen], 'for the chosen');
    await factory.newMood(author, 'friends', undefined, 'for friends');
    expect(await bodies()).toEqual(['for friends']);

    await host.sql('insert into friend_group_member (group_id, member_id) values (?, ?)', [
      chosen,
      visitor.id,
    ]);
    expect(await bodies()).toEqual(['for friends', 'for the chosen']);
    await host.sql('delete from friendship where user_id = ? and friend_id = ?', [visitor.id, author.id]);
    await host.sql('delete from friendship where user_id = ? and friend_id = ?', [author.id, visitor.id]);
    expect(await bodies()).toEqual([]);

    await factory.newMood(author, 'public', undefined, 'for everyone');
    expect(await bodies()).toEqual(['for everyone']);
    await host.sql('update user_account set suspended_at = now() where id = ?', [author.id]);
    expectProblem(await host.get(`/users/${author.id}/posts`, { token: visitor.token }), 404, 'not_found');
  });
});
