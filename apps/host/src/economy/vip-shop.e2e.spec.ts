import { randomUUID } from 'node:crypto';
import { DatabaseService } from '../database/database.module';
import { type TestUser } from '../testing/factory';
import { expectProblem } from '../testing/expect-problem';
import { EconomyService } from './economy.service';
import { STORAGE_QUOTA_BYTES, VIP_MONTH_MS, VIP_PRICE_PER_MONTH } from './economy.rules';
import { ADMIN, EconomyHelper } from './economy.testing';
import { factory, host, useFileHost } from '../testing/file-host';

const DAY_MS = 86_400_000;
const ITEMS = {
  classic: '00000000-0000-7000-8000-000000001001',
  jadeGarden: '00000000-0000-7000-8000-000000001006',
  goldenDragon: '00000000-0000-7000-8000-000000001008',
  yellowDiamond: '00000000-0000-7000-8000-000000001009',
  springBreeze: '00000000-0000-7000-8000-000000001013',
  moonlight: '00000000-0000-7000-8000-000000001014',
  royalAnthem: '00000000-0000-7000-8000-000000001015',
};
const JADE_PRICE = 200;

describe('VIP and the shop (e2e)', () => {
  useFileHost({ bootstrapAdmin: ADMIN });

  let economy: EconomyHelper;

  beforeAll(async () => {
    economy = new EconomyHelper(host);
  });

  afterEach(async () => {
    expect(await economy.unbalancedTransactions()).toEqual([]);
    expect(await economy.negativeWallets()).toEqual([]);
  });

  const buyVip = (user: TestUser, months: number, idempotencyKey: string = randomUUID()) =>
    host.post('/vip/purchases', { token: user.token, body: { months, idempotencyKey } });
  const buyItem = (user: TestUser, itemId: string, idempotencyKey: string = randomUUID()) =>
    host.post(`/shop/items/${itemId}/purchases`, { token: user.token, body: { idempotencyKey } });
  const applyTheme = (user: TestUser, themeId: string) =>
    host.patch('/space/decoration', { token: user.token, body: { themeId } });
  const space = (user: TestUser) => host.get(`/spaces/${user.id}`).then((response) => response.body);

  async function quota(user: TestUser): Promise<number> {
    return host.app
      .get(DatabaseService)
      .withContext(() => host.app.get(EconomyService).storageQuotaBytes(user.id));
  }

  describe('VIP', () => {
    it('is bought with coins, grows in level with continuous months, extends, lapses and restarts', async () => {
      const user = await factory.newUser('vip');
      expect((await host.get('/vip', { token: user.token })).body).toEqual({
        membership: null,
        since: null,
        continuousMonths: 0,
        pricePerMonth: VIP_PRICE_PER_MONTH,
        storageQuotaBytes: STORAGE_QUOTA_BYTES[0],
      });
      expect((await space(user)).vip).toBeNull();
      expectProblem(await buyVip(user, 1), 409, 'insufficient_funds');

      await economy.grant(user, 14 * VIP_PRICE_PER_MONTH);
      const bought = await buyVip(user, 12);
      expect(bought.status).toBe(201);
      expect(bought.body).toMatchObject({
        months: 12,
        transaction: {
          kind: 'vip_purchase',
          amount: 12 * VIP_PRICE_PER_MONTH,
          from: { id: user.id },
          to: null,
        },
        membership: { active: true, level: 1 },
      });
      const expiresAt = new Date(bought.body.membership.expiresAt).getTime();
      expect(Math.abs(expiresAt - (host.clock.now().getTime() + 12 * VIP_MONTH_MS))).toBeLessThan(60_000);
      expect(await economy.balance(user)).toBe(2 * VIP_PRICE_PER_MONTH);
      expect(await quota(user)).toBe(STORAGE_QUOTA_BYTES[1]);
      expect((await space(user)).vip).toEqual({
        active: true,
        level: 1,
        expiresAt: bought.body.membership.expiresAt,
      });

      // Months served count: into the third month is level 2.
      host.clock.advance(61 * DAY_MS);
      await economy.signIn(user, factory.password);
      const status = await host.get('/vip', { token: user.token });
      expect(status.body).toMatchObject({ continuousMonths: 3, membership: { active: true, level: 2 } });
      expect(status.body.storageQuotaBytes).toBe(STORAGE_QUOTA_BYTES[2]);
      expect(await quota(user)).toBe(STORAGE_QUOTA_BYTES[2]);

      // Buying while active extends the expiry; continuity and level carry on.
      const extended = await buyVip(user, 1);
      expect(extended.status).toBe(201);
      expect(new Date(extended.body.membership.expiresAt).getTime()).toBe(expiresAt + VIP_MONTH_MS);
      expect(extended.body.membership.level).toBe(2);

      // Past expiry the membership lapses: no perks, the badge says inactive.
      host.clock.advance(expiresAt + VIP_MONTH_MS - host.clock.now().getTime() + DAY_MS);
      await economy.signIn(user, factory.password);
      const lapsed = await host.get('/vip', { token: user.token });
      expect(lapsed.body).toMatchObject({ since: null, continuousMonths: 0, membership: { active: false } });
      expect(lapsed.body.storageQuotaBytes).toBe(STORAGE_QUOTA_BYTES[0]);
      expect(await quota(user)).toBe(STORAGE_QUOTA_BYTES[0]);
      expect((await space(user)).vip).toMatchObject({ active: false });

      // After a lapse, continuity restarts at level 1.
      const again = await buyVip(user, 1);
      expect(again.status).toBe(201);
      expect(again.body.membership).toMatchObject({ active: true, level: 1 });
      const restarted = await host.get('/vip', { token: user.token });
      expect(restarted.body.continuousMonths).toBe(1);
      expect(Math.abs(new Date(restarted.body.since).getTime() - host.clock.now().getTime())).toBeLessThan(
        60_000,
      );
      expect(await economy.balance(user)).toBe(0);
    });

    it('gives the base quota to ordinary users and more to each VIP level', () => {
      expect(STORAGE_QUOTA_BYTES[0]).toBe(3 * 1024 ** 3);
      expect(STORAGE_QUOTA_BYTES).toHaveLength(8);
      for (let level = 1; level < STORAGE_QUOTA_BYTES.length; level++) {
        expect(STORAGE_QUOTA_BYTES[level]).toBeGreaterThan(STORAGE_QUOTA_BYTES[level - 1]);
      }
    });

    it('succeeds exactly 10 times out of 100 parallel purchases against a balance for 10', async () => {
      const user = await factory.newUser('rush');
      await economy.grant(user, 10 * VIP_PRICE_PER_MONTH);
      const responses = await Promise.all(Array.from({ length: 100 }, () => buyVip(user, 1)));
      const succeeded = responses.filter((response) => response.status === 201);
      expect(succeeded).toHaveLength(10);
      for (const response of responses) {
        if (response.status !== 201) expectProblem(response, 409, 'insufficient_funds');
      }
      expect(await economy.balance(user)).toBe(0);
      const [membership] = await host.sql<{ since: Date; expires_at: Date }>(
        'select since, expires_at from vip_membership where user_id = ?',
        [user.id],
      );
      expect(new Date(membership.expires_at).getTime() - new Date(membership.since).getTime()).toBe(
        10 * VIP_MONTH_MS,
      );
      const [{ n }] = await host.sql<{ n: number }>(
        `select count(*)::int as n from coin_transaction where actor_id = ? and kind = 'vip_purchase'`,
        [user.id],
      );
      expect(n).toBe(10);
    });

    it('replays a purchase with the same key and refuses the key for other months', async () => {
      const user = await factory.newUser('vip');
      await economy.grant(user, 5 * VIP_PRICE_PER_MONTH);
      const first = await buyVip(user, 2, 'vip-key');
      expect(first.status).toBe(201);
      const before = await economy.snapshot();
      const again = await buyVip(user, 2, 'vip-key');
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expectProblem(await buyVip(user, 3, 'vip-key'), 409, 'idempotency_conflict');
      expect(await economy.snapshot()).toEqual(before);
      expect(await economy.balance(user)).toBe(3 * VIP_PRICE_PER_MONTH);
    });

    it.each([
      ['no months', { idempotencyKey: 'k1' }],
      ['zero months', { months: 0, idempotencyKey: 'k2' }],
      ['negative months', { months: -1, idempotencyKey: 'k3' }],
      ['13 months', { months: 13, idempotencyKey: 'k4' }],
      ['fractional months', { months: 1.5, idempotencyKey: 'k5' }],
      ['months as text', { months: '1', idempotencyKey: 'k6' }],
      ['no key', { months: 1 }],
      ['an unknown field', { months: 1, idempotencyKey: 'k7', price: 0 }],
    ])('refuses a purchase with %s and changes nothing', async (_case, body) => {
      const user = await factory.newUser('vip');
      await economy.grant(user, 20 * VIP_PRICE_PER_MONTH);
      const before = await economy.snapshot();
      expectProblem(await host.post('/vip/purchases', { token: user.token, body }), 400, 'validation_failed');
      expect(await economy.snapshot()).toEqual(before);
    });
  });

  describe('shop and decoration', () => {
    it('lists a catalog with free, priced and VIP-only themes, skins and music', async () => {
      const user = await factory.newUser('shopper');
      const catalog = await host.get('/shop/items', { token: user.token });
      expect(catalog.status).toBe(200);
      const items = catalog.body.items as { kind: string; price: number; vipOnly: boolean; owned: boolean }[];
      expect(new Set(items.map((item) => item.kind))).toEqual(new Set(['theme', 'skin', 'music']));
      expect(items.some((item) => item.price === 0 && !item.vipOnly)).toBe(true);
      expect(items.some((item) => item.price > 0 && !item.vipOnly)).toBe(true);
      expect(items.some((item) => item.vipOnly)).toBe(true);
      expect(items.every((item) => !item.owned)).toBe(true);
      expect((await host.get('/inventory', { token: user.token })).body).toEqual({ items: [] });
    });

    it('sells a priced theme through the ledger; it must be owned before it is applied', async () => {
      const user = await factory.newUser('shopper');
      const before = await economy.snapshot();
      expectProblem(await applyTheme(user, 'jade-garden'), 403, 'item_not_owned');
      expectProblem(await buyItem(user, ITEMS.jadeGarden), 409, 'insufficient_funds');
      expect(await economy.snapshot()).toEqual(before);

      await economy.grant(user, JADE_PRICE + 50);
      const bought = await buyItem(user, ITEMS.jadeGarden, 'jade');
      expect(bought.status).toBe(201);
      expect(bought.body).toMatchObject({
        item: { id: ITEMS.jadeGarden, code: 'jade-garden', owned: true },
        transaction: { kind: 'item_purchase', amount: JADE_PRICE },
      });
      expect(await economy.balance(user)).toBe(50);
      const replay = await buyItem(user, ITEMS.jadeGarden, 'jade');
      expect(replay.body).toEqual(bought.body);
      expect(await economy.balance(user)).toBe(50);
      expectProblem(await buyItem(user, ITEMS.jadeGarden), 409, 'item_already_owned');
      expectProblem(await buyItem(user, ITEMS.classic, 'jade'), 409, 'idempotency_conflict');

      const inventory = await host.get('/inventory', { token: user.token });
      expect(inventory.body.items).toEqual([
        expect.objectContaining({ item: expect.objectContaining({ id: ITEMS.jadeGarden, owned: true }) }),
      ]);
      const applied = await applyTheme(user, 'jade-garden');
      expect(applied.status).toBe(200);
      expect(applied.body.themeId).toBe('jade-garden');
      expect((await space(user)).decoration.themeId).toBe('jade-garden');
      // The free themes keep working for everyone.
      expect((await applyTheme(user, 'ocean')).status).toBe(200);
    });

    it('keeps premium themes for active VIPs, and stops showing them when the membership lapses', async () => {
      const user = await factory.newUser('premium');
      await economy.grant(user, 2 * VIP_PRICE_PER_MONTH + 500);
      const before = await economy.snapshot();
      expectProblem(await applyTheme(user, 'yellow-diamond'), 403, 'vip_required');
      expectProblem(await buyItem(user, ITEMS.goldenDragon), 403, 'vip_required');
      expect(await economy.snapshot()).toEqual(before);

      expect((await buyVip(user, 1)).status).toBe(201);
      expect((await applyTheme(user, 'yellow-diamond')).status).toBe(200);
      expect((await space(user)).decoration.themeId).toBe('yellow-diamond');
      expectProblem(await applyTheme(user, 'golden-dragon'), 403, 'item_not_owned');
      expect((await buyItem(user, ITEMS.goldenDragon)).status).toBe(201);
      expect((await applyTheme(user, 'golden-dragon')).status).toBe(200);

      host.clock.advance(VIP_MONTH_MS + DAY_MS);
      await economy.signIn(user, factory.password);
      // Owned but VIP-only: not shown, and not applicable, until the membership is renewed.
      expect((await space(user)).decoration.themeId).toBe('classic');
      expectProblem(await applyTheme(user, 'golden-dragon'), 403, 'vip_required');
      expectProblem(await applyTheme(user, 'yellow-diamond'), 403, 'vip_required');
      expect((await buyVip(user, 1)).status).toBe(201);
      expect((await space(user)).decoration.themeId).toBe('golden-dragon');
    });

    it('plays owned music on the space, and refuses music the user may not use', async () => {
      const user = await factory.newUser('listener');
      const applyMusic = (musicItemId: string, extra: object = {}) =>
        host.patch('/space/decoration', { token: user.token, body: { musicItemId, ...extra } });
      expectProblem(await applyMusic(ITEMS.moonlight), 403, 'item_not_owned');
      expectProblem(await applyMusic(ITEMS.royalAnthem), 403, 'vip_required');
      expectProblem(await applyMusic(ITEMS.jadeGarden), 400, 'validation_failed');
      expectProblem(
        await applyMusic(ITEMS.springBreeze, { musicUrl: 'https://example.com/a.mp3' }),
        400,
        'validation_failed',
      );
      expect((await space(user)).decoration.musicUrl).toBeNull();

      // Free music needs no purchase; priced music plays once bought.
      const free = await applyMusic(ITEMS.springBreeze);
      expect(free.status).toBe(200);
      expect(free.body.musicUrl).toMatch(/spring-breeze\.mp3$/);
      await economy.grant(user, 100);
      expect((await buyItem(user, ITEMS.moonlight)).status).toBe(201);
      expect((await applyMusic(ITEMS.moonlight)).status).toBe(200);
      expect((await space(user)).decoration.musicUrl).toMatch(/moonlight\.mp3$/);
    });

    it('gives free items without moving coins', async () => {
      const user = await factory.newUser('free');
      const before = await economy.snapshot();
      const claimed = await buyItem(user, ITEMS.springBreeze);
      expect(claimed.status).toBe(201);
      expect(claimed.body).toMatchObject({
        transaction: null,
        item: { kind: 'music', price: 0, owned: true },
      });
      const after = await economy.snapshot();
      expect(after.entries).toEqual(before.entries);
      expect(after.owned).toHaveLength(before.owned.length + 1);
    });

    it('refuses items that do not exist and bad purchase bodies, changing nothing', async () => {
      const user = await factory.newUser('bad');
      await economy.grant(user, 1000);
      const before = await economy.snapshot();
      expectProblem(await buyItem(user, '00000000-0000-7000-8000-00000000beef'), 404, 'not_found');
      expectProblem(await buyItem(user, 'jade-garden'), 404, 'not_found');
      for (const body of [
        {},
        { idempotencyKey: '' },
        { idempotencyKey: 7 },
        { idempotencyKey: 'k', price: 0 },
      ]) {
        expectProblem(
          await host.post(`/shop/items/${ITEMS.jadeGarden}/purchases`, { token: user.token, body }),
          400,
          'validation_failed',
        );
      }
      expectProblem(
        await host.post(`/shop/items/${ITEMS.jadeGarden}/purchases`, { body: { idempotencyKey: 'k' } }),
        401,
        'unauthenticated',
      );
      expect(await economy.snapshot()).toEqual(before);
    });
  });
});
