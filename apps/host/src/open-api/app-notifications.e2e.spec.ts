import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import { ALL_SCOPES, UNLIMITED_RATES } from './open-api.testing';
import { factory, host, kit, useOpenApiHost } from './open-api.e2e-setup';

describe('Open API: notifications from apps (e2e)', () => {
  useOpenApiHost({ openApiRateLimits: UNLIMITED_RATES });

  let app: TestApp;

  const notify = (token: string, body: object) => host.post('/open/v1/notifications', { token, body });
  /** The user's notifications from apps (befriending leaves others). */
  const received = async (user: TestUser) => {
    const response = await host.get('/notifications', { token: user.token });
    expect(response.status).toBe(200);
    return response.body.items.filter((item: { kind: string }) => item.kind === 'app_message');
  };

  /** Two friends who both use the app. */
  const friends = () => kit.friendsUsingApp(app);

  beforeAll(async () => {
    app = await kit.approvedApp({ scopes: [...ALL_SCOPES, 'notifications:send'], name: 'Poll Party' });
  });

  it("appears in the recipient's notifications with the app, the sender, the text and the link", async () => {
    const { sender, recipient, senderToken: token, recipientOpenid } = await friends();
    const sent = await notify(token, {
      to: recipientOpenid,
      text: 'Your poll has 3 new votes',
      link: 'https://polls.example/p/1',
    });
    expect(sent.status).toBe(204);
    expect(await received(recipient)).toEqual([
      {
        id: expect.any(String),
        kind: 'app_message',
        actor: expect.objectContaining({ id: sender.id }),
        subjectType: 'app',
        subjectId: app.id,
        postId: null,
        photoId: null,
        app: { id: app.id, name: 'Poll Party', iconUrl: null },
        text: 'Your poll has 3 new votes',
        versionNumber: null,
        link: 'https://polls.example/p/1',
        read: false,
        createdAt: expect.any(String),
      },
    ]);
    expect(await received(sender)).toEqual([]);
  });

  it('reaches only app friends, never a blocked user, and needs notifications:send', async () => {
    const { sender, recipient, senderToken: token, recipientOpenid } = await friends();
    const stranger = await factory.newUser('stranger');
    const strangerOpenid = await kit.openid(await kit.token(stranger, app));
    expectProblem(await notify(token, { to: strangerOpenid, text: 'hi' }), 403, 'not_friends');
    expectProblem(await notify(token, { to: 'made-up-openid', text: 'hi' }), 404, 'not_found');

    const narrow = await kit.token(sender, app, ['profile:read']);
    expectProblem(await notify(narrow, { to: recipientOpenid, text: 'hi' }), 403, 'insufficient_scope');

    await factory.block(recipient, sender);
    expectProblem(await notify(token, { to: recipientOpenid, text: 'hi' }), 403, 'not_friends');
    expect(await received(recipient)).toEqual([]);
    expect(await received(stranger)).toEqual([]);
  });

  it('refuses blocked and held words', async () => {
    const admin = await factory.admin();
    for (const [phrase, action] of [
      ['note-forbidden', 'block'],
      ['note-suspicious', 'hold'],
    ]) {
      expect(
        (await host.post('/admin/moderation/rules', { token: admin.token, body: { phrase, action } })).status,
      ).toBe(201);
    }
    const { recipient, senderToken: token, recipientOpenid } = await friends();
    expectProblem(
      await notify(token, { to: recipientOpenid, text: 'note-forbidden' }),
      422,
      'content_blocked',
    );
    expectProblem(
      await notify(token, { to: recipientOpenid, text: 'a note-suspicious' }),
      422,
      'content_blocked',
    );
    expect(await received(recipient)).toEqual([]);
  });

  it('keeps the daily quota per sender and app, also under concurrent requests', async () => {
    const { recipient, senderToken: token, recipientOpenid } = await friends();
    for (let i = 0; i < LIMITS.appNotificationsPerSenderPerAppPerDay - 2; i++) {
      expect((await notify(token, { to: recipientOpenid, text: `n${i}` })).status).toBe(204);
    }
    const racing = await Promise.all(
      Array.from({ length: 5 }, (_, i) => notify(token, { to: recipientOpenid, text: `race${i}` })),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([204, 204, 429, 429, 429]);
    expectProblem(
      racing.find((answer) => answer.status === 429)!,
      429,
      'quota_exceeded',
    );
    const count = await host.sql<{ count: number }>(
      "select count(*)::int as count from notification where recipient_id = ? and kind = 'app_message'",
      [recipient.id],
    );
    expect(count[0].count).toBe(LIMITS.appNotificationsPerSenderPerAppPerDay);
  });

  it.each([
    ['no text', {}],
    ['blank text', { text: '  ' }],
    ['long text', { text: 'x'.repeat(LIMITS.appNotificationTextMax + 1) }],
    ['an http link', { text: 'hi', link: 'http://polls.example' }],
    ['a javascript link', { text: 'hi', link: 'javascript:alert(1)' }],
    ['an unknown field', { text: 'hi', kind: 'like' }],
  ])('refuses a notification with %s', async (_case, body) => {
    const { recipient, senderToken: token, recipientOpenid } = await friends();
    expectProblem(await notify(token, { to: recipientOpenid, ...body }), 400, 'validation_failed');
    expect(await received(recipient)).toEqual([]);
  });
});
