import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Keyset, keysetCondition } from '../common/pagination';
import { conflict, ProblemException } from '../common/problem';
import { sqlRows, sqlRun } from '../database/sql';
import type { CoinTransactionKind } from './economy.rules';

/** One side of a movement: coins into (positive) or out of (negative) an account. */
export interface Leg {
  accountId: string;
  amount: number;
}

export interface PostedTransaction {
  id: string;
  kind: CoinTransactionKind;
  createdAt: Date;
}

export interface WalletEntryRow {
  id: string;
  transaction_id: string;
  kind: CoinTransactionKind;
  amount: number | string;
  memo: string | null;
  counterparty_id: string | null;
  created_at: Date;
}

/** The result of an idempotent operation, and the ledger transaction it made, if any. */
export interface Outcome<T> {
  response: T;
  transactionId: string | null;
}

export const insufficientFunds = (balance: number, amount: number) =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'insufficient_funds',
    `This costs ${amount} coins; your balance is ${balance}`,
  );

/**
 * The double-entry ledger. Balances are sums of entries; every movement is one transaction whose
 * entries sum to zero (the database refuses to commit one that does not). Spending is serialized
 * per wallet by locking the wallet's account row, so a balance checked under the lock stays true
 * until the entries are written, on any number of connections.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` in a transaction at most once per (actor, key). A replay of the same request returns
   * the stored result and moves nothing; the same key on a different request is a conflict. A request
   * that fails leaves no record, so it may be retried with its key. Concurrent requests with one key
   * meet on the primary key: the second waits for the first to commit, then replays it.
   */
  async idempotent<T>(
    actorId: string,
    key: string,
    request: unknown,
    work: () => Promise<Outcome<T>>,
  ): Promise<T> {
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    return this.em.transactional(async () => {
      const claimed = await sqlRun(
        this.em,
        `insert into coin_idempotency (actor_id, idempotency_key, fingerprint, created_at)
         values (?, ?, ?, ?) on conflict (actor_id, idempotency_key) do nothing`,
        [actorId, key, fingerprint, this.clock.now()],
      );
      if (claimed === 0) {
        const [earlier] = await sqlRows<{ fingerprint: string; response_json: string | null }>(
          this.em,
          'select fingerprint, response_json from coin_idempotency where actor_id = ? and idempotency_key = ?',
          [actorId, key],
        );
        if (earlier.fingerprint !== fingerprint || earlier.response_json === null) {
          throw conflict('idempotency_conflict', 'This idempotency key was already used for another request');
        }
        return JSON.parse(earlier.response_json) as T;
      }
      const outcome = await work();
      await sqlRun(
        this.em,
        'update coin_idempotency set response_json = ?, transaction_id = ? where actor_id = ? and idempotency_key = ?',
        [JSON.stringify(outcome.response), outcome.transactionId, actorId, key],
      );
      return outcome.response;
    });
  }

  /** The wallet account of a user, opened on first use. */
  async walletOf(userId: string): Promise<string> {
    await sqlRun(
      this.em,
      `insert into coin_account (id, kind, user_id, created_at) values (?, 'wallet', ?, ?)
       on conflict (user_id) do nothing`,
      [newId(), userId, this.clock.now()],
    );
    const [row] = await sqlRows<{ id: string }>(this.em, 'select id from coin_account where user_id = ?', [
      userId,
    ]);
    return row.id;
  }

  /**
   * Locks the users' wallets until the transaction ends, in id order so that two transfers in
   * opposite directions cannot deadlock. Call inside a transaction, before reading a balance.
   */
  async lockWallets(userIds: string[]): Promise<Map<string, string>> {
    const wallets = new Map<string, string>();
    for (const userId of userIds) wallets.set(userId, await this.walletOf(userId));
    const ids = [...wallets.values()].sort();
    await sqlRows(
      this.em,
      `select id from coin_account where id in (${ids.map(() => '?').join(', ')}) order by id for update`,
      ids,
    );
    return wallets;
  }

  async balance(accountId: string): Promise<number> {
    const [row] = await sqlRows<{ balance: number | string }>(
      this.em,
      'select coalesce(sum(amount), 0)::bigint as balance from coin_entry where account_id = ?',
      [accountId],
    );
    return Number(row.balance);
  }

  /** A user's balance without opening a wallet for them. */
  async balanceOf(userId: string): Promise<number> {
    const [row] = await sqlRows<{ balance: number | string }>(
      this.em,
      `select coalesce(sum(e.amount), 0)::bigint as balance
         from coin_entry e join coin_account a on a.id = e.account_id where a.user_id = ?`,
      [userId],
    );
    return Number(row.balance);
  }

  /** Takes `amount` from a locked wallet, or refuses when its balance is too low. */
  async requireFunds(accountId: string, amount: number): Promise<void> {
    const balance = await this.balance(accountId);
    if (balance < amount) throw insufficientFunds(balance, amount);
  }

  /** Writes one balanced transaction. */
  async post(
    kind: CoinTransactionKind,
    actorId: string,
    memo: string | null,
    legs: Leg[],
  ): Promise<PostedTransaction> {
    if (legs.length < 2 || legs.reduce((sum, leg) => sum + leg.amount, 0) !== 0) {
      throw new Error('a coin transaction needs at least two legs that sum to zero');
    }
    const id = newId();
    const now = this.clock.now();
    await sqlRun(
      this.em,
      'insert into coin_transaction (id, kind, actor_id, memo, created_at) values (?, ?, ?, ?, ?)',
      [id, kind, actorId, memo, now],
    );
    await sqlRun(
      this.em,
      `insert into coin_entry (id, transaction_id, account_id, amount, created_at) values ${legs
        .map(() => '(?, ?, ?, ?, ?)')
        .join(', ')}`,
      legs.flatMap((leg) => [newId(), id, leg.accountId, leg.amount, now]),
    );
    return { id, kind, createdAt: now };
  }

  /** A user's ledger entries, newest first, each with the user on the other side (if any). */
  async entries(userId: string, limit: number, after?: Keyset): Promise<WalletEntryRow[]> {
    const keyset = keysetCondition('e', after);
    return sqlRows<WalletEntryRow>(
      this.em,
      `select e.id, e.transaction_id, t.kind, e.amount, t.memo, e.created_at,
              (select other.user_id from coin_entry o join coin_account other on other.id = o.account_id
                where o.transaction_id = e.transaction_id and o.account_id <> e.account_id
                limit 1) as counterparty_id
         from coin_account a
         join coin_entry e on e.account_id = a.id
         join coin_transaction t on t.id = e.transaction_id
        where a.user_id = ? and ${keyset.sql}
        order by e.created_at desc, e.id desc limit ?`,
      [userId, ...keyset.params, limit + 1],
    );
  }
}
