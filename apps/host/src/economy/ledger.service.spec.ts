import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../common/clock';
import { ProblemException } from '../common/problem';
import { SYSTEM_ACCOUNTS } from './economy.rules';
import type { IdempotencyRecord, LedgerRepository, NewCoinTransaction } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** What the ledger's tables hold, kept in memory. */
interface LedgerState {
  /** Account id → the user whose wallet it is (null for the system's accounts). */
  accounts: Record<string, string | null>;
  transactions: NewCoinTransaction[];
  keys: Record<string, IdempotencyRecord & { transactionId: string | null }>;
}

/**
 * The repository over an in-memory ledger. `transactional` rolls the state back when its work throws, as
 * the database does, so a refused request can be seen to leave nothing behind.
 */
class InMemoryLedger {
  state: LedgerState = {
    accounts: Object.fromEntries([SYSTEM_ACCOUNTS.issuance, SYSTEM_ACCOUNTS.revenue].map((id) => [id, null])),
    transactions: [],
    keys: {},
  };
  /** The account ids of each lock taken, in the order they were locked. */
  readonly locks: string[][] = [];

  readonly em = {
    transactional: async <T>(work: () => Promise<T>): Promise<T> => {
      const before = structuredClone(this.state);
      try {
        return await work();
      } catch (error) {
        this.state = before;
        throw error;
      }
    },
  } as unknown as EntityManager;

  readonly repository: Pick<LedgerRepository, keyof LedgerRepository> = {
    claimIdempotencyKey: async (actorId, key, fingerprint) => {
      if (this.state.keys[`${actorId}/${key}`]) return false;
      this.state.keys[`${actorId}/${key}`] = { fingerprint, response_json: null, transactionId: null };
      return true;
    },
    idempotencyRecord: async (actorId, key) => this.state.keys[`${actorId}/${key}`],
    storeIdempotentResponse: async (actorId, key, responseJson, transactionId) => {
      Object.assign(this.state.keys[`${actorId}/${key}`], { response_json: responseJson, transactionId });
    },
    ensureWallet: async (userId, newAccountId) => {
      const existing = Object.entries(this.state.accounts).find(([, owner]) => owner === userId);
      if (existing) return existing[0];
      this.state.accounts[newAccountId] = userId;
      return newAccountId;
    },
    lockAccounts: async (accountIds) => {
      this.locks.push(accountIds);
    },
    balance: async (accountId) => this.balance(accountId),
    balanceOfUser: async (userId) => {
      const wallet = Object.entries(this.state.accounts).find(([, owner]) => owner === userId);
      return wallet ? this.balance(wallet[0]) : 0;
    },
    insertTransaction: async (transaction) => {
      this.state.transactions.push(transaction);
    },
    entries: async () => [],
  };

  balance(accountId: string): number {
    return this.state.transactions
      .flatMap((transaction) => transaction.entries)
      .filter((entry) => entry.accountId === accountId)
      .reduce((sum, entry) => sum + entry.amount, 0);
  }

  wallets(): number {
    return Object.values(this.state.accounts).filter((owner) => owner !== null).length;
  }
}

const NOW = new Date('2024-05-01T08:00:00Z');

function setUp() {
  const store = new InMemoryLedger();
  const clock: Clock = { now: () => NOW };
  const ledger = new LedgerService(store.em, store.repository as LedgerRepository, clock);
  return { store, ledger };
}

type Ledger = ReturnType<typeof setUp>['ledger'];

/** New coins for a user, as an admin grant makes them. */
async function grant(ledger: Ledger, userId: string, amount: number): Promise<void> {
  await ledger.idempotent('admin', `grant-${userId}-${amount}-${Math.random()}`, ['grant'], async () => {
    const wallet = await ledger.walletOf(userId);
    const posted = await ledger.post('grant', 'admin', null, [
      { accountId: SYSTEM_ACCOUNTS.issuance, amount: -amount },
      { accountId: wallet, amount },
    ]);
    return { response: posted.id, transactionId: posted.id };
  });
}

