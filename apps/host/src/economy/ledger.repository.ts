import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import type { CoinTransactionKind } from './economy.rules';

export interface WalletEntryRow {
  id: string;
  transaction_id: string;
  kind: CoinTransactionKind;
  amount: number | string;
  memo: string | null;
  counterparty_id: string | null;
  created_at: Date;
}

/** What an idempotency key remembers: the request it was first used for, and its result once stored. */
export interface IdempotencyRecord {
  fingerprint: string;
  response_json: string | null;
}

/** A coin transaction as it is written: its header and its entries (which sum to zero). */
export interface NewCoinTransaction {
  id: string;
  kind: CoinTransactionKind;
  actorId: string;
  memo: string | null;
  createdAt: Date;
  entries: { id: string; accountId: string; amount: number }[];
}

/**
 * SQL of the ledger's tables (coin_account, coin_transaction, coin_entry, coin_idempotency) for the
 * rules in LedgerService.
 */
@Injectable()
export class LedgerRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records the key for the actor; false when it is already recorded. A concurrent claim of the same key
   * waits on the primary key until the first one's transaction ends.
   */
  async claimIdempotencyKey(actorId: string, key: string, fingerprint: string, now: Date): Promise<boolean> {
    const claimed = await sqlRun(
      this.em,
      `insert into coin_idempotency (actor_id, idempotency_key, fingerprint, created_at)
       values (?, ?, ?, ?) on conflict (actor_id, idempotency_key) do nothing`,
      [actorId, key, fingerprint, now],
    );
    return claimed > 0;
  }

  async idempotencyRecord(actorId: string, key: string): Promise<IdempotencyRecord> {
    const [record] = await sqlRows<IdempotencyRecord>(
      this.em,
      'select fingerprint, response_json from coin_idempotency where actor_id = ? and idempotency_key = ?',
      [actorId, key],
    );
    return record;
  }

  async storeIdempotentResponse(
    actorId: string,
    key: string,
    responseJson: string,
    transactionId: string | null,
  ): Promise<void> {
    await sqlRun(
      this.em,
      'update coin_idempotency set response_json = ?, transaction_id = ? where actor_id = ? and idempotency_key = ?',
      [responseJson, transactionId, actorId, key],
    );
  }

  /** The id of the user's wallet account, opened (with `newAccountId`) if the user has none yet. */
  async ensureWallet(userId: string, newAccountId: string, now: Date): Promise<string> {
    await sqlRun(
      this.em,
      `insert into coin_account (id, kind, user_id, created_at) values (?, 'wallet', ?, ?)
       on conflict (user_id) do nothing`,
      [newAccountId, userId, now],
    );
    const [row] = await sqlRows<{ id: string }>(this.em, 'select id from coin_account where user_id = ?', [
      userId,
    ]);
    return row.id;
  }

  /** Locks the accounts until the transaction ends, in the order given. */
  async lockAccounts(accountIds: string[]): Promise<void> {
    await sqlRows(
      this.em,
      `select id from coin_account where id in (${accountIds.map(() => '?').join(', ')}) order by id for update`,
      accountIds,
    );
  }

  async balance(accountId: string): Promise<number> {
    const [row] = await sqlRows<{ balance: number | string }>(
      this.em,
      'select coalesce(sum(amount), 0)::bigint as balance from coin_entry where account_id = ?',
      [accountId],
    );
    return Number(row.balance);
  }

  /** The balance of a user's wallet; 0 when they have none. */
  async balanceOfUser(userId: string): Promise<number> {
    const [row] = await sqlRows<{ balance: number | string }>(
      this.em,
      `select coalesce(sum(e.amount), 0)::bigint as balance
         from coin_entry e join coin_account a on a.id = e.account_id where a.user_id = ?`,
      [userId],
    );
    return Number(row.balance);
  }

  /** Writes the transaction and its entries (the database refuses to commit entries that do not balance). */
  async insertTransaction(transaction: NewCoinTransaction): Promise<void> {
    const { id, kind, actorId, memo, createdAt, entries } = transaction;
    await sqlRun(
      this.em,
      'insert into coin_transaction (id, kind, actor_id, memo, created_at) values (?, ?, ?, ?, ?)',
      [id, kind, actorId, memo, createdAt],
    );
    await sqlRun(
      this.em,
      `insert into coin_entry (id, transaction_id, account_id, amount, created_at) values ${entries
        .map(() => '(?, ?, ?, ?, ?)')
        .join(', ')}`,
      entries.flatMap((entry) => [entry.id, id, entry.accountId, entry.amount, createdAt]),
    );
  }

  /** A user's ledger entries, newest first, each with the user on the other side (if any). */
  entries(userId: string, limit: number, after?: Keyset): Promise<WalletEntryRow[]> {
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
