import type { HostApi } from '@kongjian/testing';
import { expect, type HostUser, test } from './support/fixtures';

// Each journey checks several pages at two widths and in two languages: more than 90 s on a busy machine.
test.describe.configure({ timeout: 300_000 });

/** A pending order of `me` made through the gifts plugin: a gift for `friend`, unpaid. */
async function giftOrder(hostApi: HostApi, me: HostUser, friend: HostUser): Promise<void> {
  await hostApi.befriend(me, friend);
  const apps = await hostApi.request<{ items: { id: string; builtIn: boolean }[] }>(
    'GET',
    '/app-center/apps?q=Gifts',
    { token: me.token },
  );
  const gifts = apps.items.find((app) => app.builtIn)!;
  for (const user of [me, friend]) {
    await hostApi.request('POST', `/app-center/apps/${gifts.id}/install`, {
      token: user.token,
      body: {},
      expected: 200,
    });
  }
  const friends = await hostApi.request<{ items: { openid: string }[] }>('GET', '/apps/gifts/api/friends', {
    token: me.token,
  });
  await hostApi.request('POST', '/apps/gifts/api/gifts', {
    token: me.token,
    body: { to: friends.items[0]!.openid, giftId: 'heart' },
    expected: 201,
  });
}

test('a new person sees their coins, the yellow diamond, the shop, their level and an order', async ({
  open,
  hostApi,
}) => {
  const [me, friend] = [await hostApi.newUser('wallet'), await hostApi.newUser('giftee')];
  await giftOrder(hostApi, me, friend);
  const tab = await open(me);
  const { page } = tab;

  await tab.goto('/wallet');
  await expect(page.getByRole('heading', { name: '我的钱包', level: 1 })).toBeVisible();
  await expect(page.getByText('金币余额')).toBeVisible();
  await expect(page.getByText('还没有收支记录')).toBeVisible();
  // A hovered button is lighter: each check looks at the page at rest.
  await page.mouse.move(0, 0);
  await tab.check('wallet-coins');

  await page.getByRole('radiogroup').getByText('黄钻', { exact: true }).click();
  await expect(page.getByText('还没有开通黄钻')).toBeVisible();
  await expect(page.getByText('空间上显示黄钻标志')).toBeVisible();
  tab.expectError(/^409 POST \/vip\/purchases$/);
  await page.getByRole('button', { name: '用金币开通' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '金币不够了。' })).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-vip');

  await page.getByRole('radiogroup').getByText('商城与物品', { exact: true }).click();
  await page.getByRole('button', { name: '购买 樱花' }).click();
  await expect(page.getByText('已获得 樱花')).toBeVisible();
  await expect(page.getByRole('link', { name: '去我的空间换装扮' })).toHaveAttribute(
    'href',
    `/u/${me.username}`,
  );
  tab.expectError(/^409 POST \/shop\/items\/[^/]+\/purchases$/);
  await page.getByRole('button', { name: '购买 翡翠园' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '金币不够了。' })).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-shop');

  await page.getByRole('radiogroup').getByText('等级', { exact: true }).click();
  await expect(page.getByText(/空间等级 LV1/)).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/升到下一级需要/)).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-level');

  await page.getByRole('radiogroup').getByText('订单', { exact: true }).click();
  await expect(page.getByText('待支付')).toBeVisible();
  tab.expectError(/^409 POST \/me\/orders\/[^/]+\/pay$/);
  await page.getByRole('button', { name: '支付 5 金币' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '金币不够了。' })).toBeVisible();
  await page.getByRole('button', { name: '取消订单' }).click();
  await expect(page.getByText('已取消')).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-orders');

  await tab.setLanguage('en');
  await expect(page.getByRole('heading', { name: 'My wallet', level: 1 })).toBeVisible();
  await expect(page.getByText('Cancelled')).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-orders');
  await page.getByRole('radiogroup').getByText('Coins', { exact: true }).click();
  await page.mouse.move(0, 0);
  await tab.check('wallet-coins');
  await page.getByRole('radiogroup').getByText('Level', { exact: true }).click();
  await page.mouse.move(0, 0);
  await tab.check('wallet-level');
  tab.expectNoProblems();
});

test('a demo member sees their yellow diamond and coin history', async ({ open, demoUser }) => {
  const xiaohong = await demoUser('xiaohong');
  const tab = await open(xiaohong, { language: 'en' });
  const { page } = tab;
  await tab.goto('/wallet');
  await expect(page.getByText('Granted by Kongjian').first()).toBeVisible();
  await page.getByRole('radiogroup').getByText('Yellow diamond', { exact: true }).click();
  await expect(page.getByRole('heading', { name: /Yellow diamond level \d/ })).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-vip');
  tab.expectNoProblems();
});

test('with coins from the platform, a person opens the yellow diamond, buys a theme and pays an order', async ({
  open,
  hostApi,
  admin,
}) => {
  const [me, friend] = [await hostApi.newUser('spender'), await hostApi.newUser('giftee')];
  await giftOrder(hostApi, me, friend);
  await hostApi.request('POST', `/admin/users/${me.id}/coin-grants`, {
    token: admin.token,
    body: { amount: 1000, idempotencyKey: `e2e-grant-${me.id}`, memo: '新人礼包' },
  });
  const tab = await open(me);
  const { page } = tab;
  const balance = page.locator('.ant-statistic-content-value');

  await tab.goto('/wallet');
  await expect(balance).toHaveText('1,000');
  await expect(page.getByText('空间发放', { exact: true })).toBeVisible();
  await expect(page.getByText(/新人礼包/)).toBeVisible();

  // A month of yellow diamond: 100 coins.
  await page.getByRole('radiogroup').getByText('黄钻', { exact: true }).click();
  await page.getByRole('button', { name: '用金币开通' }).click();
  await expect(page.getByText('已开通 1 个月黄钻')).toBeVisible();
  await expect(page.getByText('黄钻 LV1')).toBeVisible();
  await expect(page.getByRole('heading', { name: '续费黄钻' })).toBeVisible();

  // A priced theme: 200 coins; it is then owned.
  await page.getByRole('radiogroup').getByText('商城与物品', { exact: true }).click();
  await page.getByRole('button', { name: '购买 翡翠园' }).click();
  await expect(page.getByText('已获得 翡翠园')).toBeVisible();
  await expect(page.getByRole('button', { name: '购买 翡翠园' })).toHaveCount(0);

  // The gift's order: 5 coins.
  await page.getByRole('radiogroup').getByText('订单', { exact: true }).click();
  await page.getByRole('button', { name: '支付 5 金币' }).click();
  await expect(page.getByText(/^已支付|^已完成/)).toBeVisible();

  await page.getByRole('radiogroup').getByText('金币', { exact: true }).click();
  await expect(balance).toHaveText('695');
  for (const kind of ['开通黄钻', '商城购买', '应用订单付款']) {
    await expect(page.getByText(kind, { exact: true })).toBeVisible();
  }
  // What was bought, by its catalog name; nothing in another language.
  await expect(page.getByText(/^翡翠园 · /)).toBeVisible();
  await page.mouse.move(0, 0);
  await tab.check('wallet-spent');
  tab.expectNoProblems();
});
