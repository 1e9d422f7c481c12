import type { HostConfig, OpenApiRateLimits } from '../config/config';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type NewAppOptions, type TestApp, type TestUser } from '../testing/factory';
import { OAuthTestClient } from '../testing/oauth-client';
import { TestHost, type ApiResponse } from '../testing/test-host';

export const ALL_SCOPES = ['profile:read', 'friends:read', 'feed:write', 'storage'];

/** Open API rate limits no test reaches, for specs that make many calls with one token or app. */
export const UNLIMITED_RATES: OpenApiRateLimits = {
  tokenRequestsPerWindow: 100_000,
  appRequestsPerWindow: 100_000,
  windowSeconds: 60,
};

/** Two friends who both use an app (OpenApiKit.friendsUsingApp). */
export interface FriendsUsingApp {
  sender: TestUser;
  recipient: TestUser;
  senderToken: string;
  recipientToken: string;
  senderOpenid: string;
  recipientOpenid: string;
}

/** Test helpers for the Open API: approved apps, tokens from the real code flow, and checks. */
export class OpenApiKit {
  private readonly oauth: OAuthTestClient;

  constructor(
    private readonly host: TestHost,
    private readonly factory: TestFactory,
  ) {
    this.oauth = new OAuthTestClient(host);
  }

  /** A fresh test host with its factory and an Open API kit on it. */
  static async start(
    overrides: Partial<HostConfig> = {},
  ): Promise<{ host: TestHost; factory: TestFactory; kit: OpenApiKit }> {
    const host = await TestHost.start(overrides);
    const factory = new TestFactory(host);
    return { host, factory, kit: new OpenApiKit(host, factory) };
  }

  /** An app every user may authorize (approved by an admin), asking for every scope by default. */
  async approvedApp(options: NewAppOptions = {}): Promise<TestApp> {
    const app = await this.factory.newApp({ scopes: ALL_SCOPES, ...options });
    await this.factory.approveApp(app);
    return app;
  }

  /** The user signs in to the app and consents (the real authorization code flow); the access token. */
  async token(user: TestUser, app: TestApp, scopes: string[] = app.scopes): Promise<string> {
    return (await this.oauth.authorizeTokens(user, app, { scopes })).accessToken;
  }

  /** A new user who has authorized the app, and their access token. */
  async newUserWithToken(name: string, app: TestApp): Promise<{ user: TestUser; token: string }> {
    const user = await this.factory.newUser(name);
    return { user, token: await this.token(user, app) };
  }

  /** Two friends who both authorized the app: their tokens and their openids for it. */
  async friendsUsingApp(app: TestApp): Promise<FriendsUsingApp> {
    const sender = await this.factory.newUser('sender');
    const recipient = await this.factory.newUser('recipient');
    await this.factory.befriend(sender, recipient);
    const senderToken = await this.token(sender, app);
    const recipientToken = await this.token(recipient, app);
    return {
      sender,
      recipient,
      senderToken,
      recipientToken,
      senderOpenid: await this.openid(senderToken),
      recipientOpenid: await this.openid(recipientToken),
    };
  }

  /** The user's openid for the app the token belongs to. */
  async openid(token: string): Promise<string> {
    const me = await this.host.get('/open/v1/me', { token });
    expect(me.status).toBe(200);
    return me.body.openid as string;
  }
}

/** A 401 with the RFC 6750 challenge for a bad token. */
export function expectInvalidToken(response: ApiResponse): void {
  expectProblem(response, 401, 'invalid_token');
  expect(response.headers['www-authenticate']).toBe('Bearer realm="kongjian", error="invalid_token"');
}
