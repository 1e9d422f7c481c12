import { expect, test } from './support/fixtures';

test('a developer registers an app, adds a tester, and takes it through a rejection to the app center', async ({
  open,
  hostApi,
  admin,
}) => {
  const developer = await hostApi.newUser('dev');
  const tester = await hostApi.newUser('tester');
  const name = `星星农场 ${developer.username.slice(-4)}`;

  // Signed in on Kongjian, the console opens on "my apps" and offers to become a developer.
  const dev = await open(developer);
  const page = dev.page;
  await dev.goto('/console/');
  await expect(page).toHaveURL(/\/console\/apps$/);
  await expect(page.getByRole('heading', { name: '成为开发者' })).toBeVisible();
  await dev.check('console-become-developer');
  await page.getByRole('button', { name: '成为开发者' }).click();

  await page.getByRole('button', { name: '创建应用' }).click();
  await page.getByLabel('应用名称').fill(name);
  await page.getByLabel('简介').fill('种星星、收星星，和好友比谁的星星多。');
  await page.getByLabel('回调地址（每行一个）').fill('http://example.com/callback');
  await page
    .getByRole('radiogroup', { name: /profile:read/ })
    .getByText('必需')
    .click();
  await page
    .getByRole('radiogroup', { name: /friends:read/ })
    .getByText('可选')
    .click();
  await dev.check('console-create-app');
  // The rule is stated where the address is typed, and again by the host when it is broken.
  dev.expectError(/^400 POST \/developer\/apps$/);
  await page.getByRole('button', { name: '创建', exact: true }).click();
  await expect(page.getByText('这些内容填写有误：redirectUris')).toBeVisible();
  await page.getByLabel('回调地址（每行一个）').fill('http://127.0.0.1:8123/callback');
  await page.getByRole('button', { name: '创建', exact: true }).click();
  await expect(page.getByRole('heading', { name: `已创建 ${name}` })).toBeVisible();
  await expect(page.getByText(/Client Secret 密钥只显示这一次/)).toBeVisible();
  await page.getByRole('link', { name: '打开这个应用的设置' }).click();

  // A tester by username; a name nobody has is refused in words.
  await page.getByRole('link', { name: '测试者' }).click();
  dev.expectError(/^404 POST \/developer\/apps\/[^/]+\/testers$/);
  await page.getByLabel('用户名').fill('nobody-here');
  await page.getByRole('button', { name: '添加测试者' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('用户名').fill(tester.username);
  await page.getByRole('button', { name: '添加测试者' }).click();
  await expect(page.getByText(`@${tester.username}`)).toBeVisible();
  await dev.check('console-testers');

  await page.getByRole('link', { name: '版本与审核' }).click();
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('审核中')).toBeVisible();

  // The admin reads the queue and sends it back with a reason.
  const reviewer = await open(admin);
  await reviewer.goto('/console/');
  await expect(reviewer.page).toHaveURL(/\/console\/review$/);
  await reviewer.page.getByRole('link', { name: `${name} · 第 1 版` }).click();
  await expect(reviewer.page.getByText('第一次发布：下面的全部内容都会上线。')).toBeVisible();
  await reviewer.check('console-review-app');
  await reviewer.page.getByRole('button', { name: '不通过', exact: true }).click();
  const reject = reviewer.page.getByRole('dialog', { name: '不通过这个版本' });
  await reject.getByLabel('原因（对方会看到）').fill('请说明为什么需要好友列表');
  await reject.getByRole('button', { name: '不通过' }).click();
  await expect(reviewer.page.getByText('已退回给开发者')).toBeVisible();

  // The developer reads why, drops the permission in a new version and submits it again.
  await page.reload();
  await expect(page.getByText('审核没有通过：请说明为什么需要好友列表')).toBeVisible();
  await page.getByRole('button', { name: '开始新版本' }).click();
  const editor = page.getByRole('dialog', { name: '新版本' });
  await editor
    .getByRole('radiogroup', { name: /friends:read/ })
    .getByText('不需要')
    .click();
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('第 2 版')).toBeVisible();
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('已提交审核')).toBeVisible();

  await reviewer.goto('/console/review');
  await reviewer.page.getByRole('link', { name: `${name} · 第 2 版` }).click();
  await reviewer.page.getByRole('button', { name: '通过', exact: true }).click();
  await reviewer.page
    .getByRole('dialog', { name: '通过这个版本' })
    .getByRole('button', { name: '通过' })
    .click();
  await expect(reviewer.page.getByText('已通过', { exact: true })).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('已上线').first()).toBeVisible();
  await dev.check('console-versions');

  // Published: anyone finds it in the app center.
  const visitor = await open(await hostApi.newUser('visitor'));
  await visitor.goto('/app-center');
  await visitor.page.getByRole('searchbox', { name: '搜索应用' }).fill(name);
  await visitor.page.getByRole('searchbox', { name: '搜索应用' }).press('Enter');
  await expect(visitor.page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();

  for (const tab of [dev, reviewer, visitor]) tab.expectNoProblems();
});

test('the console in English, and a signed-out visitor sent to sign in and back', async ({
  open,
  hostApi,
}) => {
  const person = await hostApi.newUser('later');
  const tab = await open(undefined, { language: 'en' });
  await tab.goto('/console/apps');
  await expect(tab.page).toHaveURL(/\/login\?next=%2Fconsole%2Fapps/);
  await tab.page.getByLabel('Username').fill(person.username);
  await tab.page.getByLabel('Password').fill(person.password);
  await tab.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.page).toHaveURL(/\/console\/apps$/);
  await expect(tab.page.getByRole('heading', { name: 'Become a developer' })).toBeVisible();
  await tab.check('console-become-developer');
  tab.expectNoProblems();
});
