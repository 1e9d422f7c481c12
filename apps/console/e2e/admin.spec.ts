import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DESKTOP } from '@kongjian/browser-testing';
import { HostApi, HostProcess } from '@kongjian/testing';
import { CONSOLE_TEST_OPTIONS, expect, KjPage, test } from './support/fixtures';

test('an admin suspends a user, whose open session ends at once, lifts it and gives them a role; the audit log shows each', async ({
  open,
  hostApi,
  admin,
}) => {
  const member = await hostApi.newUser('member');
  const why = `刷广告 ${Math.random().toString(36).slice(2, 7)}`;

  // The member is using the web app in another browser.
  const web = await open(member);
  await web.goto('/');
  await expect(web.page.getByRole('button', { name: '我的账户' })).toHaveText(member.username);

  const tab = await open(admin);
  const { page } = tab;
  await tab.goto('/console/users');
  await page.getByRole('searchbox', { name: '按用户名或昵称查找用户' }).fill(member.username);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').nth(1)).toContainText('用户');
  await tab.check('console-users');

  await page.getByRole('link', { name: member.username, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(member.username);
  await expect(page.getByText('正常，没有被冻结。')).toBeVisible();
  await tab.check('console-user');

  // From now on the member's session is refused (their live notifications too, as soon as they reconnect).
  web.expectError(/^401 GET \//);
  web.expectError(/^403 POST \/sessions$/);
  await page.getByRole('button', { name: '冻结账号' }).click();
  const suspend = page.getByRole('dialog', { name: `冻结 ${member.username} 的账号` });
  await suspend.getByRole('button', { name: '冻结账号' }).click();
  await expect(suspend.getByText('请写明原因')).toBeVisible();
  await suspend.getByLabel('原因（记入操作记录，对方只会知道账号被冻结）').fill(why);
  await suspend.getByRole('button', { name: '冻结账号' }).click();
  await expect(suspend).toHaveCount(0);
  await expect(page.getByText(`被 ${admin.username} 冻结`)).toBeVisible();
  await expect(page.getByText(`原因：${why}`)).toBeVisible();
  await expect(page.getByText('已冻结', { exact: true })).toBeVisible();
  await tab.check('console-user-suspended');

  // The member's next step in the web app sends them to sign in, where the account is refused.
  await web.page.getByRole('link', { name: '好友' }).click();
  await expect(web.page).toHaveURL(/\/login\?next=%2Ffriends$/);
  await web.page.getByLabel('用户名').fill(member.username);
  await web.page.getByLabel('密码').fill(member.password);
  await web.page.getByRole('button', { name: '登录' }).click();
  await expect(web.page.getByRole('alert')).toHaveText('这个账号已被冻结。');

  await page.getByRole('link', { name: '操作记录', exact: true }).click();
  const suspension = page.getByRole('row').filter({ hasText: why });
  await expect(suspension).toContainText('冻结了账号');
  await expect(suspension).toContainText(admin.username);
  await expect(
    suspension.getByRole('link', { name: `${member.username} @${member.username}` }),
  ).toBeVisible();
  await tab.check('console-audit');

  await suspension.getByRole('link', { name: `${member.username} @${member.username}` }).click();
  await page.getByRole('button', { name: '解除冻结' }).click();
  const lift = page.getByRole('dialog', { name: `解除 ${member.username} 的冻结` });
  await lift.getByLabel('备注（选填，记入操作记录）').fill('申诉通过');
  await lift.getByRole('button', { name: '解除冻结' }).click();
  await expect(page.getByText('正常，没有被冻结。')).toBeVisible();

  await web.page.getByRole('button', { name: '登录' }).click();
  await expect(web.page).toHaveURL(`${web.baseUrl}/friends`);
  await expect(web.page.getByRole('button', { name: '我的账户' })).toHaveText(member.username);

  await page.getByRole('checkbox', { name: '开发者' }).check();
  await page.getByRole('button', { name: '保存身份' }).click();
  await expect(page.getByText('开发者', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '保存身份' })).toBeDisabled();

  // The member's own history, newest first: the role, the lifted suspension, the suspension.
  await page.getByRole('link', { name: '这个用户的操作记录' }).click();
  await expect(page.getByText(`只看对 @${member.username} 的操作`)).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('把身份从 用户 改为 用户、开发者');
  await expect(rows.nth(2)).toContainText('解除了账号冻结');
  await expect(rows.nth(2)).toContainText('申诉通过');
  await expect(rows.nth(3)).toContainText('冻结了账号');
  await tab.check('console-audit-user');

  // Only suspensions, of anyone.
  await page.getByRole('button', { name: '看所有对象的' }).click();
  await expect(page.getByText(`只看对 @${member.username} 的操作`)).toBeHidden();
  await page.getByRole('combobox', { name: '操作' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '冻结账号' }).click();
  await expect(page).toHaveURL(/[?&]action=user\.suspend/);
  await expect(page.getByRole('row').filter({ hasText: why })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '解除了账号冻结' })).toHaveCount(0);
  // Up to a day long before this host existed: nothing.
  await page.getByRole('textbox', { name: '到', exact: true }).fill('2020-01-01');
  await expect(page.getByText('没有符合条件的操作记录。')).toBeVisible();

  for (const opened of [tab, web]) opened.expectNoProblems();
});

