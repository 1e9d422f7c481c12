import { randomBytes } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { AppsService } from '../apps/apps.service';
import { DatabaseService } from '../database/database.module';
import { EVENT_TYPES } from '../events/event-types';
import type { TestHost } from './test-host';

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

export interface TestApp {
  id: string;
  clientId: string;
  /** Null for a public client. */
  clientSecret: string | null;
  redirectUris: string[];
  scopes: string[];
  developer: TestUser;
}

export interface NewAppOptions {
  developer?: TestUser;
  name?: string;
  redirectUris?: string[];
  scopes?: string[];
  optionalScopes?: string[];
  /** The manifest's event types; every type unless given, so tests see every event their app causes. */
  events?: string[];
  clientType?: 'confidential' | 'public';
}

export type Privacy = 'public' | 'friends' | 'groups' | 'private';

const PASSWORD = 'correct horse battery';

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status)
    throw new Error(`${what} failed (${response.status}): ${JSON.stringify(response.body)}`);
}

/** Builds test data through the public API, as a user would (Immich-style `ctx.newUser()`). */
export class TestFactory {
  constructor(private readonly host: TestHost) {}

  get password(): string {
    return PASSWORD;
  }

  async newUser(prefix = 'user'): Promise<TestUser> {
    const username = `${prefix}_${randomBytes(4).toString('hex')}`;
    const response = await this.host.post('/accounts', { body: { username, password: PASSWORD } });
    expectStatus(response, 201, 'register');
    return { id: response.body.account.id, username, token: response.body.token };
  }

  /** Sends a friend request from `a` to `b` and returns its id. */
  async requestFriend(a: TestUser, b: TestUser, note?: string): Promise<string> {
    const response = await this.host.post('/friend-requests', {
      token: a.token,
      body: { userId: b.id, note },
    });
    expectStatus(response, 201, 'friend request');
    return response.body.id;
  }

  async befriend(a: TestUser, b: TestUser): Promise<void> {
    const requestId = await this.requestFriend(a, b);
    expectStatus(
      await this.host.post(`/friend-requests/${requestId}/accept`, { token: b.token }),
      200,
      'accept',
    );
  }

  async newGroup(owner: TestUser, name: string, members: TestUser[] = []): Promise<string> {
    const response = await this.host.post('/friend-groups', { token: owner.token, body: { name } });
    expectStatus(response, 201, 'create group');
    for (const member of members) {
      const added = await this.host.put(`/friend-groups/${response.body.id}/members/${member.id}`, {
        token: owner.token,
      });
      expectStatus(added, 204, 'add group member');
    }
    return response.body.id;
  }

  async newMood(
    author: TestUser,
    privacy: Privacy = 'public',
    groupIds?: string[],
    text = 'a mood',
  ): Promise<string> {
    const response = await this.host.post('/moods', {
      token: author.token,
      body: { text, privacy, groupIds },
    });
    expectStatus(response, 201, 'create mood');
    return response.body.id;
  }

  async block(blocker: TestUser, blocked: TestUser): Promise<void> {
    expectStatus(await this.host.put(`/blocks/${blocked.id}`, { token: blocker.token }), 204, 'block');
  }

  /**
   * The platform's own account, which owns the built-in apps: made, as at a real start, by registering
   * a built-in app (a sample one, without a plugin behind it). Returns its id.
   */
  async platformAccount(): Promise<string> {
    const app = await this.host.app.get(DatabaseService).withContext(() =>
      this.host.app.get(AppsService).registerBuiltIn({
        pluginId: 'sample',
        name: 'Sample',
        description: 'A built-in sample',
        category: 'tools',
        iconUrl: null,
        canvasUrl: 'http://127.0.0.1/apps/sample/',
        scopes: ['profile:read'],
        optionalScopes: [],
        events: [],
        version: '1.0.0',
      }),
    );
    return app.ownerId;
  }

  private adminUser: Promise<TestUser> | undefined;

  /** An admin of this test host (created once, through the same service the CLI uses). */
  admin(): Promise<TestUser> {
    this.adminUser ??= (async () => {
      const username = `admin_${randomBytes(4).toString('hex')}`;
      await this.host.app
        .get(DatabaseService)
        .withContext(() => this.host.app.get(AccountsService).ensureAdmin(username, PASSWORD));
      const session = await this.host.post('/sessions', { body: { username, password: PASSWORD } });
      expectStatus(session, 201, 'admin sign-in');
      return { id: session.body.account.id, username, token: session.body.token };
    })();
    return this.adminUser;
  }

  /** A developer (a fresh one unless given) registers an app through the API; it is in development mode. */
  async newApp(options: NewAppOptions = {}): Promise<TestApp> {
    const developer = options.developer ?? (await this.newUser('dev'));
    expectStatus(
      await this.host.post('/developer/registration', { token: developer.token }),
      200,
      'developer registration',
    );
    const scopes = options.scopes ?? ['profile:read', 'friends:read', 'feed:write', 'storage'];
    const redirectUris = options.redirectUris ?? ['https://app.example/callback'];
    const response = await this.host.post('/developer/apps', {
      token: developer.token,
      body: {
        name: options.name ?? `App ${randomBytes(3).toString('hex')}`,
        description: 'A test app',
        category: 'games',
        redirectUris,
        scopes,
        optionalScopes: options.optionalScopes,
        events: options.events ?? EVENT_TYPES,
        clientType: options.clientType,
      },
    });
    expectStatus(response, 201, 'create app');
    return {
      id: response.body.app.id,
      clientId: response.body.app.clientId,
      clientSecret: response.body.clientSecret,
      redirectUris,
      scopes,
      developer,
    };
  }

  /** Takes the app's newest version through review: submitted, approved by an admin, and published. */
  async approveApp(app: Pick<TestApp, 'id' | 'developer'>): Promise<void> {
    const admin = await this.admin();
    const versions = await this.host.get(`/developer/apps/${app.id}/versions`, {
      token: app.developer.token,
    });
    expectStatus(versions, 200, 'list versions');
    const { number } = versions.body.items[0];
    const steps = [
      [`/developer/apps/${app.id}/versions/${number}/submit`, app.developer.token],
      [`/admin/apps/${app.id}/versions/${number}/approve`, admin.token],
      [`/developer/apps/${app.id}/versions/${number}/publish`, app.developer.token],
    ];
    for (const [url, token] of steps) {
      expectStatus(await this.host.post(url, { token, body: {} }), 200, `review step ${url}`);
    }
  }
}
