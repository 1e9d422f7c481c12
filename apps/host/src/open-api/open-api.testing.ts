import { expectProblem } from '../testing/expect-problem';
import type { NewAppOptions, TestApp, TestFactory, TestUser } from '../testing/factory';
import { OAuthTestClient } from '../testing/oauth-client';
import type { ApiResponse, TestHost } from '../testing/test-host';

export const ALL_SCOPES = ['profile:read', 'friends:read', 'feed:write', 'storage'];

/** Test helpers for the Open API: approved apps, tokens from the real code flow, and checks. */
export class OpenApiKit {
  private readonly oauth: OAuthTestClient;

  constructor(
    private readonly host: TestHost,
    private readonly factory: TestFactory,
  ) {
    this.oauth = new OAuthTestClient(host);
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
