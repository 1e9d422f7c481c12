import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { HostApi } from '@kongjian/testing';
import { expect, type HostUser, test } from './support/fixtures';

/** A new person with a nickname of their own, so searching by nickname finds only them. */
async function person(
  hostApi: HostApi,
  prefix: string,
  nickname: string,
): Promise<HostUser & { nickname: string }> {
  const user = await hostApi.newUser(prefix);
  const unique = `${nickname}${randomBytes(3).toString('hex')}`;
  await hostApi.request('PATCH', '/space/profile', { token: user.token, body: { nickname: unique } });
  return { ...user, nickname: unique };
}

function row(page: Page, text: string) {
  return page.getByRole('listitem').filter({ hasText: text });
}

async function search(page: Page, text: string, label = '按昵称或用户名找人') {
  await page.getByLabel(label).fill(text);
  await page.getByLabel(label).press('Enter');
}

// Each tab.check runs axe and screenshots at two widths; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 240_000 });

test('two people become friends through search and a request with a note; groups and blocks', async ({
  open,
  hostApi,
}) => {
  const a = await person(hostApi, 'fra', '阿明');
  const b = await person(hostApi, 'frb', '小北');
  const c = await person(hostApi, 'frc', '小西');

  // A finds B by nickname and asks with a note.
  const tabA = await open(a);
  const pageA = tabA.page;
  await tabA.goto('/friends');
  await expect(pageA.getByRole('heading', { level: 1, name: '好友' })).toBeVisible();
  await expect(pageA.getByText('还没有好友')).toBeVisible();
  await tabA.check('friends-empty');
  await pageA.getByRole('link', { name: '找人' }).click();
  await search(pageA, b.nickname);
  await row(pageA, b.nickname).getByRole('button', { name: '加为好友' }).click();
  const dialog = pageA.getByRole('dialog');
  await expect(dialog).toContainText(`加“${b.nickname}”为好友`);
  await dialog.getByLabel('附言（选填）').fill('我是你的高中同学');
  await dialog.getByRole('button', { name: '发送请求' }).click();
  await expect(pageA.getByText(`已向“${b.nickname}”发送好友请求`)).toBeVisible();
  await expect(row(pageA, b.nickname).getByText('已发送请求')).toBeVisible();
  await tabA.check('friends-search');

  // By username too.
  await search(pageA, b.username);
  await expect(row(pageA, b.nickname).getByText('已发送请求')).toBeVisible();

  // B sees it among incoming requests, with the note, and accepts.
  const tabB = await open(b);
  const pageB = tabB.page;
  await tabB.goto('/friends?tab=requests');
  const request = row(pageB, a.nickname);
  await expect(request).toContainText('附言：我是你的高中同学');
  await tabB.check('friends-requests');
  await request.getByRole('button', { name: '接受' }).click();
  await expect(pageB.getByText('没有待处理的好友请求')).toBeVisible();
  await pageB.getByRole('link', { name: '我的好友' }).click();
  await expect(row(pageB, a.nickname)).toBeVisible();

  // A sees B as a friend.
  await pageA.getByRole('link', { name: '我的好友' }).click();
  await expect(row(pageA, b.nickname)).toContainText('成为好友');
  // A sticky header over a scrolled-away link would fool the contrast check.
  await pageA.evaluate(() => window.scrollTo(0, 0));
  await tabA.check('friends-list');

  // A makes a group, puts B in it, renames it.
  await pageA.getByRole('link', { name: '好友分组' }).click();
  await pageA.getByLabel('新建分组').fill('同学');
  await pageA.getByRole('button', { name: '创建' }).click();
  await expect(pageA.getByRole('heading', { name: '同学（0人）' })).toBeVisible();
  await pageA.getByLabel('选择要加入“同学”的好友').click();
  await pageA.locator('.ant-select-item-option', { hasText: b.nickname }).click();
  await pageA.getByRole('button', { name: '加入分组' }).click();
  await expect(pageA.getByRole('heading', { name: '同学（1人）' })).toBeVisible();
  await expect(row(pageA, b.nickname)).toBeVisible();
  await pageA.getByRole('button', { name: '重命名分组“同学”' }).click();
  await pageA.getByRole('dialog').getByLabel('分组名称').fill('老同学');
  await pageA.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(pageA.getByRole('heading', { name: '老同学（1人）' })).toBeVisible();
  await tabA.check('friends-groups');
  const groups = await hostApi.request<{ items: { name: string; members: { id: string }[] }[] }>(
    'GET',
    '/friend-groups',
    { token: a.token },
  );
  expect(groups.items.map((group) => [group.name, group.members.map((m) => m.id)])).toEqual([
    ['老同学', [b.id]],
  ]);

  // A blocks C from a search result; C no longer turns up in A's search, and is listed as blocked.
  await pageA.getByRole('link', { name: '找人' }).click();
  await search(pageA, c.nickname);
  await row(pageA, c.nickname).getByRole('button', { name: '拉黑' }).click();
  await expect(pageA.getByText(`确定拉黑“${c.nickname}”吗？`)).toBeVisible();
  await pageA.locator('.ant-popconfirm').getByRole('button', { name: '拉黑' }).click();
  await expect(pageA.getByText(`没有找到“${c.nickname}”`)).toBeVisible();
  await search(pageA, c.username);
  await expect(pageA.getByText(`没有找到“${c.username}”`)).toBeVisible();
  await pageA.getByRole('link', { name: '黑名单' }).click();
  await expect(row(pageA, c.nickname)).toBeVisible();
  await tabA.check('friends-blocks');

  tabA.expectNoProblems();
  tabB.expectNoProblems();
});

