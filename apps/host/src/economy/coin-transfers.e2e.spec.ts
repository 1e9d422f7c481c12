import { randomUUID } from 'node:crypto';
import { expectProblem } from '../testing/expect-problem';
import { factory, host } from '../testing/file-host';
import { MISSING_ID, economy, useCoinsHost } from './coins.e2e-setup';

describe('coins (e2e)', () => {
  useCoinsHost();

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
});
