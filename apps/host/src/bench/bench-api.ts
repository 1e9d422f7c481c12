/* The host's HTTP API as a benchmark's client uses it: reads, pages and signing in. */

export interface Page {
  items: unknown[];
  nextCursor: string | null;
}

export function isPage(body: unknown): body is Page {
  if (typeof body !== 'object' || body === null) return false;
  const { items, nextCursor } = body as Record<string, unknown>;
  return Array.isArray(items) && (typeof nextCursor === 'string' || nextCursor === null);
}

export class Api {
  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.baseUrl + path, {
      headers: { accept: 'application/json', ...headers },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON; kept as text for the error message
    }
    return { status: response.status, body };
  }

  async page(path: string, headers: Record<string, string>): Promise<Page> {
    const { status, body } = await this.get(path, headers);
    if (status !== 200 || !isPage(body)) {
      throw new Error(`GET ${path} answered ${status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    return body;
  }

  async login(username: string, password: string): Promise<{ token: string }> {
    const response = await fetch(`${this.baseUrl}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body: unknown = await response.json();
    const signedIn = body as { token?: unknown };
    if (response.status !== 201 || typeof signedIn.token !== 'string') {
      throw new Error(`sign-in of ${username} answered ${response.status} ${JSON.stringify(body)}`);
    }
    return { token: signedIn.token };
  }
}
