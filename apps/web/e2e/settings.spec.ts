import { expect, test } from './support/fixtures';

// Each tab.check runs axe and screenshots at two widths; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 240_000 });

test('password change signs other devices out; sessions can be ended; the default audience is kept', async ({
  open,
  hostApi,
}) => {
  const user = await hostApi.newUser('set');
  const login = (password: string, expected = 201) =>
    hostApi.request<{ token: string }>('POST', '/sessions', {
      body: { username: user.username, password },
      expected,
    });
  const phone = (await login(user.password)).token;
  const laptop = (await login(user.password)).token;

  const tab = await open(user);
  const { page } = tab;
  await tab.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByRole('link', { name: '去我的空间编辑资料' })).toHaveAttribute(
    'href',
    `/u/${user.username}`,
  );
  const sessions = page.getByRole('listitem').filter({ hasText: /最近使用|Last used/ });
  await expect(sessions).toHaveCount(3);
  await expect(sessions.first()).toContainText('本机');
  await tab.check('settings');

  // End one session from the list: its token stops working.
  await sessions.nth(1).getByRole('button', { name: '下线' }).click();
  await expect(page.getByText('该设备已下线')).toBeVisible();
  await expect(sessions).toHaveCount(2);
  const stillSignedIn = await Promise.all(
    [phone, laptop].map((token) =>
      fetch(new URL('/account', tab.baseUrl), { headers: { authorization: `Bearer ${token}` } }).then(
        (response) => response.status,
      ),
    ),
  );
  expect(stillSignedIn.sort()).toEqual([200, 401]);

  // A wrong current password is said in words and what was typed stays.
  tab.expectError(/^422 PUT \/account\/password$/);
  await page.getByLabel('当前密码').fill('not my password');
  await page.getByLabel('新密码', { exact: true }).fill('a brand new password');
  await page.getByLabel('再次输入新密码').fill('a brand new password');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '当前密码不对。' })).toBeVisible();
  await expect(page.getByLabel('新密码', { exact: true })).toHaveValue('a brand new password');

  await page.getByLabel('当前密码').fill(user.password);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改。其他设备上的登录已全部退出')).toBeVisible();
  await expect(sessions).toHaveCount(1);
  for (const token of [phone, laptop]) {
    await hostApi.request('GET', '/account', { token, expected: 401 });
  }
  await login(user.password, 401);
  await login('a brand new password');

  // The default audience for new posts, saved and still there after a reload.
  await page.getByLabel('谁可以看').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '仅自己可见' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.locator('.ant-select').filter({ hasText: '仅自己可见' })).toBeVisible();
  const account = await hostApi.request<{ defaultPrivacy: string }>('GET', '/account', { token: user.token });
  expect(account.defaultPrivacy).toBe('private');

  await tab.setLanguage('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('This device')).toBeVisible();
  await tab.check('settings');
  tab.expectNoProblems();
});
