import { PHONE } from '@kongjian/browser-testing';
import { expect, test } from './support/fixtures';

// Each journey checks several pages at two widths and in two languages: more than 90 s on a busy machine.
test.describe.configure({ timeout: 300_000 });

test('a new person finds polls, installs it, opens it, rates it and uninstalls it', async ({
  open,
  hostApi,
}) => {
  const user = await hostApi.newUser('apps');
  const tab = await open(user);
  const { page } = tab;

  await tab.goto('/app-center');
  await expect(page.getByRole('heading', { name: '应用中心', level: 1 })).toBeVisible();
  await expect(page.getByText('还没有添加应用')).toBeVisible();
  // The built-ins are published apps of the center.
  for (const name of ['投票 Polls', '礼物 Gifts', 'QQ农场 Farm']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await tab.check('app-center');

  await page.getByRole('searchbox', { name: '搜索应用' }).fill('Polls');
  await page.getByRole('searchbox', { name: '搜索应用' }).press('Enter');
  await expect(page.getByRole('link', { name: 'QQ农场 Farm' })).toHaveCount(0);
  await page.getByRole('link', { name: '投票 Polls', exact: true }).click();

  await expect(page.getByRole('heading', { name: '投票 Polls', level: 1 })).toBeVisible();
  await expect(page.getByText('查看哪些好友也在用这个应用')).toBeVisible();
  await expect(page.getByText('为你保存它自己的数据（设置、游戏存档）')).toBeVisible();
  await expect(page.getByText('friends:read')).toHaveCount(0);
  await tab.check('app-detail');

  await page.getByRole('button', { name: '同意并添加' }).click();
  await expect(page.getByRole('heading', { name: '已添加' })).toBeVisible();
  await expect(page.getByText('你已允许它：')).toBeVisible();

  await page.getByRole('button', { name: '打开应用' }).click();
  await expect(page).toHaveURL(/\/play\//);
  const frame = page.getByTitle('投票 Polls 应用画面');
  await expect(frame).toHaveAttribute('src', /\/apps\/polls\/\?launch_token=/);
  await expect(page.frameLocator('iframe').getByRole('heading', { name: /投票/ })).toBeVisible();
  // tab.check (axe-core) does not return on a page holding a plugin canvas; see the report. A screenshot instead.
  await tab.screenshot('canvas');

  await page.getByRole('link', { name: '应用详情' }).click();
  await page.getByRole('button', { name: '5 星' }).click();
  await expect(page.getByRole('button', { name: '5 星' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('已评 5 星，谢谢！')).toBeVisible();
  await expect(page.getByText(/5\.0 分/)).toBeVisible();

  await page.getByRole('button', { name: '卸载 投票 Polls' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '卸载' }).click();
  await expect(page).toHaveURL(/\/app-center$/);
  await expect(page.getByText('还没有添加应用')).toBeVisible();

  await tab.setLanguage('en');
  await expect(page.getByRole('heading', { name: 'App center', level: 1 })).toBeVisible();
  await tab.check('app-center');
  await page.getByRole('link', { name: '投票 Polls', exact: true }).click();
  await expect(page.getByText('See which of your friends also use this app')).toBeVisible();
  await tab.check('app-detail');
  tab.expectNoProblems();
});

test('a demo person opens the farm from my apps', async ({ open, demoUser }) => {
  const lilei = await demoUser('lilei');
  const tab = await open(lilei, { language: 'en' });
  const { page } = tab;
  await tab.goto('/app-center');
  await page.getByRole('link', { name: 'Open QQ农场 Farm' }).click();
  await expect(page.getByRole('heading', { name: 'QQ农场 Farm', level: 1 })).toBeVisible();
  await expect(page.frameLocator('iframe').getByRole('heading', { name: /QQ农场/ })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 760 });
  await tab.screenshot('canvas-farm');
  tab.expectNoProblems();
});

test('inviting a friend to an installed app', async ({ open, hostApi }) => {
  const [me, friend, player] = [
    await hostApi.newUser('inviter'),
    await hostApi.newUser('invitee'),
    await hostApi.newUser('player'),
  ];
  await hostApi.befriend(me, friend);
  await hostApi.befriend(me, player);
  const apps = await hostApi.request<{ items: { id: string; builtIn: boolean }[] }>(
    'GET',
    '/app-center/apps?q=Polls',
    { token: me.token },
  );
  const polls = apps.items.find((app) => app.builtIn)!;
  for (const user of [me, player]) {
    await hostApi.request('POST', `/app-center/apps/${polls.id}/install`, {
      token: user.token,
      body: {},
      expected: 200,
    });
  }
  const tab = await open(me);
  const { page } = tab;
  await tab.goto(`/app-center/${polls.id}`);
  await page.getByRole('button', { name: '邀请好友' }).click();
  const dialog = page.getByRole('dialog');
  // A friend who plays already is not offered.
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await dialog.getByRole('checkbox', { name: friend.username }).check();
  await dialog.getByRole('button', { name: /发送邀请/ }).click();
  await expect(dialog.getByText('已邀请 1 位好友，今天还能邀请 19 次。')).toBeVisible();
  // Invited: marked, and not offered again, since asking again would send nothing.
  await expect(dialog.getByText('已邀请，等对方加入')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: friend.username })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: /发送邀请/ })).toBeDisabled();
  await tab.check('app-invite-sent');
  tab.expectNoProblems();

  // In English, on a phone: the same dialog once the invite is sent.
  const english = await open(me, { language: 'en', viewport: PHONE });
  await english.goto(`/app-center/${polls.id}`);
  await english.page.getByRole('button', { name: 'Invite friends' }).click();
  const inEnglish = english.page.getByRole('dialog', { name: 'Invite friends to 投票 Polls' });
  await expect(inEnglish.getByText('Invited, not joined yet')).toBeVisible();
  await english.check('app-invite-pending');
  english.expectNoProblems();

  // The friend was told once, and the invite opens the app's page in the app center.
  const friendTab = await open(friend, { language: 'en' });
  await friendTab.goto('/notifications');
  const invitation = friendTab.page.getByRole('link', {
    name: `${me.username} invited you to play 投票 Polls`,
  });
  await expect(invitation).toHaveCount(1);
  await invitation.click();
  await expect(friendTab.page).toHaveURL(new RegExp(`/app-center/${polls.id}$`));
  await expect(friendTab.page.getByRole('heading', { name: '投票 Polls', level: 1 })).toBeVisible();
  friendTab.expectNoProblems();
});

