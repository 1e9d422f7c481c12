import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import type { Keyset } from '../common/pagination';
import { conflict, ProblemException } from '../common/problem';
import type { CoinTransactionKind } from './economy.rules';
import { LedgerRepository, type WalletEntryRow } from './ledger.repository';

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
    private readonly repository: LedgerRepository,
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
      if (!(await this.repository.claimIdempotencyKey(actorId, key, fingerprint, this.clock.now()))) {
        const earlier = await this.repository.idempotencyRecord(actorId, key);
        if (earlier.fingerprint !== fingerprint || earlier.response_json === null) {
          throw conflict('idempotency_conflict', 'This idempotency key was already used for another request');
        }
        return JSON.parse(earlier.response_json) as T;
      }
      const outcome = await work();
      await this.repository.storeIdempotentResponse(
        actorId,
        key,
        JSON.stringify(outcome.response),
        outcome.transactionId,
      );
      return outcome.response;
    });
  }

  /** The wallet account of a user, opened on first use. */
  walletOf(userId: string): Promise<string> {
    return this.repository.ensureWallet(userId, newId(), this.clock.now());
  }

  /**
   * Locks the users' wallets until the transaction ends, in id order so that two transfers in
   * opposite directions cannot deadlock. Call inside a transaction, before reading a balance.
   */
  async lockWallets(userIds: string[]): Promise<Map<string, string>> {
    const wallets = new Map<string, string>();
    for (const userId of userIds) wallets.set(userId, await this.walletOf(userId));
    await this.repository.lockAccounts([...wallets.values()].sort());
    return wallets;
  }

  balance(accountId: string): Promise<number> {
    return this.repository.balance(accountId);
  }

  /** A user's balance without opening a wallet for them. */
  balanceOf(userId: string): Promise<number> {
    return this.repository.balanceOfUser(userId);
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
    await this.repository.insertTransaction({
      id,
      kind,
      actorId,
      memo,
      createdAt: now,
      entries: legs.map((leg) => ({ id: newId(), accountId: leg.accountId, amount: leg.amount })),
    });
    return { id, kind, createdAt: now };
  }

  /** A user's ledger entries, newest first, each with the user on the other side (if any). */
  entries(userId: string, limit: number, after?: Keyset): Promise<WalletEntryRow[]> {
    return this.repository.entries(userId, limit, after);
  }
}
