import request from 'supertest';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import { newPkcePair, OAuthTestClient } from '../testing/oauth-client';
import type { ApiResponse } from '../testing/test-host';
import { ALL_SCOPES, UNLIMITED_RATES } from './open-api.testing';
import { factory, host, kit, useOpenApiHost } from './open-api.e2e-setup';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Invites from apps: friends who do not use the app, one pending invite each, and what the app hears. */
describe('Open API: invites (e2e)', () => {
  useOpenApiHost({ openApiRateLimits: UNLIMITED_RATES });

  let app: TestApp;

  const invite = (token: string, body: unknown) => host.post('/open/v1/invites', { token, body });
  /** Every page of the user's invitable friends, as an app pages through them. */
  const invitable = async (token: string) => {
    const items: { openid: string; nickname: string; invited: boolean }[] = [];
    let cursor: string | undefined;
    do {
      const listed = await host.get('/open/v1/invitable-friends', { token, query: { cursor } });
      expect(listed.status).toBe(200);
      items.push(...listed.body.items);
      cursor = listed.body.nextCursor ?? undefined;
    } while (cursor);
    return items;
  };
  /** The openid the app may invite `friend` by, as the inviter's invitable friends list gives it. */
  const openidToInvite = async (token: string, friend: TestUser) =>
    (await invitable(token)).find((item) => item.nickname === friend.username)!.openid;
  /** The invites the user received, as their notifications show them. */
  const invitesReceived = async (user: TestUser) => {
    const notifications = await host.get('/notifications', { token: user.token });
    expect(notifications.status).toBe(200);
    return notifications.body.items.filter((item: { kind: string }) => item.kind === 'app_invite');
  };
  /** The app's invite events about the inviter or the invitee, oldest first, as the app receives them. */
  const inviteEvents = async (...openids: string[]) =>
    (
      await host.sql<{ type: string; data: Record<string, unknown> }>(
        `select type, data from app_event
          where app_id = ? and type in ('app.invited', 'invite.accepted')
            and (data->>'inviter' = any(?::text[]) or data->>'invitee' = any(?::text[]))
          order by created_at, id`,
        [app.id, `{${openids.join(',')}}`, `{${openids.join(',')}}`],
      )
    ).map(({ type, data }) => ({ type, ...data }));
  /** Invites the user sent today, as the daily quota counts them. */
  const quotaUsed = async (user: TestUser) =>
    (await host.sql<{ used: number }>('select used from app_invite_quota where user_id = ?', [user.id]))[0]
      ?.used ?? 0;

  /** A user of the app, their token (with invites:send) and openid, and a friend who does not use the app. */
  const inviterAndFriend = async () => {
    const { user: inviter, token } = await kit.newUserWithToken('inviter', app);
    const friend = await factory.newUser('friend');
    await factory.befriend(inviter, friend);
    return { inviter, token, openid: await kit.openid(token), friend };
  };

  beforeAll(async () => {
    app = await kit.approvedApp({ scopes: [...ALL_SCOPES, 'invites:send'], name: 'Invite Party' });
  });

  it('invites a friend who does not use the app: they are told, the app hears app.invited, and a repeat sends nothing', async () => {
    const { inviter, token, openid, friend } = await inviterAndFriend();
    const { user: installedFriend } = await kit.newUserWithToken('installed', app);
    await factory.befriend(inviter, installedFriend);

    expect(await invitable(token)).toEqual([
      { openid: expect.any(String), nickname: friend.username, headPortraitUrl: null, invited: false },
    ]);
    const to = await openidToInvite(token, friend);
    const sent = await invite(token, { to });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({
      id: expect.any(String),
      inviter: openid,
      invitee: to,
      createdAt: expect.any(String),
    });

    expect(await invitesReceived(friend)).toEqual([
      expect.objectContaining({
        kind: 'app_invite',
        actor: expect.objectContaining({ id: inviter.id }),
        subjectType: 'app',
        subjectId: app.id,
        app: { id: app.id, name: 'Invite Party', iconUrl: null },
      }),
    ]);
    const told = {
      type: 'app.invited',
      inviteId: sent.body.id,
      inviter: openid,
      invitee: to,
      createdAt: sent.body.createdAt,
    };
    expect(await inviteEvents(openid)).toEqual([told]);
    expect(await quotaUsed(inviter)).toBe(1);

    const again = await invite(token, { to });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(sent.body);
    expect(await invitesReceived(friend)).toHaveLength(1);
    expect(await inviteEvents(openid)).toEqual([told]);
    expect(await quotaUsed(inviter)).toBe(1);
    expect(await invitable(token)).toEqual([expect.objectContaining({ openid: to, invited: true })]);

    // The app center finds the same pending invite: one rule, whichever way the user invites.
    const fromAppCenter = await host.post(`/app-center/apps/${app.id}/invites`, {
      token: inviter.token,
      body: { userIds: [friend.id, installedFriend.id] },
    });
    expect(fromAppCenter.status).toBe(200);
    expect(fromAppCenter.body).toEqual({
      invited: [],
      alreadyInvited: [friend.id],
      alreadyInstalled: [installedFriend.id],
      remainingToday: LIMITS.appInvitesPerDay - 1,
    });
    expect(await invitesReceived(friend)).toHaveLength(1);
  });

  it('accepts every pending invite when the friend installs, through the consent page or the app center', async () => {
    const { inviter, token, openid, friend } = await inviterAndFriend();
    const { user: other, token: otherToken } = await kit.newUserWithToken('other', app);
    const otherOpenid = await kit.openid(otherToken);
    await factory.befriend(other, friend);
    const to = await openidToInvite(token, friend);
    const invites = [await invite(token, { to }), await invite(otherToken, { to })];
    expect(invites.map((sent) => sent.status)).toEqual([201, 201]);

    const friendToken = await kit.token(friend, app);
    expect(await kit.openid(friendToken)).toBe(to);
    const accepted = (await inviteEvents(to)).filter((event) => event.type === 'invite.accepted');
    expect(accepted).toEqual([
      {
        type: 'invite.accepted',
        inviteId: invites[0].body.id,
        inviter: openid,
        invitee: to,
        acceptedAt: expect.any(String),
      },
      {
        type: 'invite.accepted',
        inviteId: invites[1].body.id,
        inviter: otherOpenid,
        invitee: to,
        acceptedAt: expect.any(String),
      },
    ]);
    expect(
      await host.sql("select type from app_event where app_id = ? and data->>'user' = ?", [app.id, to]),
    ).toEqual([{ type: 'app.installed' }]);

    // A friend who has the app is invited no more; nothing is spent.
    const refused = await invite(token, { to });
    expectProblem(refused, 409, 'already_installed');
    expect(refused.body.detail).toBe('This friend uses the app already; invite friends who do not');
    expect(await quotaUsed(inviter)).toBe(1);
    expect(await invitable(token)).toEqual([]);

    // Installed again after an uninstall, from the app center this time, a new invite is accepted likewise.
    expect((await host.delete(`/app-center/apps/${app.id}/install`, { token: friend.token })).status).toBe(
      204,
    );
    const reinvited = await invite(otherToken, { to });
    expect(reinvited.status).toBe(201);
    expect(reinvited.body.id).not.toBe(invites[1].body.id);
    expect(
      (await host.post(`/app-center/apps/${app.id}/install`, { token: friend.token, body: {} })).status,
    ).toBe(200);
    expect((await inviteEvents(to)).filter((event) => event.type === 'invite.accepted')).toEqual([
      ...accepted,
      expect.objectContaining({ inviteId: reinvited.body.id, inviter: otherOpenid, invitee: to }),
    ]);
  });

  it('refuses an unknown openid, a friend with the app, a stranger, oneself and a malformed body, changing nothing', async () => {
    const { inviter, token, openid, friend } = await inviterAndFriend();
    const { user: stranger, token: strangerToken } = await kit.newUserWithToken('stranger', app);
    const { user: installedFriend, token: installedToken } = await kit.newUserWithToken('installed', app);
    await factory.befriend(inviter, installedFriend);
    const notFriend = await factory.newUser('not-friend');
    const friendOpenid = await openidToInvite(token, friend);
    const refusals: [() => Promise<ApiResponse>, number, string, string?][] = [
      [() => invite(token, { to: 'made-up-openid' }), 404, 'not_found', 'User not found'],
      [() => invite(token, { to: 'not an openid!' }), 404, 'not_found', 'User not found'],
      [
        async () => invite(token, { to: await kit.openid(installedToken) }),
        409,
        'already_installed',
        'This friend uses the app already; invite friends who do not',
      ],
      [
        async () => invite(token, { to: await kit.openid(strangerToken) }),
        403,
        'not_friends',
        'You can invite only your friends',
      ],
      [() => invite(token, { to: openid }), 400, 'cannot_target_self', 'You cannot invite yourself'],
      [() => invite(token, {}), 400, 'validation_failed'],
      [() => invite(token, { to: 42 }), 400, 'validation_failed'],
      [() => invite(token, { to: 'x'.repeat(129) }), 400, 'validation_failed'],
      [() => invite(token, { to: friendOpenid, note: 'hi' }), 400, 'validation_failed'],
      [() => invite(token, [friendOpenid]), 400, 'validation_failed'],
      [
        () =>
          host.post('/open/v1/invites', {
            token,
            headers: { 'content-type': 'application/json' },
            body: '{"to": ',
          }),
        400,
        'validation_failed',
      ],
    ];
    for (const [send, status, code, detail] of refusals) {
      const refused = await send();
      expectProblem(refused, status, code);
      expect(refused.body.detail).toEqual(detail ?? expect.any(String));
    }
    // Someone who is not the user's friend and never used the app has no openid the app could know.
    expect((await invitable(token)).map((item) => item.nickname)).not.toContain(notFriend.username);

    for (const user of [friend, installedFriend, stranger, notFriend])
      expect(await invitesReceived(user)).toEqual([]);
    expect(await inviteEvents(openid)).toEqual([]);
    expect(await quotaUsed(inviter)).toBe(0);
    expect(await host.sql('select 1 from app_invite where inviter_id = ?', [inviter.id])).toEqual([]);
  });

  it('invites only to a published app', async () => {
    const draft = await factory.newApp({ scopes: [...ALL_SCOPES, 'invites:send'] });
    const token = await kit.token(draft.developer, draft);
    const friend = await factory.newUser('friend');
    await factory.befriend(draft.developer, friend);
    const refused = await invite(token, { to: await openidToInvite(token, friend) });
    expectProblem(refused, 409, 'app_status_conflict');
    expect(refused.body.detail).toBe('Friends can be invited only to a published app');
    expect(await invitesReceived(friend)).toEqual([]);
  });

  it('asks for invites:send on the consent page in plain words, in Chinese and in English', async () => {
    const user = await factory.newUser();
    const params = new OAuthTestClient(host).authorizeParams(app, newPkcePair());
    for (const [language, words] of [
      ['zh-CN', '查看哪些好友还没用这个应用，并邀请他们来用'],
      ['en', 'See which of your friends do not use this app yet, and invite them to it'],
    ]) {
      const page = await request(host.app.getHttpServer())
        .get('/oauth/authorize')
        .query(params)
        .set('Cookie', `kj_session=${user.token}`)
        .set('Accept-Language', language);
      expect(page.status).toBe(200);
      expect(page.text).toContain(words);
    }
  });

  it('needs invites:send, for the list and for inviting', async () => {
    const { inviter, friend } = await inviterAndFriend();
    const narrow = await kit.token(inviter, app, ['profile:read', 'friends:read']);
    const wide = await kit.token(inviter, app);
    const to = await openidToInvite(wide, friend);
    expectProblem(await invite(narrow, { to }), 403, 'insufficient_scope');
    expectProblem(await host.get('/open/v1/invitable-friends', { token: narrow }), 403, 'insufficient_scope');
    expect(await invitesReceived(friend)).toEqual([]);
    expect(await quotaUsed(inviter)).toBe(0);
  });

  it('makes one invite of ten racing ones to a friend, and spends one from the quota', async () => {
    const { inviter, token, openid, friend } = await inviterAndFriend();
    const to = await openidToInvite(token, friend);
    const answers = await Promise.all(Array.from({ length: 10 }, () => invite(token, { to })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await invitesReceived(friend)).toHaveLength(1);
    expect(await inviteEvents(openid)).toHaveLength(1);
    expect(await quotaUsed(inviter)).toBe(1);
  });

  it('shares the daily quota with the app center: the next invite is refused until tomorrow (UTC)', async () => {
    const { inviter, token, friend } = await inviterAndFriend();
    const others: TestUser[] = [];
    for (let i = 0; i < LIMITS.appInvitesPerDay; i++) {
      const other = await factory.newUser('many');
      await factory.befriend(inviter, other);
      others.push(other);
    }
    // More friends than a page holds: the list goes on by its cursor, in openid order.
    const firstPage = await host.get('/open/v1/invitable-friends', { token });
    expect(firstPage.body.items).toHaveLength(LIMITS.pageSizeDefault);
    const everyone = await invitable(token);
    expect(everyone.map((item) => item.nickname).sort()).toEqual(
      [friend, ...others].map((user) => user.username).sort(),
    );
    expect(everyone.map((item) => item.openid)).toEqual(everyone.map((item) => item.openid).sort());

    const fromAppCenter = await host.post(`/app-center/apps/${app.id}/invites`, {
      token: inviter.token,
      body: { userIds: others.map((other) => other.id) },
    });
    expect(fromAppCenter.status).toBe(200);
    expect(fromAppCenter.body.remainingToday).toBe(0);

    const to = await openidToInvite(token, friend);
    const secondsToMidnight = () => Math.ceil((DAY_MS - (host.clock.now().getTime() % DAY_MS)) / 1000);
    const atMost = secondsToMidnight();
    const refused = await invite(token, { to });
    const atLeast = secondsToMidnight();
    expectProblem(refused, 429, 'quota_exceeded');
    expect(refused.body.detail).toBe(
      `A user may send ${LIMITS.appInvitesPerDay} app invites a day, over all apps; try again tomorrow (UTC)`,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeLessThanOrEqual(atMost);
    expect(retryAfter).toBeGreaterThanOrEqual(atLeast);
    expect(await invitesReceived(friend)).toEqual([]);

    host.clock.advance(DAY_MS);
    // Access tokens live an hour: the app has a fresh one the next day.
    expect((await invite(await kit.token(inviter, app), { to })).status).toBe(201);
    expect(await invitesReceived(friend)).toHaveLength(1);
  });
});