test('an app upgrade asks for a new permission: marked new, apart from what was allowed, and then the app has it', async ({
  open,
  hostApi,
  admin,
}) => {
  const [person, developer] = [await hostApi.newUser('upgrader'), await hostApi.newUser('maker')];
  const redirectUris = ['https://garden.example/callback'];
  const app = await hostApi.newApp(developer, {
    name: 'Garden 花园',
    redirectUris,
    scopes: ['profile:read', 'storage'],
    optionalScopes: ['storage'],
  });
  await hostApi.publishVersion(developer, admin, app);
  // The person added it, leaving out the optional storage.
  await hostApi.request('POST', `/app-center/apps/${app.id}/install`, {
    token: person.token,
    body: { declinedScopes: ['storage'] },
    expected: 200,
  });
  // Version 2 also posts stories, and may see friends who use it if the person lets it.
  await hostApi.request('POST', `/developer/apps/${app.id}/versions`, {
    token: developer.token,
    body: {
      redirectUris,
      scopes: ['profile:read', 'storage', 'feed:write', 'friends:read'],
      optionalScopes: ['storage', 'friends:read'],
    },
  });
  await hostApi.publishVersion(developer, admin, app, 2);

  const tab = await open(person);
  const { page } = tab;
  await tab.goto(`/app-center/${app.id}`);
  const upgrade = page.getByRole('alert').filter({ hasText: 'Garden 花园 的新版本需要更多权限' });
  await expect(upgrade.getByText('你上次允许之后新增的')).toBeVisible();
  const asked = upgrade.getByRole('list').first().getByRole('listitem');
  await expect(asked).toHaveCount(2);
  await expect(asked.filter({ hasText: '把这个应用里的动态发到你的好友动态' })).toContainText('新增');
  await expect(asked.filter({ hasText: '查看哪些好友也在用这个应用' })).toContainText('新增');
  await expect(upgrade.getByText('已经允许过的')).toBeVisible();
  const before = upgrade.getByRole('list').nth(1).getByRole('listitem');
  await expect(before).toHaveText(['查看你的昵称、头像、等级和黄钻身份']);
  await expect(before).not.toContainText('新增');
  // What the person left out before is not asked again.
  await expect(upgrade).not.toContainText('为你保存它自己的数据');
  await tab.check('app-upgrade');

  await tab.setLanguage('en');
  const inEnglish = page.getByRole('alert').filter({ hasText: 'A new version of Garden 花园 asks for more' });
  await expect(inEnglish.getByText('New since you last allowed this app')).toBeVisible();
  await expect(
    inEnglish.getByRole('listitem').filter({ hasText: "Post stories from this app to your friends' feed" }),
  ).toContainText('New');
  await expect(inEnglish.getByText('Already allowed')).toBeVisible();
  await tab.check('app-upgrade');

  // The person lets it post, but not see their friends.
  await inEnglish.getByRole('checkbox', { name: /See which of your friends also use this app/ }).uncheck();
  await inEnglish.getByRole('button', { name: 'Allow the new permissions' }).click();
  await expect(inEnglish).toHaveCount(0);
  const allowed = page.getByRole('listitem');
  await expect(allowed.filter({ hasText: "Post stories from this app to your friends' feed" })).toBeVisible();
  await expect(allowed.filter({ hasText: 'See which of your friends also use this app' })).toHaveCount(0);
  await expect(allowed.filter({ hasText: 'Keep its own data for you' })).toHaveCount(0);

  // The host says the same: the app may now post for the person, and has nothing they refused.
  const detail = await hostApi.request<{
    installation: { scopes: { scope: string }[]; pendingScopes: unknown[] };
  }>('GET', `/app-center/apps/${app.id}`, { token: person.token });
  expect(detail.installation.scopes.map((one) => one.scope).sort()).toEqual(['feed:write', 'profile:read']);
  expect(detail.installation.pendingScopes).toEqual([]);
  tab.expectNoProblems();
});
