import { MikroORM, RequestContext } from '@mikro-orm/core';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { ChangeFeed } from './change-feed';
import { factory, host, kit, useOpenApiHost } from '../open-api/open-api.e2e-setup';

/**
 * Sessions, access tokens, consents, clients, people's names, yellow diamonds, levels and app friends lists
 * are cached in memory. Whatever changes
 * them — the host's own code, another instance, an operator at psql — the database announces the change,
 * and the next request sees it: these checks change rows behind the host's back, right after a request
 * that filled its cache.
 */
describe('caches dropped by the database change feed (e2e)', () => {
  useOpenApiHost();

  const account = (user: TestUser) => host.get('/account', { token: user.token });

  it('ends a cached session deleted in the database, and follows a role or suspension set there', async () => {
    const user = await factory.newUser('ended');
    expect((await account(user)).status).toBe(200);
    await host.sql('delete from session where user_id = ?', [user.id]);
    expectProblem(await account(user), 401, 'unauthenticated');

    const admin = await factory.newUser('promoted');
    expectProblem(await host.get('/admin/users', { token: admin.token }), 403, 'forbidden');
    await host.sql(`update user_account set roles = '{user,admin}' where id = ?`, [admin.id]);
    expect((await host.get('/admin/users', { token: admin.token })).status).toBe(200);

    const suspended = await factory.newUser('suspended');
    expect((await account(suspended)).status).toBe(200);
    await host.sql('update user_account set suspended_at = now() where id = ?', [suspended.id]);
    expectProblem(await account(suspended), 401, 'unauthenticated');
  });

  it("stops a cached access token when it, its grant, its app or the user's consent changes in the database", async () => {
    const app = await kit.approvedApp();
    const me = (token: string) => host.get('/open/v1/me', { token });
    const revoked = await kit.newUserWithToken('revoked', app);
    expect((await me(revoked.token)).status).toBe(200);
    await host.sql('update oauth_grant set revoked_at = now() where user_id = ?', [revoked.user.id]);
    expectProblem(await me(revoked.token), 401, 'invalid_token');

    // The token row itself (only access tokens announce their changes: no cache holds a refresh token).
    const single = await kit.newUserWithToken('single', app);
    expect((await me(single.token)).status).toBe(200);
    await host.sql(
      `update oauth_token set revoked_at = now()
        where kind = 'access' and grant_id in (select id from oauth_grant where user_id = ?)`,
      [single.user.id],
    );
    expectProblem(await me(single.token), 401, 'invalid_token');

    const withdrawn = await kit.newUserWithToken('withdrawn', app);
    expect((await me(withdrawn.token)).status).toBe(200);
    await host.sql('update app_authorization set revoked_at = now() where user_id = ?', [withdrawn.user.id]);
    expectProblem(await me(withdrawn.token), 401, 'invalid_token');

    const player = await kit.newUserWithToken('player', app);
    expect((await me(player.token)).status).toBe(200);
    await host.sql(`update app set status = 'suspended' where id = ?`, [app.id]);
    expectProblem(await me(player.token), 401, 'invalid_token');
    await host.sql(`update app set status = 'published' where id = ?`, [app.id]);
    expect((await me(player.token)).status).toBe(200);
  });

  it("follows a yellow diamond, points, friendships, blocks, a friend's consent and suspension changed in the database", async () => {
    const app = await kit.approvedApp();
    const { user, token } = await kit.newUserWithToken('member', app);
    const profile = async () =>
      (await host.get('/open/v1/me', { token })).body as { level: number; vip: { active: boolean } };
    expect((await profile()).vip).toEqual({ active: false, level: null });
    await host.sql(
      `insert into vip_membership (user_id, since, expires_at, updated_at)
       values (?, now(), now() + interval '30 days', now())`,
      [user.id],
    );
    expect((await profile()).vip).toEqual({ active: true, level: 1 });
    expect((await profile()).level).toBeLessThan(6);
    await host.sql(
      `insert into activity_points (user_id, activity, day, points) values (?, 'mood', current_date - 1, 200)`,
      [user.id],
    );
    expect((await profile()).level).toBeGreaterThanOrEqual(6);

    const friend = await kit.newUserWithToken('appfriend', app);
    const friendOpenid = await kit.openid(friend.token);
    const appFriends = async () =>
      ((await host.get('/open/v1/friends', { token })).body as { items: { openid: string }[] }).items.map(
        (item) => item.openid,
      );
    expect(await appFriends()).toEqual([]);
    const changes: Array<[string, string[], string[]]> = [
      [
        'insert into friendship (user_id, friend_id, created_at) values (?, ?, now()), (?, ?, now())',
        [user.id, friend.user.id, friend.user.id, user.id],
        [friendOpenid],
      ],
      [
        'insert into user_block (blocker_id, blocked_id, created_at) values (?, ?, now())',
        [friend.user.id, user.id],
        [],
      ],
      ['delete from user_block where blocker_id = ?', [friend.user.id], [friendOpenid]],
      ['update app_authorization set revoked_at = now() where user_id = ?', [friend.user.id], []],
      ['update app_authorization set revoked_at = null where user_id = ?', [friend.user.id], [friendOpenid]],
      ['update user_account set suspended_at = now() where id = ?', [friend.user.id], []],
      ['update user_account set suspended_at = null where id = ?', [friend.user.id], [friendOpenid]],
      ['delete from friendship where user_id = ? or friend_id = ?', [friend.user.id, friend.user.id], []],
    ];
    for (const [sql, params, expected] of changes) {
      await host.sql(sql, params);
      expect({ sql, friends: await appFriends() }).toEqual({ sql, friends: expected });
    }
  });

  it('shows a name changed in the database on the next page that names the person', async () => {
    const author = await factory.newUser('renamed');
    const friend = await factory.newUser('reader');
    await factory.befriend(author, friend);
    expect(
      (await host.post('/moods', { token: author.token, body: { text: 'hello', privacy: 'friends' } }))
        .status,
    ).toBe(201);
    const authorOnFeed = async () =>
      (
        (await host.get('/feed', { token: friend.token })).body as {
          items: { actor: { username: string } }[];
        }
      ).items[0].actor.username;
    expect(await authorOnFeed()).toBe(author.username);
    const renamed = `${author.username}_b`;
    await host.sql('update user_account set username = ?, username_key = ? where id = ?', [
      renamed,
      renamed,
      author.id,
    ]);
    expect(await authorOnFeed()).toBe(renamed);
  });

  it('caches nothing read inside a transaction that rolls back', async () => {
    const user = await factory.newUser('rolledback');
    const directory = host.app.get(UserDirectoryService);
    const em = host.app.get(MikroORM).em.fork();
    const nameNow = async () => (await directory.summaries([user.id])).get(user.id)?.username;
    const never = `${user.username}_never`;
    await RequestContext.create(em, async () => {
      const rolledBack = em.transactional(async (transaction) => {
        await transaction
          .getConnection()
          .execute(
            'update user_account set username = ?, username_key = ? where id = ?',
            [never, never, user.id],
            'run',
            transaction.getTransactionContext(),
          );
        // Read inside the transaction, which sees its own write: the cache must not keep it.
        expect(await nameNow()).toBe(never);
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
    });
    expect(host.app.get(ChangeFeed).live).toBe(true);
    expect(await RequestContext.create(em.fork(), nameNow)).toBe(user.username);
  });
});