test('an admin cannot take away their own admin role, and is told why; the plugins run', async ({
  open,
  admin,
}) => {
  const tab = await open(admin);
  const { page } = tab;
  tab.expectError(/^400 PUT \/admin\/users\/[^/]+\/roles$/);
  await tab.goto(`/console/users?q=${admin.username}`);
  await page.getByRole('link', { name: admin.username, exact: true }).click();
  await expect(page.getByText('不能冻结自己的账号。')).toBeVisible();
  await page.getByRole('checkbox', { name: '管理员' }).uncheck();
  await page.getByRole('button', { name: '保存身份' }).click();
  await expect(page.getByRole('alert')).toHaveText('不能去掉自己的管理员身份，请另一位管理员来做。');
  await tab.check('console-user-own-admin');

  await page.getByRole('link', { name: '运行状况' }).click();
  await expect(page.getByRole('heading', { name: '内置插件' })).toBeVisible();
  await expect(page.getByText('运行中')).toHaveCount(3);
  await tab.check('console-operations');
  tab.expectNoProblems();
});

test('the operations page in English: the built-in plugins with their breakers, and healthy webhooks', async ({
  open,
  admin,
}) => {
  const tab = await open(admin, { language: 'en' });
  const { page } = tab;
  await tab.goto('/console/operations');
  await expect(page.getByRole('heading', { name: 'Operations', level: 1 })).toBeVisible();
  for (const name of ['礼物 Gifts', '投票 Polls', 'QQ农场 Farm']) {
    const card = page
      .locator('.kj-plugin-grid > .ant-card')
      .filter({ has: page.getByRole('heading', { name, level: 3 }) });
    await expect(card.getByText('Running')).toBeVisible();
  }
  await expect(page.getByText("All apps' webhooks are healthy.")).toBeVisible();
  await tab.check('console-operations');

  // Taking a plugin out of service needs a reason, which the card then shows; enabling brings it back.
  const gifts = page
    .locator('.kj-plugin-grid > .ant-card')
    .filter({ has: page.getByRole('heading', { name: '礼物 Gifts', level: 3 }) });
  await gifts.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take 礼物 Gifts out of service on every server?' });
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(dialog.getByText('Give the reason')).toBeVisible();
  await dialog.getByRole('textbox').fill('Gift prices are wrong until the fix ships');
  await tab.check('console-plugin-disable');
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(dialog).toBeHidden();
  await expect(gifts.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(gifts.getByText(/^Disabled by an admin on .+, because:/)).toBeVisible();
  await expect(gifts.getByText('Gift prices are wrong until the fix ships')).toBeVisible();
  await tab.check('console-plugin-disabled');
  await gifts.getByRole('button', { name: 'Enable' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Enable' }).click();
  await expect(gifts.getByText('Running')).toBeVisible();

  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Nickname' })).toBeVisible();
  await tab.check('console-users');
  await page.getByRole('searchbox', { name: 'Find users by username or nickname' }).fill('xiaoming');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'xiaoming', exact: true }).click();
  await expect(page.getByText('Active, not suspended.')).toBeVisible();
  await tab.check('console-user');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await tab.check('console-audit');
  tab.expectNoProblems();
});

test('a signed-in non-admin sees no admin pages, and is kept out of them', async ({ open, hostApi }) => {
  const tab = await open(await hostApi.newUser('curious'));
  const { page } = tab;
  await tab.goto('/console/users');
  await expect(page.getByText('只有管理员能看这一页')).toBeVisible();
  const nav = page.getByRole('navigation', { name: '控制台导航' });
  await expect(nav.getByRole('link', { name: '我的应用' })).toBeVisible();
  for (const name of ['用户', '操作记录', '运行状况', '应用审核']) {
    await expect(nav.getByRole('link', { name })).toHaveCount(0);
  }
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await tab.check('console-users-forbidden');
  tab.expectNoProblems();
});

test('operations with a failing webhook: the app, its URL, since when and the last error, in both languages', async ({
  browser,
}) => {
  // A host of its own that gives up on a webhook after 2 s instead of a day (and nothing else differs), so a
  // real delivery really fails and the app really shows as failing.
  const login = `ops-admin:${randomBytes(12).toString('hex')}`;
  const host = await HostProcess.start({
    KONGJIAN_CONSOLE_DIR: fileURLToPath(new URL('../dist', import.meta.url)),
    KONGJIAN_WEB_DIR: fileURLToPath(new URL('../../web/dist', import.meta.url)),
    KONGJIAN_DEV_MODE: 'true',
    KONGJIAN_WEBHOOK_RETRY_SECONDS: '2',
    KONGJIAN_ADMIN: login,
  });
  const receiver = http.createServer((_request, response) =>
    response.writeHead(503, { 'content-type': 'text/plain' }).end('Receiver down: upstream connect error'),
  );
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const api = new HostApi(host.baseUrl);
    const [username, password] = login.split(':') as [string, string];
    const admin = await api.request<{ token: string }>('POST', '/sessions', { body: { username, password } });
    const developer = await api.newUser('dev');
    const name = 'Farm with a broken receiver';
    const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kongjian/webhooks/a-rather-long-path-that-must-wrap-on-a-phone`;
    const app = await api.newApp(developer, {
      name,
      redirectUris: ['https://example.com/callback'],
      scopes: ['profile:read'],
      webhookUrl,
    });
    await api.request('POST', `/developer/apps/${app.id}/webhook/test`, {
      token: developer.token,
      expected: 202,
    });
    await expect
      .poll(
        async () =>
          (
            await api.request<{ items: { appId: string }[] }>('GET', '/admin/webhooks/unhealthy', {
              token: admin.token,
            })
          ).items.map((item) => item.appId),
        { timeout: 30_000 },
      )
      .toContain(app.id);

    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en', reducedMotion: 'reduce' });
    await context.addCookies([{ name: 'kj_session', value: admin.token, url: host.baseUrl, httpOnly: true }]);
    await context.addInitScript(() => {
      if (!localStorage.getItem('kongjian.language')) localStorage.setItem('kongjian.language', 'en');
    });
    const tab = new KjPage(await context.newPage(), host.baseUrl, CONSOLE_TEST_OPTIONS);
    const { page } = tab;
    await tab.goto('/console/operations');
    const row = page.getByRole('row').filter({ hasText: name });
    // The whole message, not just "503": the receiver's random port in the URL beside it may contain 503 too.
    const lastError = /^The receiver answered 503: Receiver down/;
    await expect(row.getByRole('link', { name })).toHaveAttribute('href', `/console/review/apps/${app.id}`);
    await expect(row.getByText(webhookUrl)).toBeVisible();
    await expect(row.getByText(lastError)).toBeVisible();
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await expect(page.getByText("All apps' webhooks are healthy.")).toHaveCount(0);
    await tab.check('console-operations-failing-webhook');
    await tab.setLanguage('zh-CN');
    await expect(page.getByRole('heading', { name: '运行状况', level: 1 })).toBeVisible();
    await expect(row.getByText(lastError)).toBeVisible();
    await tab.check('console-operations-failing-webhook');
    tab.expectNoProblems();
    await context.close();
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await host.stop();
  }
});
