import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, type HostUser, type KjPage, test } from './support/fixtures';

/** Small real images, as a person would pick from their disk. */
async function photoFiles(count: number): Promise<string[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kj-feed-'));
  const colours = ['#e53935', '#1e88e5', '#43a047', '#fdd835'];
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = path.join(folder, `photo-${index + 1}.png`);
    await sharp({
      create: { width: 64, height: 48, channels: 3, background: colours[index % colours.length]! },
    })
      .png()
      .toFile(file);
    files.push(file);
  }
  return files;
}

/** Opens the feed; a generous first wait because a test machine running many suites can be slow. */
async function openFeed(tab: KjPage, title = '信息中心'): Promise<void> {
  await tab.goto('/');
  await expect(tab.page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 45_000 });
}

test('the feed: friends’ posts, a mood with photos, likes, comments, replies, reposts and reports', async ({
  open,
  hostApi,
}) => {
  // A long journey (ten steps and two rounds of checks at two widths): triple the usual time.
  test.slow();
  const me = await hostApi.newUser('feeder');
  const friend = await hostApi.newUser('pal');
  await hostApi.befriend(me, friend);
  const friendText = `今天天气真好 ${friend.username}`;
  await hostApi.request('POST', '/moods', {
    token: friend.token,
    body: { text: friendText, privacy: 'friends' },
  });

  const tab = await open(me);
  const { page } = tab;
  await openFeed(tab);
  const friendPost = page.getByRole('article', { name: `${friend.username} 的动态` });
  await expect(friendPost).toBeVisible();
  await expect(friendPost).toContainText('发表了说说');

  // A mood with two photos, the second moved in front of the first.
  const [red, blue] = await photoFiles(2);
  await page.getByRole('textbox', { name: '说说内容' }).fill('周末去爬山了');
  await page.getByTestId('mood-photos').setInputFiles([red!, blue!]);
  const chosen = page.getByRole('list', { name: '已选的照片' });
  const previews = chosen.getByRole('img', { name: /^第 \d 张照片$/ });
  await expect(previews).toHaveCount(2);
  const redPreview = await previews.nth(0).getAttribute('src');
  await page.getByRole('button', { name: '第 2 张照片往前移' }).click();
  await expect(previews.nth(1)).toHaveAttribute('src', redPreview!);
  await expect(page.getByRole('button', { name: '发表', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: '发表', exact: true }).click();
  const myMood = page.getByRole('article').first();
  await expect(myMood).toContainText('周末去爬山了');
  await expect(myMood.getByRole('list', { name: '照片' }).locator('img')).toHaveCount(2);
  await expect(chosen).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '说说内容' })).toHaveValue('');
  // The thumbnails really load from the host.
  await expect
    .poll(() =>
      myMood
        .getByRole('list', { name: '照片' })
        .locator('img')
        .evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);

  // Like, then unlike: the count follows at once.
  const like = friendPost.getByRole('button', { name: /赞/ });
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(like).toHaveText('赞 1');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await expect(like).toHaveText('赞');

  // A comment and a reply to it.
  await friendPost.getByRole('button', { name: '评论' }).click();
  await friendPost.getByRole('textbox', { name: '写评论…' }).fill('羡慕！');
  await friendPost.getByRole('button', { name: '发送' }).click();
  await expect(friendPost.getByText('羡慕！')).toBeVisible();
  await expect(friendPost.getByRole('button', { name: '评论 1' })).toBeVisible();
  await friendPost.getByRole('button', { name: '回复' }).click();
  await friendPost.getByRole('textbox', { name: `回复 ${me.username}…` }).fill('下次一起去');
  await friendPost.getByRole('button', { name: '发送' }).first().click();
  await expect(friendPost.locator('.kj-comment-replies').getByText('下次一起去')).toBeVisible();

  // A repost with a comment lands at the top, showing the original.
  await friendPost.getByRole('button', { name: '转载' }).click();
  const repostDialog = page.getByRole('dialog', { name: '转载这条动态' });
  await repostDialog.getByLabel('说点什么（可不填）').fill('转给大家看看');
  await repostDialog.getByRole('button', { name: '转载' }).click();
  await expect(repostDialog).toBeHidden();
  const repost = page.getByRole('article').first();
  await expect(repost).toContainText('转给大家看看');
  await expect(repost.locator('.kj-original')).toContainText(friendText);

  // Report the friend's post.
  await friendPost.getByRole('button', { name: '举报' }).first().click();
  const reportDialog = page.getByRole('dialog', { name: '举报这条动态' });
  await reportDialog.getByLabel('举报原因').fill('测试举报');
  await reportDialog.getByRole('button', { name: '提交举报' }).click();
  await expect(page.getByText('已收到举报，管理员会尽快处理。')).toBeVisible();

  await tab.check('feed');
  await tab.setLanguage('en');
  await expect(page.getByRole('heading', { name: 'Feed', level: 1 })).toBeVisible();
  // The feed now tells the story three times: the friend posted, I commented, I replied.
  const friendItems = page.getByRole('article', { name: `Post by ${friend.username}` });
  await expect(friendItems).toHaveCount(3);
  await expect(friendItems.filter({ hasText: 'posted a mood' })).toHaveCount(1);
  await expect(friendItems.filter({ hasText: 'commented:' })).toHaveCount(2);
  await tab.check('feed');
  tab.expectNoProblems();
});

