import { EntityManager } from '@mikro-orm/core';
import { SessionSweeper } from '../accounts/session-sweeper';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { OAuthSweeper } from '../oauth/oauth-sweeper';
import { OAuthTestClient } from '../testing/oauth-client';
import { TaskLeaseRepository } from './task-lease.repository';
import { factory, host, kit, useOpenApiHost } from '../open-api/open-api.e2e-setup';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('expired sessions and OAuth state are purged, once across instances (e2e)', () => {
  useOpenApiHost();

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await host.sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`, params))[0].n);

  it('purges what has expired past its grace, and keeps what still works', async () => {
    const app = await kit.approvedApp();
    const oauth = new OAuthTestClient(host);
    const old = await factory.newUser('old');
    const oldTokens = await oauth.authorizeTokens(old, app);
    const oldGrant = (
      await host.sql<{ id: string }>('select id from oauth_grant where user_id = ?', [old.id])
    )[0].id;

    // Past the refresh token's life and the grace period: everything of that sign-in is dead.
    host.clock.advance(
      LIMITS.oauthRefreshTokenTtlDays * DAY_MS + LIMITS.expiredStateGraceSeconds * 1000 + 1000,
    );
    const fresh = await factory.newUser('fresh');
    const freshTokens = await oauth.authorizeTokens(fresh, app);

    const purged = await host.app.get(OAuthSweeper).purge();
    expect(purged.tokens).toBeGreaterThanOrEqual(2);
    expect(purged.codes).toBeGreaterThanOrEqual(1);
    expect(purged.grants).toBeGreaterThanOrEqual(1);
    expect(await count('oauth_grant', 'id = ?', [oldGrant])).toBe(0);
    expect(await count('oauth_token', 'grant_id = ?', [oldGrant])).toBe(0);
    // The old tokens are refused as before; the fresh ones still work.
    expect((await host.get('/open/v1/me', { token: oldTokens.accessToken })).status).toBe(401);
    expect((await host.get('/open/v1/me', { token: freshTokens.accessToken })).status).toBe(200);
    const refreshed = await oauth.token(app, {
      grant_type: 'refresh_token',
      refresh_token: freshTokens.refreshToken,
    });
    expect(refreshed.status).toBe(200);

    // The old user's session expired long ago; the fresh one's did not.
    expect(await host.app.get(SessionSweeper).purge()).toBeGreaterThanOrEqual(1);
    expect(await count('session', 'user_id = ?', [old.id])).toBe(0);
    expect((await host.get('/account', { token: fresh.token })).status).toBe(200);
  });

  it('deletes a backlog in bounded batches, over several runs', async () => {
    const user = await factory.newUser('many');
    const backlog = LIMITS.expiredStateSweepBatch * LIMITS.expiredStateSweepMaxBatches + 5;
    await host.sql(
      `insert into session (id, user_id, token_hash, created_at, last_used_at, expires_at)
       select gen_random_uuid(), ?, 'purge-test-' || n, ?, ?, ? from generate_series(1, ?) n`,
      [user.id, new Date(0), new Date(0), new Date(1000), backlog],
    );
    const sweeper = host.app.get(SessionSweeper);
    expect(await sweeper.purge()).toBe(LIMITS.expiredStateSweepBatch * LIMITS.expiredStateSweepMaxBatches);
    expect(await sweeper.purge()).toBe(5);
    expect(await count('session', "token_hash like 'purge-test-%'")).toBe(0);
  });

  it('lets one instance at a time hold a task, until it gives it up or its lease runs out', async () => {
    // Two instances' repositories: each process is a holder of its own.
    const em = host.app.get(EntityManager);
    const [first, second] = [new TaskLeaseRepository(em), new TaskLeaseRepository(em)];
    await host.app.get(DatabaseService).withContext(async () => {
      expect(await first.take('test-task', 60)).toBe(true);
      expect(await second.take('test-task', 60)).toBe(false);
      expect(await first.take('test-task', 60)).toBe(true);
      await first.release('test-task');
      expect(await second.take('test-task', 1)).toBe(true);
      expect(await first.take('test-task', 60)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await first.take('test-task', 60)).toBe(true);
    });
  });
});
