import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { factory, host } from '../testing/file-host';
import { MISSING_ID, economy, useCoinsHost } from './coins.e2e-setup';

describe('coins (e2e)', () => {
  useCoinsHost();

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
