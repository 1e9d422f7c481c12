import { randomBytes } from 'node:crypto';
import { expect, test } from './support/fixtures';

test('a visitor sees a decorated demo space and leaves a message on the board', async ({ open, hostApi }) => {
  const visitor = await hostApi.newUser('visitor');
  const tab = await open(visitor);
  const { page } = tab;
  await tab.goto('/u/xiaohong');
  await expect(page.getByRole('heading', { level: 1, name: '小红的空间' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^黄钻 LV\d$/)).toBeVisible();
  // Her premium theme is applied: the space wears the golden-dragon colours.
  await expect(page.locator('.kj-space')).toHaveAttribute('data-theme', 'golden-dragon');
  await expect(page.getByTestId('space-banner')).toHaveCSS('background-image', /linear-gradient/);
  await expect(page.getByText('喜欢摄影和旅行')).toBeVisible();

  const note = `来踩踩 ${randomBytes(3).toString('hex')}`;
  await page.getByLabel('给主人留言').fill(note);
  await page.getByRole('button', { name: '发表留言' }).click();
  await expect(page.locator('[data-module="messageBoard"]').getByText(note)).toBeVisible();
  await expect(page.getByRole('button', { name: '加为好友' })).toBeVisible();
  await tab.check('space-visitor');
  await tab.setLanguage('en');
  await expect(page.getByRole('heading', { level: 1, name: "小红's space" })).toBeVisible();
  await expect(page.getByText(/^Yellow diamond LV\d$/)).toBeVisible();
  await tab.check('space-visitor');
  tab.expectNoProblems();
});

test.setTimeout(240_000);

test('the owner edits the profile, decorates the space and sees who visited', async ({ open, hostApi }) => {
  const owner = await hostApi.newUser('owner');
  const visitor = await hostApi.newUser('guest');
  const tab = await open(owner);
  const { page } = tab;
  await tab.goto(`/u/${owner.username}`);
  await expect(page.locator('.kj-space')).toHaveAttribute('data-theme', 'classic');

  await page.getByRole('button', { name: '编辑资料' }).click();
  await page.getByLabel('昵称').fill('小树');
  await page.getByLabel('个性签名').fill('种一棵树最好的时间是十年前');
  await page.getByLabel('所在地').fill('杭州');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '小树的空间' })).toBeVisible();
  await expect(page.getByText('种一棵树最好的时间是十年前')).toBeVisible();

  const bannerBefore = await page
    .getByTestId('space-banner')
    .evaluate((el) => getComputedStyle(el).backgroundImage);
  await page.getByRole('button', { name: '装扮空间' }).click();
  const drawer = page.getByRole('dialog', { name: '装扮空间' });
  await expect(drawer.getByText('我的金币：0')).toBeVisible();
  // A new person has no coins: buying a priced theme says so in words.
  tab.expectError(/^409 POST \/shop\/items\/[^/]+\/purchases$/);
  await drawer.getByRole('button', { name: '购买“翡翠园”，200 金币' }).click();
  await expect(drawer.getByRole('alert')).toHaveText('金币不够了。');
  // A free theme applies at once, and the page changes its look.
  await drawer
    .getByRole('listitem')
    .filter({ hasText: '海洋' })
    .getByRole('button', { name: '使用' })
    .click();
  await expect(page.locator('.kj-space')).toHaveAttribute('data-theme', 'ocean');
  await expect(drawer.getByRole('listitem').filter({ hasText: '海洋' }).getByText('使用中')).toBeVisible();
  const bannerAfter = await page
    .getByTestId('space-banner')
    .evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(bannerAfter).not.toEqual(bannerBefore);

  // Free music: applied, and since its track is not online the player says why it cannot play.
  await drawer.getByRole('tab', { name: '背景音乐' }).click();
  await drawer
    .getByRole('listitem')
    .filter({ hasText: '春风' })
    .getByRole('button', { name: '使用' })
    .click();
  await expect(page.getByText('背景音乐：春风')).toBeVisible();
  await expect(page.getByRole('button', { name: '播放' })).toBeDisabled();

  await drawer.getByRole('tab', { name: '模块' }).click();
  await drawer.getByRole('switch', { name: '显示“好友”' }).click();
  await expect(page.locator('[data-module="friends"]')).toHaveCount(0);
  await drawer.getByRole('button', { name: '把“留言板”上移' }).click();
  await expect
    .poll(() =>
      page.locator('[data-module]').evaluateAll((els) => els.map((el) => el.getAttribute('data-module'))),
    )
    .toEqual(['profile', 'moods', 'messageBoard', 'blogs', 'visitors', 'albums', 'gifts']);
  await drawer.getByRole('button', { name: '关闭' }).click();

  // The layout is the owner's, for everybody: a visitor sees the same order and the theme.
  const guestTab = await open(visitor, { language: 'en' });
  await guestTab.goto(`/u/${owner.username}`);
  await expect(guestTab.page.getByRole('heading', { level: 1, name: "小树's space" })).toBeVisible();
  await expect(guestTab.page.locator('.kj-space')).toHaveAttribute('data-theme', 'ocean');
  await expect(guestTab.page.locator('[data-module="friends"]')).toHaveCount(0);
  await guestTab.page.getByRole('button', { name: 'Add friend' }).click();
  await guestTab.page.getByLabel('Note').fill('We met at the tree-planting day');
  await guestTab.page.getByRole('button', { name: 'Send request' }).click();
  await expect(guestTab.page.getByRole('button', { name: 'Friend request sent' })).toBeDisabled();
  guestTab.expectNoProblems();

  await page.reload();
  const visitors = page.locator('[data-module="visitors"]');
  await expect(visitors.getByRole('link', { name: visitor.username })).toBeVisible();
  await tab.check('space-owner');
  await tab.setLanguage('en');
  await expect(page.getByRole('heading', { level: 1, name: "小树's space" })).toBeVisible();
  await tab.check('space-owner');
  tab.expectNoProblems();
});
