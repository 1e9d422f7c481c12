import { FIXTURE_PLUGINS_DIR, PluginTestKit } from './plugins.testing';

describe('Open API rate limits for built-in plugins', () => {
  let kit: PluginTestKit;

  beforeAll(async () => {
    kit = await PluginTestKit.start({
      pluginsDir: FIXTURE_PLUGINS_DIR,
      plugins: ['echo'],
      // An app-wide budget of 3 requests: three users of the plugin would exhaust it together.
      config: {
        openApiRateLimits: { tokenRequestsPerWindow: 2, appRequestsPerWindow: 3, windowSeconds: 60 },
      },
    });
  });

  afterAll(() => kit.close());

  it('counts each user on their own token, not all users against one app budget', async () => {
    const users = await Promise.all(['amy', 'bo', 'cai'].map((name) => kit.factory.newUser(name)));
    for (const user of users) await kit.installFor(user, 'echo');
    for (const user of users) {
      for (let call = 0; call < 2; call++) {
        const response = await kit.call(user, 'GET', '/apps/echo/api/me');
        expect({ user: user.username, openid: response.body.openid }).toEqual({
          user: user.username,
          openid: await kit.openid(user, 'echo'),
        });
      }
    }
    // The per-token budget still holds: a third call in the window is refused by the Open API
    // (the echo plugin hands back whatever /open/v1/me answered).
    const over = await kit.call(users[0], 'GET', '/apps/echo/api/me');
    expect(over.body).toMatchObject({ status: 429, code: 'rate_limited' });
  });
});
