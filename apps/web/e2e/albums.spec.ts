import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './support/fixtures';

/** Two real photos, made on the spot: a PNG and a JPEG of different colours and sizes. */
async function makePhotos(): Promise<string[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kj-album-'));
  const png = path.join(folder, 'sunset.png');
  const jpeg = path.join(folder, 'lake.jpg');
  writeFileSync(
    png,
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#ff7043' } })
      .png()
      .toBuffer(),
  );
  writeFileSync(
    jpeg,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#29b6f6' } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
  return [png, jpeg];
}

test.setTimeout(240_000);

test('an owner fills a friends-only album; a friend likes, comments and reports a photo', async ({
  open,
  hostApi,
}) => {
  const owner = await hostApi.newUser('snap');
  const friend = await hostApi.newUser('pal');
  await hostApi.befriend(owner, friend);
  const files = await makePhotos();

  const tab = await open(owner);
  const { page } = tab;
  await tab.goto(`/u/${owner.username}`);
  const albums = page.locator('[data-module="albums"]');
  await expect(albums.getByTestId('storage-meter')).toContainText('已用 0 B');
  await albums.getByRole('button', { name: '新建相册' }).click();
  const form = page.getByRole('dialog', { name: '新建相册' });
  await form.getByLabel('相册名称').fill('西湖春游');
  await form.getByLabel('相册描述').fill('三月的西湖');
  // New albums start friends-only, which is what this one should be.
  await expect(form.getByText('好友可见')).toBeVisible();
  await form.getByRole('button', { name: '创建' }).click();
  await expect(albums.getByRole('link', { name: /西湖春游/ })).toBeVisible();
  await expect(albums.getByText('好友可见')).toBeVisible();
  await albums.getByRole('link', { name: /西湖春游/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: '西湖春游' })).toBeVisible();
  await page.getByLabel('选择要上传的照片').setInputFiles(files);
  await expect(page.getByRole('progressbar', { name: 'sunset.png 的上传进度' })).toBeVisible();
  const grid = page.getByRole('list', { name: '照片' });
  await expect(grid.getByRole('img')).toHaveCount(2);
  await expect(page.getByText('2 张照片')).toBeVisible();
  await expect(page.getByTestId('storage-meter')).not.toContainText('已用 0 B');
  // Thumbnails really load (the checked file route with the session cookie).
  await expect
    .poll(() =>
      grid
        .getByRole('img')
        .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth > 0)),
    )
    .toEqual([true, true]);
  await tab.check('album-owner');

  await grid.getByRole('button').first().click();
  const lightbox = page.getByRole('dialog');
  await expect(lightbox.locator('img.kj-lightbox-image')).toHaveAttribute('src', /size=web/);
  await expect(lightbox.getByRole('link', { name: '查看原图' })).toHaveAttribute('href', /size=original/);
  await lightbox.getByLabel('写评论').fill('湖水真蓝');
  await lightbox.getByRole('button', { name: '发表评论' }).click();
  await expect(lightbox.getByText('湖水真蓝')).toBeVisible();
  await lightbox.getByRole('button', { name: /(^|\s)赞 · 0$/ }).click();
  await expect(lightbox.getByRole('button', { name: /已赞 · 1$/ })).toBeVisible();
  await tab.check('album-lightbox');
  await lightbox.getByRole('button', { name: '关闭' }).first().click();

  // The friend may see the friends-only album, like and comment, and report a photo.
  const friendTab = await open(friend, { language: 'en' });
  // By the album alone, as a notification about someone else's photo links it; the page finds its owner.
  const albumId = new URL(page.url()).pathname.split('/').pop()!;
  await friendTab.goto(`/albums/${albumId}`);
  await expect(friendTab.page.getByRole('heading', { level: 1, name: '西湖春游' })).toBeVisible();
  await expect(friendTab.page.getByRole('link', { name: /Back to/ })).toHaveAttribute(
    'href',
    `/u/${owner.username}`,
  );
  await expect(friendTab.page.getByRole('button', { name: 'Upload photos' })).toHaveCount(0);
  await friendTab.page.getByRole('list', { name: 'Photos' }).getByRole('button').first().click();
  const friendBox = friendTab.page.getByRole('dialog');
  await expect(friendBox.getByText('湖水真蓝')).toBeVisible();
  await friendBox.getByRole('button', { name: /(^|\s)Like · 1$/ }).click();
  await expect(friendBox.getByRole('button', { name: /Liked · 2$/ })).toBeVisible();
  await friendBox.getByRole('button', { name: 'Report' }).click();
  const report = friendTab.page.getByRole('dialog', { name: 'Report this photo' });
  await report.getByLabel('What is wrong with it?').fill('Not my photo to share');
  await report.getByRole('button', { name: 'Send report' }).click();
  await expect(friendTab.page.getByText('Thanks. A moderator will look at it soon.')).toBeVisible();
  await friendTab.check('album-friend');
  friendTab.expectNoProblems();

  // The owner deletes one photo, then the whole album.
  await page.reload();
  await grid.getByRole('button').first().click();
  await page.getByRole('dialog').getByRole('button', { name: '删除照片' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(grid.getByRole('img')).toHaveCount(1);
  await tab.setLanguage('en');
  await expect(page.getByText('1 photo', { exact: true })).toBeVisible();
  await tab.check('album-owner');
  await page.getByRole('button', { name: 'Delete album' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${owner.username}$`));
  await expect(page.locator('[data-module="albums"]').getByText('No albums yet')).toBeVisible();
  tab.expectNoProblems();
});
