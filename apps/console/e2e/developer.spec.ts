import sharp from 'sharp';
import { expect, test } from './support/fixtures';
import { prepareLuckyDraw } from './support/lucky-draw';

/** Where the app says its canvas is; the browser is given the app's page there (see the reviewer's try). */
const CANVAS_URL = 'http://127.0.0.1:8123/canvas';

const journey = test.extend<{ luckyDraw: Awaited<ReturnType<typeof prepareLuckyDraw>> }>({
  // eslint-disable-next-line no-empty-pattern
  luckyDraw: async ({}, use) => {
    const luckyDraw = await prepareLuckyDraw();
    await use(luckyDraw);
    await luckyDraw.stop();
  },
});

journey(
  'a developer registers an app with an icon, a tester signs in through it, and it goes through a rejection to the app center',
  async ({ open, hostApi, admin, baseUrl, luckyDraw }) => {
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
    for (const [scope, choice] of [
      ['friends:read', '必需'],
      ['feed:write', '必需'],
      ['storage', '可选'],
      ['gifts:send', '可选'],
    ]) {
      await page
        .getByRole('radiogroup', { name: new RegExp(scope!) })
        .getByText(choice!)
        .click();
    }
    await page.getByLabel('应用页面地址（选填）').fill(CANVAS_URL);
    await dev.check('console-create-app');
    // The rule is stated where the address is typed, and again by the host when it is broken.
    dev.expectError(/^400 POST \/developer\/apps$/);
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await expect(page.getByText('这些内容填写有误：redirectUris')).toBeVisible();
    await page.getByLabel('回调地址（每行一个）').fill(`${luckyDraw.url}/callback`);
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await expect(page.getByRole('heading', { name: `已创建 ${name}` })).toBeVisible();
    await expect(page.getByText(/Client Secret 密钥只显示这一次/)).toBeVisible();
    // The real app (Lucky Draw, installed from the packed SDK) runs with what the console shows.
    const clientId = await page.locator('code', { hasText: /^kjc_/ }).innerText();
    const firstSecret = await page.locator('code', { hasText: /^kjs_/ }).innerText();
    await luckyDraw.start(baseUrl, clientId, firstSecret);

    // The icon right after creating: a wide PNG, which the host cuts to a square.
    const icon = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#f5a623' } })
      .png()
      .toBuffer();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'icon.png', mimeType: 'image/png', buffer: icon });
    await expect(page.getByText('图标已更新')).toBeVisible();
    await expect(page.getByRole('img', { name: `${name} 的图标` })).toHaveJSProperty('naturalWidth', 256);
    await dev.check('console-app-created');
    await page.getByRole('link', { name: '打开这个应用的设置' }).click();

    // A tester by username; a name nobody has is refused in words.
    await page.getByRole('link', { name: '测试者' }).click();
    dev.expectError(/^404 POST \/developer\/apps\/[^/]+\/testers$/);
    await page.getByLabel('用户名').fill('nobody-here');
    await page.getByRole('button', { name: '添加测试者' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: '没有这个用户名的用户，请检查拼写。' }),
    ).toBeVisible();
    await page.getByLabel('用户名').fill(tester.username);
    await page.getByRole('button', { name: '添加测试者' }).click();
    await expect(page.getByText(`@${tester.username}`)).toBeVisible();
    await dev.check('console-testers');

    // The tester signs in through the app while it is still in development; nobody else can.
    const testerTab = await open(tester);
    await testerTab.page.goto(luckyDraw.url);
    await testerTab.page.getByRole('link', { name: 'Sign in with Kongjian' }).click();
    await expect(testerTab.page.getByText(`你已登录为 ${tester.username}。「${name}」想要：`)).toBeVisible();
    await testerTab.page.getByRole('button', { name: '允许', exact: true }).click();
    await expect(testerTab.page.getByText(`Hello, ${tester.username}!`)).toBeVisible();
    // A draw reads the tester's profile and friends through the Open API with the app's token.
    await testerTab.page.getByRole('button', { name: 'Draw a lucky friend' }).click();
    await expect(testerTab.page.getByRole('status')).toHaveText(/None of your friends plays Lucky Draw yet/);
    const outsider = await open(await hostApi.newUser('outsider'));
    await outsider.page.goto(luckyDraw.url);
    await outsider.page.getByRole('link', { name: 'Sign in with Kongjian' }).click();
    await expect(outsider.page.getByText(/only its developers and testers may use it/)).toBeVisible();

    await page.getByRole('link', { name: '版本与审核' }).click();
    await page.getByRole('button', { name: '提交审核' }).click();
    const submit = page.getByRole('dialog', { name: '提交第 1 版审核' });
    await submit.getByLabel('给审核员的说明（可选）').fill('好友列表用来挑选一起种星星的伙伴。');
    await dev.check('console-submit-dialog');
    await submit.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByText('审核中')).toBeVisible();
    await expect(page.getByText('给审核员的说明：好友列表用来挑选一起种星星的伙伴。')).toBeVisible();

    // The admin reads the queue and sends it back with a reason.
    const reviewer = await open(admin);
    await reviewer.goto('/console/');
    await expect(reviewer.page).toHaveURL(/\/console\/review$/);
    await expect(reviewer.page.getByRole('link', { name: `${name} · 第 1 版` })).toBeVisible();
    await reviewer.check('console-review-queue');
    await reviewer.page.getByRole('link', { name: `${name} · 第 1 版` }).click();
    await expect(reviewer.page.getByText('好友列表用来挑选一起种星星的伙伴。').first()).toBeVisible();
    // The changes are the host's diff: with nothing published, everything the version asks for is new.
    await expect(reviewer.page.getByText('第一次发布：下面的全部内容都会上线。')).toBeVisible();
    await expect(reviewer.page.getByText('新增可选权限：以你的名义给好友送礼物')).toBeVisible();
    await reviewer.check('console-review-app');

    // The reviewer tries the version like a tester: adds the app in the web app and opens its canvas.
    const tryLink = reviewer.page.getByRole('link', { name: '以测试者身份打开应用页面' });
    await expect(tryLink).toHaveAttribute('target', '_blank');
    await reviewer.page.route(`${CANVAS_URL}?*`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Canvas</title><h1>Star farm</h1>',
      }),
    );
    await reviewer.goto((await tryLink.getAttribute('href'))!);
    await reviewer.page.getByRole('button', { name: '同意并添加' }).click();
    await reviewer.page.getByRole('button', { name: '打开第 1 版（测试）' }).click();
    await expect(reviewer.page.locator('iframe')).toHaveAttribute(
      'src',
      new RegExp(`^${CANVAS_URL}\\?launch_token=`),
    );
    await expect(
      reviewer.page.frameLocator('iframe').getByRole('heading', { name: 'Star farm' }),
    ).toBeVisible();
    await reviewer.goto('/console/review');
    await reviewer.page.getByRole('link', { name: `${name} · 第 1 版` }).click();
    await reviewer.page.getByRole('button', { name: '不通过', exact: true }).click();
    const reject = reviewer.page.getByRole('dialog', { name: '不通过这个版本' });
    await reject.getByLabel('原因（对方会看到）').fill('请说明为什么要替用户送礼物');
    await reject.getByRole('button', { name: '不通过' }).click();
    await expect(reviewer.page.getByText('已退回给开发者')).toBeVisible();

    // The developer reads why, drops the permission in a new version and submits it again.
    await page.reload();
    await expect(page.getByText('审核没有通过：请说明为什么要替用户送礼物')).toBeVisible();
    await page.getByRole('button', { name: '开始新版本' }).click();
    const editor = page.getByRole('dialog', { name: '新版本' });
    await editor
      .getByRole('radiogroup', { name: /gifts:send/ })
      .getByText('不需要')
      .click();
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('第 2 版')).toBeVisible();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page
      .getByRole('dialog', { name: '提交第 2 版审核' })
      .getByRole('button', { name: '提交审核' })
      .click();
    await expect(page.getByText('已提交审核')).toBeVisible();

    await reviewer.goto('/console/review');
    await reviewer.page.getByRole('link', { name: `${name} · 第 2 版` }).click();
    await expect(reviewer.page.getByText('开发者没有写说明。')).toBeVisible();
    await reviewer.page.getByRole('button', { name: '通过', exact: true }).click();
    await reviewer.page
      .getByRole('dialog', { name: '通过这个版本' })
      .getByRole('button', { name: '通过' })
      .click();
    await expect(reviewer.page.getByText('已通过', { exact: true })).toBeVisible();

    await page.reload();
    // Before it goes live, the developer rewrites the listing people will read in the app center.
    const description = `种星星、收星星、偷星星，和好友比谁的星星多。${developer.username.slice(-4)}`;
    await page.getByRole('link', { name: '应用信息' }).click();
    await page.getByLabel('简介').fill(description);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('简介')).toHaveValue(description);
    await dev.check('console-app-listing');
    await page.getByRole('link', { name: '版本与审核' }).click();
    await page.getByRole('button', { name: '发布' }).click();
    await expect(page.getByText('已上线').first()).toBeVisible();
    await dev.check('console-versions');

    // Published: anyone finds it in the app center.
    const visitor = await open(await hostApi.newUser('visitor'));
    await visitor.goto('/app-center');
    await visitor.page.getByRole('searchbox', { name: '搜索应用' }).fill(name);
    await visitor.page.getByRole('searchbox', { name: '搜索应用' }).press('Enter');
    const listed = visitor.page.getByRole('link', { name: new RegExp(name) }).first();
    await expect(listed).toBeVisible();
    // With the icon the developer uploaded, re-encoded by the host.
    const listedIcon = visitor.page.locator('.ant-card', { has: listed }).locator('img');
    await expect(listedIcon).toHaveAttribute('src', /\/app-center\/apps\/[^/]+\/icon\?v=/);
    await expect(listedIcon).toHaveJSProperty('naturalWidth', 256);
    await expect(visitor.page.getByText(description)).toBeVisible();
    await visitor.check('web-app-center-icon');

    // A new client secret, after a confirmation: shown once, and the old one stops working at once.
    await page.getByRole('link', { name: '凭据' }).click();
    await expect(page.getByText(clientId)).toBeVisible();
    await page.getByRole('button', { name: '换新密钥' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '换新密钥' }).click();
    const fresh = page.locator('code', { hasText: /^kjs_/ });
    await expect(fresh).toBeVisible();
    const secret = await fresh.innerText();
    expect(secret).not.toBe(firstSecret);
    await expect(page.getByText('Client Secret 密钥只显示这一次，请现在复制保存。')).toBeVisible();
    await dev.check('console-app-credentials');
    const tokenWith = async (clientSecret: string) =>
      (
        await fetch(new URL('/oauth/token', baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: 'not-a-code',
            redirect_uri: `${luckyDraw.url}/callback`,
            code_verifier: 'v'.repeat(43),
            client_id: clientId,
            client_secret: clientSecret,
          }),
        })
      ).json() as Promise<{ error: string }>;
    expect((await tokenWith(firstSecret)).error).toBe('invalid_client');
    expect((await tokenWith(secret)).error).toBe('invalid_grant');

    // "My apps" lists it, live.
    await page.getByRole('link', { name: '我的应用' }).first().click();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText('已上线')).toBeVisible();
    await dev.check('console-my-apps');

    for (const tab of [dev, reviewer, visitor]) tab.expectNoProblems();
  },
);