test('a blog with bold text written in the rich-text editor', async ({ open, hostApi }) => {
  const me = await hostApi.newUser('blogger');
  const tab = await open(me);
  const { page } = tab;
  await openFeed(tab);
  await page.getByRole('tab', { name: '日志' }).click();
  await page.getByRole('textbox', { name: '日志标题' }).fill('我的第一篇日志');
  const body = page.getByRole('textbox', { name: '日志正文' });
  await body.click();
  await page.keyboard.type('开头一句。');
  await page.getByRole('button', { name: '加粗' }).click();
  await expect(page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('重点内容');
  await page.getByRole('button', { name: '发表日志' }).click();
  const blog = page.getByRole('article').first();
  await expect(blog.getByRole('heading', { name: '我的第一篇日志' })).toBeVisible();
  await expect(blog.locator('.kj-blog-body strong')).toHaveText('重点内容');
  await expect(page.getByRole('textbox', { name: '日志标题' })).toHaveValue('');
  await tab.check('feed-blog');
  tab.expectNoProblems();
});

test('a failed mood keeps its text and photos, and says why', async ({ open, hostApi }) => {
  const me = await hostApi.newUser('keeper');
  const tab = await open(me, { language: 'en' });
  const { page } = tab;
  await openFeed(tab, 'Feed');
  const [file] = await photoFiles(1);
  await page.getByRole('textbox', { name: 'Your mood' }).fill('This one will not go through');
  const uploaded = page.waitForResponse((response) => new URL(response.url()).pathname === '/photos');
  await page.getByTestId('mood-photos').setInputFiles([file!]);
  const photo = (await (await uploaded).json()) as { id: string };
  // The photo disappears behind the composer's back (deleted from another tab): the host refuses the mood,
  // which the UI could not have prevented.
  await hostApi.request('DELETE', `/photos/${photo.id}`, { token: me.token, expected: 204 });
  tab.expectError(/^4\d\d POST \/moods$/);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /photo|found/i })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Your mood' })).toHaveValue('This one will not go through');
  await expect(
    page.getByRole('list', { name: 'Chosen photos' }).getByRole('img', { name: 'Photo 1' }),
  ).toBeVisible();
  tab.expectNoProblems();
});

test('the feed loads older posts as one scrolls', async ({ open, hostApi }) => {
  const me = await hostApi.newUser('scroller');
  const friend: HostUser = await hostApi.newUser('chatty');
  await hostApi.befriend(me, friend);
  // Post 25 first, so it is the oldest and only arrives with the second page.
  for (let number = 25; number >= 1; number--) {
    await hostApi.request('POST', '/moods', {
      token: friend.token,
      body: { text: `滚动测试第 ${number} 条`, privacy: 'friends' },
    });
  }
  const tab = await open(me);
  const { page } = tab;
  const nextPage = page.waitForRequest((request) => new URL(request.url()).searchParams.has('cursor'));
  await tab.goto('/');
  // A generous wait: the first page of a busy feed can be slow on a loaded test machine.
  await expect(page.getByText('滚动测试第 1 条', { exact: true })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('article').last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 5000);
  await nextPage;
  await expect(page.getByText('滚动测试第 25 条', { exact: true })).toBeVisible();
  await expect(page.getByText('没有更多了')).toBeVisible();
  tab.expectNoProblems();
});

test('a blocked word is refused with the reason and the text kept; a held mood shows "under review"', async ({
  open,
  hostApi,
  admin,
}) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const [blocked, held] = [`禁词${suffix}`, `待审${suffix}`];
  for (const [phrase, action] of [
    [blocked, 'block'],
    [held, 'hold'],
  ]) {
    await hostApi.request('POST', '/admin/moderation/rules', {
      token: admin.token,
      body: { phrase, action },
    });
  }
  const me = await hostApi.newUser('moderated');
  const tab = await open(me);
  const { page } = tab;
  await openFeed(tab);
  const mood = page.getByRole('textbox', { name: '说说内容' });

  tab.expectError(/^422 POST \/moods$/);
  await mood.fill(`这里有${blocked}的内容`);
  await page.getByRole('button', { name: '发表', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('内容包含不允许发布的词语，请修改后再发。');
  await expect(mood).toHaveValue(`这里有${blocked}的内容`);

  await mood.fill(`这条要等${held}审核`);
  await page.getByRole('button', { name: '发表', exact: true }).click();
  await expect(page.getByText('发表成功')).toBeVisible();
  const post = page.getByRole('article').filter({ hasText: `这条要等${held}审核` });
  await expect(post.getByText('审核中')).toBeVisible();
  await tab.check('feed-held');
  tab.expectNoProblems();
});