/** A transfer between users, as the coins service makes one: its answer is the transaction's id. */
function transfer(
  ledger: Ledger,
  fromId: string,
  toId: string,
  amount: number,
  key: string,
): Promise<string> {
  return ledger.idempotent(fromId, key, ['transfer', toId, amount], async () => {
    const wallets = await ledger.lockWallets([fromId, toId]);
    await ledger.requireFunds(wallets.get(fromId)!, amount);
    const posted = await ledger.post('transfer', fromId, null, [
      { accountId: wallets.get(fromId)!, amount: -amount },
      { accountId: wallets.get(toId)!, amount },
    ]);
    return { response: posted.id, transactionId: posted.id };
  });
}

/** The problem a call fails with, as a client reads it. */
async function problem(call: Promise<unknown>): Promise<{ status: number; code: string; detail?: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ProblemException)
      return { status: error.status, code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('the coin ledger', () => {
  it('refuses a payment the wallet cannot cover by even one coin, naming the price and the balance, and moves nothing', async () => {
    const { store, ledger } = setUp();
    await grant(ledger, 'mei', 50);
    const before = structuredClone(store.state);

    expect(await problem(transfer(ledger, 'mei', 'lei', 51, 'k1'))).toEqual({
      status: 409,
      code: 'insufficient_funds',
      detail: 'This costs 51 coins; your balance is 50',
    });
    expect(store.state).toEqual(before);
    expect(await ledger.balanceOf('mei')).toBe(50);
  });

  it('lets a user spend exactly what they have, down to zero', async () => {
    const { ledger } = setUp();
    await grant(ledger, 'mei', 50);

    await transfer(ledger, 'mei', 'lei', 50, 'k1');

    expect(await ledger.balanceOf('mei')).toBe(0);
    expect(await ledger.balanceOf('lei')).toBe(50);
  });

  it('charges a request repeated with its idempotency key once, and answers the repeat as the first', async () => {
    const { store, ledger } = setUp();
    await grant(ledger, 'mei', 100);

    const first = await transfer(ledger, 'mei', 'lei', 30, 'pay-once');
    const again = await transfer(ledger, 'mei', 'lei', 30, 'pay-once');

    expect(again).toBe(first);
    expect(await ledger.balanceOf('mei')).toBe(70);
    expect(await ledger.balanceOf('lei')).toBe(30);
    expect(store.state.transactions.filter((t) => t.kind === 'transfer')).toHaveLength(1);
    expect(store.state.keys['mei/pay-once'].transactionId).toBe(first);
  });

  it('refuses an idempotency key reused for a different request, and moves nothing', async () => {
    const { ledger } = setUp();
    await grant(ledger, 'mei', 100);
    await transfer(ledger, 'mei', 'lei', 30, 'k1');

    expect(await problem(transfer(ledger, 'mei', 'lei', 40, 'k1'))).toMatchObject({
      status: 409,
      code: 'idempotency_conflict',
    });
    expect(await problem(transfer(ledger, 'mei', 'tao', 30, 'k1'))).toMatchObject({
      code: 'idempotency_conflict',
    });
    expect(await ledger.balanceOf('mei')).toBe(70);
    expect(await ledger.balanceOf('tao')).toBe(0);
  });

  it('keeps no record of a refused request, so its retry with the same key goes through', async () => {
    const { store, ledger } = setUp();
    await grant(ledger, 'mei', 20);
    await problem(transfer(ledger, 'mei', 'lei', 30, 'retry-me'));
    expect(store.state.keys['mei/retry-me']).toBeUndefined();

    await grant(ledger, 'mei', 20);
    await transfer(ledger, 'mei', 'lei', 30, 'retry-me');

    expect(await ledger.balanceOf('mei')).toBe(10);
    expect(await ledger.balanceOf('lei')).toBe(30);
  });

  it('refuses a key whose first request has no stored answer yet instead of running it twice', async () => {
    const { store, ledger } = setUp();
    await grant(ledger, 'mei', 100);
    store.state.keys['mei/in-flight'] = {
      fingerprint: 'whatever the first request was',
      response_json: null,
      transactionId: null,
    };

    expect(await problem(transfer(ledger, 'mei', 'lei', 30, 'in-flight'))).toMatchObject({
      code: 'idempotency_conflict',
    });
    expect(await ledger.balanceOf('mei')).toBe(100);
  });

  it('keeps idempotency keys per user: two people may use the same key', async () => {
    const { ledger } = setUp();
    await grant(ledger, 'mei', 100);
    await grant(ledger, 'lei', 100);

    await transfer(ledger, 'mei', 'tao', 10, 'same-key');
    await transfer(ledger, 'lei', 'tao', 10, 'same-key');

    expect(await ledger.balanceOf('tao')).toBe(20);
  });

  it('writes only balanced transactions: legs that do not sum to zero, or a single leg, are refused', async () => {
    const { store, ledger } = setUp();
    const wallet = await ledger.walletOf('mei');

    await expect(
      ledger.post('grant', 'admin', null, [
        { accountId: SYSTEM_ACCOUNTS.issuance, amount: -10 },
        { accountId: wallet, amount: 11 },
      ]),
    ).rejects.toThrow('a coin transaction needs at least two legs that sum to zero');
    await expect(ledger.post('grant', 'admin', null, [{ accountId: wallet, amount: 0 }])).rejects.toThrow(
      'a coin transaction needs at least two legs that sum to zero',
    );
    expect(store.state.transactions).toEqual([]);
    expect(await ledger.balanceOf('mei')).toBe(0);
  });

  it('records each transaction with its kind, actor, memo and time, one entry per leg', async () => {
    const { store, ledger } = setUp();
    const wallet = await ledger.walletOf('mei');

    const posted = await ledger.post('grant', 'admin', 'welcome', [
      { accountId: SYSTEM_ACCOUNTS.issuance, amount: -25 },
      { accountId: wallet, amount: 25 },
    ]);

    expect(posted).toEqual({ id: expect.any(String), kind: 'grant', createdAt: NOW });
    const [written] = store.state.transactions;
    expect(written).toMatchObject({ id: posted.id, kind: 'grant', actorId: 'admin', memo: 'welcome' });
    expect(written.entries.map(({ accountId, amount }) => ({ accountId, amount }))).toEqual([
      { accountId: SYSTEM_ACCOUNTS.issuance, amount: -25 },
      { accountId: wallet, amount: 25 },
    ]);
    expect(new Set(written.entries.map((entry) => entry.id)).size).toBe(2);
  });

  it('keeps every coin accounted for: balances sum to zero with the issuance account', async () => {
    const { store, ledger } = setUp();
    await grant(ledger, 'mei', 100);
    await transfer(ledger, 'mei', 'lei', 30, 'k1');
    await transfer(ledger, 'lei', 'tao', 5, 'k1');

    expect(await ledger.balanceOf('mei')).toBe(70);
    expect(await ledger.balanceOf('lei')).toBe(25);
    expect(await ledger.balanceOf('tao')).toBe(5);
    expect(store.balance(SYSTEM_ACCOUNTS.issuance)).toBe(-100);
  });

  it('locks two wallets in one order whichever way coins move, so opposite transfers cannot deadlock', async () => {
    const { store, ledger } = setUp();
    const meiWallet = await ledger.walletOf('mei');
    const leiWallet = await ledger.walletOf('lei');

    const forth = await ledger.lockWallets(['mei', 'lei']);
    const back = await ledger.lockWallets(['lei', 'mei']);

    expect(store.locks[0]).toEqual([meiWallet, leiWallet].sort());
    expect(store.locks[1]).toEqual(store.locks[0]);
    expect(forth).toEqual(
      new Map([
        ['mei', meiWallet],
        ['lei', leiWallet],
      ]),
    );
    expect(back.get('mei')).toBe(meiWallet);
  });

  it('opens a wallet on first use and reuses it after, but reading a balance opens none', async () => {
    const { store, ledger } = setUp();

    expect(await ledger.balanceOf('mei')).toBe(0);
    expect(store.wallets()).toBe(0);

    const wallet = await ledger.walletOf('mei');
    expect(await ledger.walletOf('mei')).toBe(wallet);
    expect(store.wallets()).toBe(1);
  });
});
