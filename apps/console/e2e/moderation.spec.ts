import { expect, test } from './support/fixtures';

test('an admin tries a text, adds a rule, approves a held post and takes a flagged one down', async ({
  open,
  hostApi,
  admin,
}) => {
  const word = Math.random().toString(36).slice(2, 7);
  const [held, flagged, blocked] = [`待审${word}`, `复查${word}`, `禁止${word}`];
  const why = `广告内容${word}`;
  for (const [phrase, action] of [
    [held, 'hold'],
    [flagged, 'flag'],
  ]) {
    await hostApi.request('POST', '/admin/moderation/rules', {
      token: admin.token,
      body: { phrase, action },
    });
  }
  const author = await hostApi.newUser('author');
  const stranger = await hostApi.newUser('stranger');
  const post = (text: string) =>
    hostApi.request<{ id: string }>('POST', '/moods', {
      token: author.token,
      body: { text, privacy: 'public' },
    });
  const heldPost = await post(`这条要等${held}审核`);
  const flaggedPost = await post(`这条${flagged}先发出去`);

  const tab = await open(admin);
  const { page } = tab;
  await tab.goto('/console/moderation');
  const heldCase = page.locator('.ant-card').filter({ hasText: `这条要等${held}审核` });
  const flaggedCase = page.locator('.ant-card').filter({ hasText: `这条${flagged}先发出去` });
  await expect(heldCase.getByText('待审核')).toBeVisible();
  await expect(flaggedCase.getByText('发布后复查')).toBeVisible();
  await tab.check('console-moderation-cases');

  await heldCase.getByRole('button', { name: '通过', exact: true }).click();
  await page
    .getByRole('dialog', { name: '通过', exact: true })
    .getByRole('button', { name: '通过', exact: true })
    .click();
  await expect(page.getByText('已通过')).toBeVisible();
  await expect(heldCase).toHaveCount(0);

  await flaggedCase.getByRole('button', { name: '下架' }).click();
  const takeDown = page.getByRole('dialog', { name: '下架' });
  await takeDown.getByRole('button', { name: '下架' }).click();
  await expect(takeDown.getByText('请写明原因')).toBeVisible();
  await takeDown.getByLabel('原因（对方会看到）').fill(why);
  await takeDown.getByRole('button', { name: '下架' }).click();
  await expect(flaggedCase).toHaveCount(0);

  // The decisions took effect for everyone else: the approved post shows, the one taken down does not.
  await hostApi.request('GET', `/posts/${heldPost.id}`, { token: stranger.token });
  await hostApi.request('GET', `/posts/${flaggedPost.id}`, { token: stranger.token, expected: 404 });

  await page.getByRole('link', { name: '处理记录' }).click();
  await expect(page.getByRole('cell', { name: why })).toBeVisible();
  // Filtered by kind: both decisions were on posts, none on comments.
  await page.getByRole('combobox', { name: '按内容类型筛选' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '评论' }).click();
  await expect(page.getByText('还没有处理记录。')).toBeVisible();
  await page.getByRole('combobox', { name: '按内容类型筛选' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '动态' }).click();
  await expect(page.getByRole('cell', { name: why })).toBeVisible();
  await tab.check('console-moderation-decisions');

  await page.getByRole('link', { name: '关键词规则' }).click();
  await page.getByLabel('输入一段文字，看看发出去会怎样').fill(`今天${held}了`);
  await page.getByRole('button', { name: '试一试' }).click();
  await expect(page.getByText('会先扣下，审核通过前只有作者能看到。')).toBeVisible();
  await page.getByLabel('关键词', { exact: true }).fill(blocked);
  await page.getByRole('combobox', { name: /^处理方式/ }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '拦截（不能发布）' }).click();
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await expect(page.getByRole('cell', { name: blocked, exact: true })).toBeVisible();
  await page.getByLabel('输入一段文字，看看发出去会怎样').fill(`${blocked}的东西`);
  await page.getByRole('button', { name: '试一试' }).click();
  await expect(page.getByText('会被拦截，不能发布。')).toBeVisible();
  await tab.check('console-moderation-rules');

  // Each decision and the new rule are in the audit log, with who and why.
  await page.getByRole('link', { name: '操作记录' }).click();
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: `添加了关键词“${blocked}”：拦截（不能发布）` })).toBeVisible();
  await expect(rows.filter({ hasText: '下架了内容' }).filter({ hasText: why })).toBeVisible();
  await expect(rows.filter({ hasText: '审核通过' }).filter({ hasText: '动态' }).first()).toBeVisible();
  tab.expectNoProblems();
});
