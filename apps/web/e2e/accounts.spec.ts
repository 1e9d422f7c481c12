import { randomBytes } from 'node:crypto';
import { expect, test } from './support/fixtures';

test('a new person signs up, signs out and signs in again', async ({ open }) => {
  const tab = await open(undefined);
  const { page } = tab;
  const username = `newbie_${randomBytes(3).toString('hex')}`;

  await tab.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await expect(page.getByRole('heading', { name: '登录空间' })).toBeVisible();
  await tab.check('sign-in');

  await page.getByRole('link', { name: '立即注册' }).click();
  // The sign-up page is its own chunk: typing before it shows would type into the sign-in form it replaces.
  await expect(page.getByRole('heading', { name: '注册空间账号' })).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('short');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('至少 8 个字符').last()).toBeVisible();
  await page.getByLabel('密码').fill('a good password');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL(tab.baseUrl + '/');
  await expect(page.getByRole('button', { name: '我的账户' })).toHaveText(username);

  await page.getByRole('button', { name: '我的账户' }).click();
  await expect(page.getByRole('link', { name: '设置' })).toBeVisible();
  await tab.check('account-menu');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  tab.expectError(/^401 POST \/sessions$/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不对。');
  await expect(page.getByLabel('用户名')).toHaveValue(username);

  await page.getByLabel('密码').fill('a good password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '我的账户' })).toHaveText(username);
  tab.expectNoProblems();
});

test('the sign-in page speaks English once chosen, and remembers it', async ({ open }) => {
  const tab = await open(undefined);
  const { page } = tab;
  await tab.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Kongjian' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Kongjian' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await tab.check('sign-in');
  tab.expectNoProblems();
});

test('a page opened while signed out comes back after signing in', async ({ open, hostApi }) => {
  const user = await hostApi.newUser('returner');
  const tab = await open(undefined, { language: 'en' });
  const { page } = tab;
  await tab.goto('/friends');
  await expect(page).toHaveURL(/\/login\?next=%2Ffriends$/);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${tab.baseUrl}/friends`);
  tab.expectNoProblems();
});
