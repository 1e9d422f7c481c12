import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { TestFactory } from '../testing/factory';
import { expectProblem } from '../testing/expect-problem';
import { TestHost } from '../testing/test-host';
import { ADMIN, EconomyHelper } from './economy.testing';

const MISSING_ID = '00000000-0000-7000-8000-00000000beef';

describe('coins (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let economy: EconomyHelper;

  beforeAll(async () => {
    host = await TestHost.start({ bootstrapAdmin: ADMIN });
    factory = new TestFactory(host);
    economy = new EconomyHelper(host);
  });
  afterAll(() => host.close());

  afterEach(async () => {
    expect(await economy.unbalancedTransactions()).toEqual([]);
    expect(await economy.negativeWallets()).toEqual([]);
  });

  describe('grants', () => {
    it('lets an admin grant coins: the wallet shows the balance and the entry', async () => {
      const user = await factory.newUser('rich');
      const empty = await host.get('/wallet', { token: user.token });
      expect(empty.body).toEqual({ balance: 0, items: [], nextCursor: null });

      const granted = await host.post(`/admin/users/${user.id}/coin-grants`, {
        token: await economy.admin(),
        body: { amount: 500, idempotencyKey: 'grant-1', memo: ' welcome ' },
      });
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({
        kind: 'grant',
        amount: 500,
        from: null,
        to: { id: user.id, username: user.username },
        memo: 'welcome',
      });

      const wallet = await host.get('/wallet', { token: user.token });
      expect(wallet.body.balance).toBe(500);
      expect(wallet.body.items).toEqual([
        expect.objectContaining({
          transactionId: granted.body.id,
          kind: 'grant',
          amount: 500,
          counterparty: null,
          memo: 'welcome',
        }),
      ]);
      // Double entry: the issuance account is debited what the wallet is credited.
      const entries = await host.sql<{ kind: string; amount: string }>(
        `select a.kind, e.amount::text as amount from coin_entry e join coin_account a on a.id = e.account_id
          where e.transaction_id = ? order by e.amount`,
        [granted.body.id],
      );
      expect(entries).toEqual([
        { kind: 'issuance', amount: '-500' },
        { kind: 'wallet', amount: '500' },
      ]);
    });

    it('refuses grants from non-admins and to users who do not exist, changing nothing', async () => {
      const user = await factory.newUser('greedy');
      const before = await economy.snapshot();
      const self = await host.post(`/admin/users/${user.id}/coin-grants`, {
        token: user.token,
        body: { amount: 100, idempotencyKey: randomUUID() },
      });
      expectProblem(self, 403, 'forbidden');
      const missing = await host.post(`/admin/users/${MISSING_ID}/coin-grants`, {
        token: await economy.admin(),
        body: { amount: 100, idempotencyKey: randomUUID() },
      });
      expectProblem(missing, 404, 'not_found');
      const malformed = await host.post('/admin/users/not-an-id/coin-grants', {
        token: await economy.admin(),
        body: { amount: 100, idempotencyKey: randomUUID() },
      });
      expectProblem(malformed, 404, 'not_found');
      const anonymous = await host.post(`/admin/users/${user.id}/coin-grants`, {
        body: { amount: 100, idempotencyKey: randomUUID() },
      });
      expectProblem(anonymous, 401, 'unauthenticated');
      expect(await economy.snapshot()).toEqual(before);
    });

    it('replays a grant with the same key and refuses the key for a different grant', async () => {
      const user = await factory.newUser('replay');
      const body = { amount: 70, idempotencyKey: 'same-key' };
      const first = await host.post(`/admin/users/${user.id}/coin-grants`, {
        token: await economy.admin(),
        body,
      });
      expect(first.status).toBe(201);
      const before = await economy.snapshot();
      const again = await host.post(`/admin/users/${user.id}/coin-grants`, {
        token: await economy.admin(),
        body,
      });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await economy.snapshot()).toEqual(before);
      expect(await economy.balance(user)).toBe(70);

      const other = await factory.newUser('other');
      for (const [target, changed] of [
        [user, { ...body, amount: 71 }],
        [user, { ...body, memo: 'different' }],
        [other, body],
      ] as const) {
        const conflicting = await host.post(`/admin/users/${target.id}/coin-grants`, {
          token: await economy.admin(),
          body: changed,
        });
        expectProblem(conflicting, 409, 'idempotency_conflict');
      }
      expect(await economy.snapshot()).toEqual(before);
    });
  });

  describe('transfers', () => {
    it('moves coins between users; both sides see the entry with the other person', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await economy.grant(alice, 100);

      const sent = await host.post('/wallet/transfers', {
        token: alice.token,
        body: { toUserId: bob.id, amount: 30, idempotencyKey: 'gift-1', memo: '生日快乐' },
      });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({
        kind: 'transfer',
        amount: 30,
        from: { id: alice.id },
        to: { id: bob.id },
        memo: '生日快乐',
      });
      expect(await economy.balance(alice)).toBe(70);
      expect(await economy.balance(bob)).toBe(30);

      const aliceWallet = await host.get('/wallet', { token: alice.token });
      expect(aliceWallet.body.items[0]).toMatchObject({
        transactionId: sent.body.id,
        amount: -30,
        counterparty: { id: bob.id },
      });
      const bobWallet = await host.get('/wallet', { token: bob.token });
      expect(bobWallet.body.items).toEqual([
        expect.objectContaining({
          transactionId: sent.body.id,
          amount: 30,
          counterparty: expect.objectContaining({ id: alice.id }),
        }),
      ]);

      // Keys belong to the acting user: bob may use alice's key for his own request.
      const back = await host.post('/wallet/transfers', {
        token: bob.token,
        body: { toUserId: alice.id, amount: 5, idempotencyKey: 'gift-1' },
      });
      expect(back.status).toBe(201);
      expect(await economy.balance(alice)).toBe(75);
    });

    it('replays a transfer with the same key without moving coins again', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await economy.grant(alice, 50);
      const body = { toUserId: bob.id, amount: 20, idempotencyKey: randomUUID() };
      const first = await host.post('/wallet/transfers', { token: alice.token, body });
      const before = await economy.snapshot();
      for (let attempt = 0; attempt < 3; attempt++) {
        const again = await host.post('/wallet/transfers', { token: alice.token, body });
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
      }
      expect(await economy.snapshot()).toEqual(before);
      expect(await economy.balance(alice)).toBe(30);
      expect(await economy.balance(bob)).toBe(20);

      const conflicting = await host.post('/wallet/transfers', {
        token: alice.token,
        body: { ...body, amount: 21 },
      });
      expectProblem(conflicting, 409, 'idempotency_conflict');
      expect(await economy.snapshot()).toEqual(before);
    });

    it('refuses a transfer larger than the balance; the key stays usable for a retry', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await economy.grant(alice, 10);
      const before = await economy.snapshot();
      const body = { toUserId: bob.id, amount: 11, idempotencyKey: 'retry-me' };
      expectProblem(
        await host.post('/wallet/transfers', { token: alice.token, body }),
        409,
        'insufficient_funds',
      );
      expect(await economy.snapshot()).toEqual(before);

      await economy.grant(alice, 1);
      const retried = await host.post('/wallet/transfers', { token: alice.token, body });
      expect(retried.status).toBe(201);
      expect(await economy.balance(alice)).toBe(0);
      expect(await economy.balance(bob)).toBe(11);
    });

    it('never lets concurrent transfers take a balance below zero', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      await economy.grant(alice, 10);
      await economy.grant(bob, 10);
      // Transfers in both directions at once also exercise the lock order (no deadlock).
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, index) => {
          const [from, to] = index % 4 === 0 ? [bob, alice] : index % 4 === 1 ? [alice, bob] : [alice, carol];
          return host.post('/wallet/transfers', {
            token: from.token,
            body: { toUserId: to.id, amount: 1, idempotencyKey: randomUUID() },
          });
        }),
      );
      for (const response of responses) {
        if (response.status !== 201) expectProblem(response, 409, 'insufficient_funds');
      }
      const balances = await Promise.all([alice, bob, carol].map((user) => economy.balance(user)));
      expect(balances.every((balance) => balance >= 0)).toBe(true);
      expect(balances.reduce((sum, balance) => sum + balance, 0)).toBe(20);
      expect(responses.filter((response) => response.status === 201).length).toBe(
        (
          await host.sql<{ n: number }>(
            `select count(*)::int as n from coin_transaction where kind = 'transfer' and actor_id in (?, ?)`,
            [alice.id, bob.id],
          )
        )[0].n,
      );
    });

    it('serves one result for concurrent requests with the same key', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await economy.grant(alice, 100);
      const body = { toUserId: bob.id, amount: 7, idempotencyKey: randomUUID() };
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => host.post('/wallet/transfers', { token: alice.token, body })),
      );
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(await economy.balance(alice)).toBe(93);
      expect(await economy.balance(bob)).toBe(7);
    });

    it('refuses sending to myself or to someone who does not exist', async () => {
      const alice = await factory.newUser('alice');
      await economy.grant(alice, 10);
      const before = await economy.snapshot();
      expectProblem(
        await host.post('/wallet/transfers', {
          token: alice.token,
          body: { toUserId: alice.id, amount: 1, idempotencyKey: randomUUID() },
        }),
        400,
        'cannot_target_self',
      );
      expectProblem(
        await host.post('/wallet/transfers', {
          token: alice.token,
          body: { toUserId: MISSING_ID, amount: 1, idempotencyKey: randomUUID() },
        }),
        404,
        'not_found',
      );
      expect(await economy.snapshot()).toEqual(before);
    });
  });

  describe('the wallet', () => {
    it('pages through ledger entries newest first without gaps or repeats', async () => {
      const user = await factory.newUser('pages');
      for (let index = 1; index <= 5; index++) await economy.grant(user, index);
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get('/wallet', { token: user.token, query: { limit: 2, cursor } });
        expect(page.status).toBe(200);
        expect(page.body.balance).toBe(15);
        seen.push(...page.body.items.map((item: { amount: number }) => item.amount));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([5, 4, 3, 2, 1]);
    });

    it('refuses bad paging and anonymous callers', async () => {
      const user = await factory.newUser('pages');
      expectProblem(
        await host.get('/wallet', { token: user.token, query: { cursor: '!!' } }),
        400,
        'invalid_cursor',
      );
      expectProblem(
        await host.get('/wallet', { token: user.token, query: { limit: 0 } }),
        400,
        'validation_failed',
      );
      expectProblem(await host.get('/wallet'), 401, 'unauthenticated');
    });
  });

  describe('bad input changes nothing', () => {
    const key = () => randomUUID();
    it.each([
      ['no idempotency key', { amount: 1 }],
      ['an empty idempotency key', { amount: 1, idempotencyKey: '' }],
      ['an idempotency key with spaces', { amount: 1, idempotencyKey: 'a key' }],
      [
        'an idempotency key too long',
        { amount: 1, idempotencyKey: 'k'.repeat(LIMITS.idempotencyKeyMax + 1) },
      ],
      ['an idempotency key that is a number', { amount: 1, idempotencyKey: 12345 }],
      ['no amount', { idempotencyKey: key() }],
      ['a zero amount', { amount: 0, idempotencyKey: key() }],
      ['a negative amount', { amount: -5, idempotencyKey: key() }],
      ['a fractional amount', { amount: 1.5, idempotencyKey: key() }],
      ['an amount as text', { amount: '10', idempotencyKey: key() }],
      ['a huge amount', { amount: LIMITS.coinAmountMax + 1, idempotencyKey: key() }],
      ['an enormous amount', { amount: 1e20, idempotencyKey: key() }],
      ['a memo too long', { amount: 1, idempotencyKey: key(), memo: 'm'.repeat(LIMITS.coinMemoMax + 1) }],
      ['an unknown field', { amount: 1, idempotencyKey: key(), currency: 'USD' }],
    ])('grant and transfer refuse %s', async (_case, body) => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await economy.grant(alice, 100);
      const before = await economy.snapshot();
      expectProblem(
        await host.post(`/admin/users/${bob.id}/coin-grants`, { token: await economy.admin(), body }),
        400,
        'validation_failed',
      );
      expectProblem(
        await host.post('/wallet/transfers', { token: alice.token, body: { ...body, toUserId: bob.id } }),
        400,
        'validation_failed',
      );
      expect(await economy.snapshot()).toEqual(before);
    });

    it.each([
      ['no recipient', {}],
      ['a recipient that is not an id', { toUserId: 'bob' }],
      ['a recipient of the wrong type', { toUserId: 42 }],
    ])('transfer refuses %s', async (_case, extra) => {
      const alice = await factory.newUser('alice');
      await economy.grant(alice, 100);
      const before = await economy.snapshot();
      expectProblem(
        await host.post('/wallet/transfers', {
          token: alice.token,
          body: { amount: 1, idempotencyKey: randomUUID(), ...extra },
        }),
        400,
        'validation_failed',
      );
      expect(await economy.snapshot()).toEqual(before);
    });
  });

  describe('the ledger', () => {
    it('is kept balanced and append-only by the database itself', async () => {
      const user = await factory.newUser('ledger');
      await economy.grant(user, 5);
      const [wallet] = await host.sql<{ id: string }>('select id from coin_account where user_id = ?', [
        user.id,
      ]);
      const [entry] = await host.sql<{ id: string }>('select id from coin_entry where account_id = ?', [
        wallet.id,
      ]);
      const before = await economy.snapshot();
      await expect(host.sql('update coin_entry set amount = 1000 where id = ?', [entry.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(host.sql('delete from coin_entry where id = ?', [entry.id])).rejects.toThrow(
        /append-only/,
      );
      const transactionId = randomUUID();
      await expect(
        host.sql(
          `with t as (insert into coin_transaction (id, kind, actor_id, created_at) values (?, 'grant', ?, now()) returning id)
           insert into coin_entry (id, transaction_id, account_id, amount, created_at) select ?, t.id, ?, 1000, now() from t`,
          [transactionId, user.id, randomUUID(), wallet.id],
        ),
      ).rejects.toThrow(/does not balance/);
      expect(await economy.snapshot()).toEqual(before);
    });
  });
});
