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
  // The badge clears at once (optimistic); the host confirms a moment later.
  await expect
    .poll(
      async () =>
        (await hostApi.request<{ count: number }>('GET', '/notifications/unread-count', { token: a.token }))
          .count,
    )
    .toBe(0);

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

test("a developer's news about their app opens the app's versions in the console, with a full page load", async ({
  open,
  hostApi,
  admin,
}) => {
  const developer = await hostApi.newUser('ntdev');
  const name = `作坊${randomBytes(3).toString('hex')}`;
  const manifest = { redirectUris: ['https://app.example/cb'], scopes: ['profile:read'] };
  const app = await hostApi.newApp(developer, { ...manifest, name });
  await hostApi.publishVersion(developer, admin, app);
  const decide = (path: string, body: object) =>
    hostApi.request('POST', `/admin/apps/${app.id}/${path}`, { token: admin.token, body, expected: 200 });
  await hostApi.request('POST', `/developer/apps/${app.id}/versions`, {
    token: developer.token,
    body: { ...manifest, versionName: '1.1' },
  });
  await hostApi.request('POST', `/developer/apps/${app.id}/versions/2/submit`, {
    token: developer.token,
    expected: 200,
  });
  await decide('versions/2/reject', { reason: '图标太模糊' });
  await decide('suspend', { reason: '收到投诉' });
  await decide('reinstate', {});

  const tab = await open(developer);
  const { page } = tab;
  await tab.goto('/notifications');
  const consolePage = `/console/apps/${app.id}?tab=versions`;
  const sentences = [
    `「${name}」已恢复使用`,
    `「${name}」已被停用：收到投诉`,
    `「${name}」的第 2 版未通过审核：图标太模糊`,
    `「${name}」的第 1 版已通过审核，现在可以发布了`,
  ];
  for (const sentence of sentences) {
    await expect(page.getByRole('link', { name: sentence })).toHaveAttribute('href', consolePage);
  }
  await tab.check('notifications-developer');

  // The console is another app (not built for these journeys): a stand-in page shows the browser went there.
  const loads: string[] = [];
  await page.route('**/console/apps/**', (route) => {
    if (route.request().isNavigationRequest()) loads.push(new URL(route.request().url()).pathname);
    return route.fulfill({ contentType: 'text/html', body: '<title>Console</title><h1>Console</h1>' });
  });
  await page.getByRole('link', { name: sentences[1] }).click();
  await expect(page).toHaveURL(new RegExp(`/console/apps/${app.id}\\?tab=versions$`));
  expect(loads).toEqual([`/console/apps/${app.id}`]);
  // It was marked read before the page changed.
  const listed = await hostApi.request<{ items: { kind: string; read: boolean }[] }>(
    'GET',
    '/notifications',
    {
      token: developer.token,
    },
  );
  expect(listed.items.filter((item) => item.read).map((item) => item.kind)).toEqual(['app_suspended']);

  await tab.goto('/notifications');
  await tab.setLanguage('en');
  for (const sentence of [
    `${name} is no longer suspended`,
    `${name} was suspended: 收到投诉`,
    `Version 2 of ${name} was not approved: 图标太模糊`,
    `Version 1 of ${name} was approved: you can publish it now`,
  ]) {
    await expect(page.getByRole('link', { name: sentence })).toHaveAttribute('href', consolePage);
  }
  await tab.check('notifications-developer');
  tab.expectNoProblems();
});