test('a request can be declined by its receiver and cancelled by its sender', async ({ open, hostApi }) => {
  const a = await person(hostApi, 'frd', '阿东');
  const asker = await person(hostApi, 'fre', '问问');
  const wanted = await person(hostApi, 'frf', '想加');
  await hostApi.request('POST', '/friend-requests', {
    token: asker.token,
    body: { userId: a.id, note: 'hi' },
  });
  await hostApi.request('POST', '/friend-requests', { token: a.token, body: { userId: wanted.id } });

  const tab = await open(a, { language: 'en' });
  const { page } = tab;
  await tab.goto('/friends?tab=requests');
  await expect(page.getByRole('heading', { name: 'Requests to me' })).toBeVisible();
  await expect(row(page, asker.nickname)).toContainText('Note: hi');
  await expect(row(page, wanted.nickname)).toBeVisible();
  await tab.check('friends-requests');

  await row(page, asker.nickname).getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByText('No requests waiting for you')).toBeVisible();
  await row(page, wanted.nickname).getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByText('No requests waiting for an answer')).toBeVisible();

  // The rows leave at once (optimistic); the host confirms a moment later.
  const pending = async () =>
    Promise.all(
      ['incoming', 'outgoing'].map(
        async (direction) =>
          (
            await hostApi.request<{ items: unknown[] }>('GET', `/friend-requests?direction=${direction}`, {
              token: a.token,
            })
          ).items,
      ),
    );
  await expect.poll(pending).toEqual([[], []]);

  // Nobody is a friend; searching the decliner shows "add friend" again, in English.
  await page.getByRole('link', { name: 'Find people' }).click();
  await search(page, asker.nickname, 'Find people by nickname or username');
  await expect(row(page, asker.nickname).getByRole('button', { name: 'Add friend' })).toBeVisible();
  await page.getByRole('link', { name: 'My friends' }).click();
  await expect(page.getByText('No friends yet')).toBeVisible();
  for (const name of ['friends', 'groups', 'blocks'] as const) {
    await tab.goto(`/friends?tab=${name}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Friends' })).toBeVisible();
    await tab.check(`friends-${name}-empty`);
  }
  tab.expectNoProblems();
});
