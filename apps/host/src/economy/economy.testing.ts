import { randomUUID } from 'node:crypto';
import type { TestUser } from '../testing/factory';
import type { TestHost } from '../testing/test-host';

export const ADMIN = { username: 'root', password: 'root-password' };

/** Test helpers for the economy: an admin, grants, balances and the ledger's invariants. */
export class EconomyHelper {
  private adminToken?: string;

  constructor(private readonly host: TestHost) {}

  /** The admin's token; signs in again when the test clock has moved past the session's expiry. */
  async admin(): Promise<string> {
    if (this.adminToken && (await this.host.get('/account', { token: this.adminToken })).status !== 200) {
      this.adminToken = undefined;
    }
    if (!this.adminToken) {
      const login = await this.host.post('/sessions', { body: ADMIN });
      if (login.status !== 201) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
      this.adminToken = login.body.token as string;
    }
    return this.adminToken;
  }

  /** Signs the user in again (sessions expire when a test moves the clock by months). */
  async signIn(user: TestUser, password: string): Promise<void> {
    const login = await this.host.post('/sessions', { body: { username: user.username, password } });
    if (login.status !== 201) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    user.token = login.body.token as string;
  }

  async grant(user: TestUser, amount: number): Promise<void> {
    const response = await this.host.post(`/admin/users/${user.id}/coin-grants`, {
      token: await this.admin(),
      body: { amount, idempotencyKey: randomUUID() },
    });
    if (response.status !== 201) throw new Error(`grant failed: ${JSON.stringify(response.body)}`);
  }

  async balance(user: TestUser): Promise<number> {
    const response = await this.host.get('/wallet', { token: user.token });
    if (response.status !== 200) throw new Error(`wallet failed: ${JSON.stringify(response.body)}`);
    return response.body.balance as number;
  }

  /** Transactions whose entries do not sum to zero, or that have fewer than two entries: always none. */
  async unbalancedTransactions(): Promise<unknown[]> {
    return this.host.sql(
      `select t.id, coalesce(sum(e.amount), 0)::text as total, count(e.id)::int as entries
         from coin_transaction t left join coin_entry e on e.transaction_id = t.id
        group by t.id having coalesce(sum(e.amount), 0) <> 0 or count(e.id) < 2`,
    );
  }

  /** Wallet balances below zero: always none. */
  async negativeWallets(): Promise<unknown[]> {
    return this.host.sql(
      `select a.user_id, sum(e.amount)::text as balance from coin_account a join coin_entry e on e.account_id = a.id
        where a.kind = 'wallet' group by a.user_id having sum(e.amount) < 0`,
    );
  }

  /** Everything the economy writes, to assert that a refused request changed nothing. */
  async snapshot() {
    return {
      accounts: await this.host.sql('select id, kind, user_id from coin_account order by id'),
      transactions: await this.host.sql('select id, kind, actor_id, memo from coin_transaction order by id'),
      entries: await this.host.sql(
        'select id, transaction_id, account_id, amount::text as amount from coin_entry order by id',
      ),
      idempotency: await this.host.sql(
        'select actor_id, idempotency_key, fingerprint, transaction_id from coin_idempotency order by actor_id, idempotency_key',
      ),
      vip: await this.host.sql('select user_id, since, expires_at from vip_membership order by user_id'),
      owned: await this.host.sql(
        'select user_id, item_id, transaction_id from owned_item order by user_id, item_id',
      ),
    };
  }
}
