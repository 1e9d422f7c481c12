import { randomBytes } from 'node:crypto';
import type { Credentials } from './authorize.js';

export interface HostUser extends Credentials {
  id: string;
  /** A first-party session token (bearer form). */
  token: string;
}

export interface RegisteredTestApp {
  id: string;
  clientId: string;
  /** Absent for a public client. */
  clientSecret?: string;
}

const PASSWORD = 'correct horse battery';

/**
 * Sets up test data through Kongjian's first-party HTTP API, as people would in the web UI: accounts,
 * friendships, a developer and their app.
 */
export class HostApi {
  constructor(readonly baseUrl: string) {}

  /** Sends a first-party request and returns the JSON answer, failing loudly on any other status than `expected`. */
  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; expected?: number } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const expected = options.expected ?? (method === 'POST' ? 201 : 200);
    if (response.status !== expected) {
      throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async newUser(prefix = 'user'): Promise<HostUser> {
    const username = `${prefix}_${randomBytes(4).toString('hex')}`;
    const signedIn = await this.request<{ account: { id: string }; token: string }>('POST', '/accounts', {
      body: { username, password: PASSWORD },
    });
    return { id: signedIn.account.id, username, password: PASSWORD, token: signedIn.token };
  }

  async befriend(a: HostUser, b: HostUser): Promise<void> {
    const friendRequest = await this.request<{ id: string }>('POST', '/friend-requests', {
      token: a.token,
      body: { userId: b.id },
    });
    await this.request('POST', `/friend-requests/${friendRequest.id}/accept`, {
      token: b.token,
      expected: 200,
    });
  }

  /**
   * Makes `developer` a developer and registers an app in development mode, with `testers` whitelisted so
   * they can authorize it before any review.
   */
  async newApp(
    developer: HostUser,
    app: {
      redirectUris: string[];
      scopes: string[];
      optionalScopes?: string[];
      clientType?: 'confidential' | 'public';
      name?: string;
      /** The event types the app receives, and where its webhooks go (null or absent: none). */
      events?: string[];
      webhookUrl?: string;
    },
    testers: HostUser[] = [],
  ): Promise<RegisteredTestApp> {
    await this.request('POST', '/developer/registration', { token: developer.token, expected: 200 });
    const created = await this.request<{
      app: { id: string; clientId: string };
      clientSecret: string | null;
    }>('POST', '/developer/apps', {
      token: developer.token,
      body: { name: app.name ?? 'Test app', category: 'games', description: 'An app made by a test', ...app },
    });
    for (const tester of testers) {
      await this.request('PUT', `/developer/apps/${created.app.id}/testers/${tester.id}`, {
        token: developer.token,
        expected: 204,
      });
    }
    return {
      id: created.app.id,
      clientId: created.app.clientId,
      clientSecret: created.clientSecret ?? undefined,
    };
  }

  /**
   * Takes an app's version through review to published, so every user may authorize it: the developer
   * submits it, the admin approves it, the developer publishes it.
   */
  async publishVersion(
    developer: Pick<HostUser, 'token'>,
    admin: Pick<HostUser, 'token'>,
    app: RegisteredTestApp,
    number = 1,
  ): Promise<void> {
    const version = `/developer/apps/${app.id}/versions/${number}`;
    await this.request('POST', `${version}/submit`, { token: developer.token, expected: 200 });
    await this.request('POST', `/admin/apps/${app.id}/versions/${number}/approve`, {
      token: admin.token,
      body: {},
      expected: 200,
    });
    await this.request('POST', `${version}/publish`, { token: developer.token, expected: 200 });
  }

  /** The user's feed, newest first, as the host's web UI shows it. */
  feed<T = { items: unknown[] }>(user: HostUser): Promise<T> {
    return this.request<T>('GET', '/feed', { token: user.token });
  }
}