test('in English: a version’s timeline, the submit dialog, and the reviewer reading the note', async ({
  open,
  hostApi,
  admin,
}) => {
  const developer = await hostApi.newUser('dev');
  await hostApi.request('POST', '/developer/registration', { token: developer.token, expected: 200 });
  const { app } = await hostApi.request<{ app: { id: string } }>('POST', '/developer/apps', {
    token: developer.token,
    body: {
      name: `Star Farm ${developer.username.slice(-4)}`,
      category: 'games',
      redirectUris: ['http://127.0.0.1:8123/callback'],
      scopes: ['profile:read', 'friends:read'],
      canvasUrl: CANVAS_URL,
    },
  });
  const versions = `/developer/apps/${app.id}/versions`;
  await hostApi.request('POST', `${versions}/1/submit`, {
    token: developer.token,
    body: { note: 'First try' },
    expected: 200,
  });
  await hostApi.request('POST', `/admin/apps/${app.id}/versions/1/reject`, {
    token: admin.token,
    body: { reason: 'Say why the app needs the friend list' },
    expected: 200,
  });
  await hostApi.request('POST', versions, {
    token: developer.token,
    body: {
      scopes: ['profile:read'],
      redirectUris: ['http://127.0.0.1:8123/callback'],
      canvasUrl: CANVAS_URL,
    },
  });

  const dev = await open(developer, { language: 'en' });
  await dev.goto(`/console/apps/${app.id}`);
  await expect(dev.page.getByText("Reviewer's reason: Say why the app needs the friend list")).toBeVisible();
  await expect(dev.page.getByText('Note for the reviewer: First try')).toBeVisible();
  await dev.check('console-versions');
  await dev.page.getByRole('button', { name: 'Submit for review' }).click();
  const submit = dev.page.getByRole('dialog', { name: 'Submit version 2 for review' });
  await submit.getByLabel('Note for the reviewer (optional)').fill('The friend list is gone.');
  await dev.check('console-submit-dialog');
  await submit.getByRole('button', { name: 'Submit for review' }).click();
  await expect(dev.page.getByText('Note for the reviewer: The friend list is gone.')).toBeVisible();

  const reviewer = await open(admin, { language: 'en' });
  await reviewer.goto(`/console/review/apps/${app.id}`);
  await expect(reviewer.page.getByText('The friend list is gone.').first()).toBeVisible();
  await expect(reviewer.page.getByRole('link', { name: 'Open the canvas as a tester' })).toHaveAttribute(
    'href',
    `/app-center/${app.id}?version=2`,
  );
  await reviewer.check('console-review-app');
  for (const tab of [dev, reviewer]) tab.expectNoProblems();
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
