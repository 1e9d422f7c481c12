import { randomBytes } from 'node:crypto';
import { expect, test } from './support/fixtures';

// Each tab.check runs axe and screenshots at two widths; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 240_000 });

test('the badge counts a new friend request live; the notification says it in words and leads to it', async ({
  open,
  hostApi,
}) => {
  const a = await hostApi.newUser('nta');
  const b = await hostApi.newUser('ntb');
  const nickname = `小北${randomBytes(3).toString('hex')}`;
  await hostApi.request('PATCH', '/space/profile', { token: b.token, body: { nickname } });

  const tab = await open(a);
  const { page } = tab;
  await tab.goto('/');
  const bell = page.getByRole('link', { name: '通知' });
  await expect(bell).toBeVisible();
  await expect(bell.locator('.ant-badge-count')).toHaveCount(0);

  // B asks; A's badge shows it without a reload.
  await hostApi.request('POST', '/friend-requests', { token: b.token, body: { userId: a.id, note: '你好' } });
  await expect(bell.locator('.ant-badge-count')).toHaveText('1', { timeout: 8_000 });

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  const link = page.getByRole('link', { name: `${nickname} 请求加你为好友` });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/friends?tab=requests');
  await tab.check('notifications');

  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(bell.locator('.ant-badge-count')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '全部标为已读' })).toBeDisabled();
  const unread = await hostApi.request<{ count: number }>('GET', '/notifications/unread-count', {
    token: a.token,
  });
  expect(unread.count).toBe(0);

  await link.click();
  await expect(page).toHaveURL(/\/friends\?tab=requests$/);
  await expect(page.getByRole('listitem').filter({ hasText: nickname })).toContainText('你好');

  // A second one arrives while on another page, and opening it marks it read.
  const c = await hostApi.newUser('ntc');
  const other = `小西${randomBytes(3).toString('hex')}`;
  await hostApi.request('PATCH', '/space/profile', { token: c.token, body: { nickname: other } });
  await hostApi.request('POST', '/friend-requests', { token: c.token, body: { userId: a.id } });
  await expect(bell.locator('.ant-badge-count')).toHaveText('1', { timeout: 8_000 });
  await bell.click();
  await page.getByRole('link', { name: new RegExp(`^${other}.*请求加你为好友$`) }).click();
  await expect(page).toHaveURL(/\/friends\?tab=requests$/);
  await expect(bell.locator('.ant-badge-count')).toHaveCount(0);

  await tab.goto('/notifications');
  await tab.setLanguage('en');
  await expect(page.getByRole('link', { name: `${nickname} wants to be your friend` })).toBeVisible();
  await tab.check('notifications');
  tab.expectNoProblems();
});
