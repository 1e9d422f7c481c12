import { randomBytes } from 'node:crypto';
import type { TestHost } from './test-host';

export interface TestUser {
  id: string;
  username: string;
  token: string;
}

const PASSWORD = 'correct horse battery';

/** Builds test data through the public API, as a user would (Immich-style `ctx.newUser()`). */
export class TestFactory {
  constructor(private readonly host: TestHost) {}

  async newUser(prefix = 'user'): Promise<TestUser> {
    const username = `${prefix}_${randomBytes(4).toString('hex')}`;
    const response = await this.host.post('/accounts', { body: { username, password: PASSWORD } });
    if (response.status !== 201) throw new Error(`register failed: ${JSON.stringify(response.body)}`);
    return { id: response.body.account.id, username, token: response.body.token };
  }

  get password(): string {
    return PASSWORD;
  }
}
