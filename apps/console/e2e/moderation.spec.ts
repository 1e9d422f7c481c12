import sharp from 'sharp';
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

test('a user reports a post; the admin reads the reasons with each item in context, sees a held photo, and acts', async ({
  open,
  hostApi,
  admin,
  baseUrl,
}) => {
  const word = Math.random().toString(36).slice(2, 7);
  const held = `待看${word}`;
  await hostApi.request('POST', '/admin/moderation/rules', {
    token: admin.token,
    body: { phrase: held, action: 'hold' },
  });
  const author = await hostApi.newUser('author');
  const reporter = await hostApi.newUser('reporter');
  const visitor = await hostApi.newUser('visitor');
  await hostApi.request('PATCH', '/space/decoration', {
    token: author.token,
    body: { boardAccess: 'everyone' },
  });
  const postText = `周末去爬山${word}，一起来吗`;
  const post = await hostApi.request<{ id: string }>('POST', '/moods', {
    token: author.token,
    body: { text: postText, privacy: 'public' },
  });
  const why = `这是广告${word}`;

  // The reporter reports the post in Kongjian itself.
  const reporting = await open(reporter);
  await reporting.goto(`/posts/${post.id}`);
  await reporting.page.getByRole('button', { name: '举报' }).first().click();
  const dialog = reporting.page.getByRole('dialog', { name: '举报这条动态' });
  await dialog.getByLabel('举报原因').fill(why);
  await dialog.getByRole('button', { name: '提交举报' }).click();
  await expect(reporting.page.getByText('已收到举报，管理员会尽快处理。')).toBeVisible();

  // Held: a comment on that post, a message on the author's board, and a photo in a private album.
  const comment = `评论里有${held}`;
  await hostApi.request('POST', `/posts/${post.id}/comments`, {
    token: visitor.token,
    body: { body: comment },
  });
  const message = `留言里有${held}`;
  await hostApi.request('POST', `/spaces/${author.id}/messages`, {
    token: visitor.token,
    body: { body: message },
  });
  const album = await hostApi.request<{ id: string }>('POST', '/albums', {
    token: author.token,
    body: { title: '私人相册', privacy: 'private' },
  });
  const image = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3a7bd5' } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.set('title', `照片${held}`);
  form.set('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'photo.png');
  const uploaded = await fetch(new URL(`/albums/${album.id}/photos`, baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${author.token}` },
    body: form,
  });
  expect(uploaded.status).toBe(201);
  const photo = (await uploaded.json()) as { id: string };

  const tab = await open(admin);
  const { page } = tab;
  await tab.goto('/console/moderation');
  const card = (text: string) => page.locator('.ant-card').filter({ hasText: text });

  // The report: its reason on the case, and the post in words with who may see it.
  const reported = card(postText).filter({ hasText: '1 次举报' });
  await expect(reported.getByRole('list', { name: '举报理由' }).getByText(why)).toBeVisible();
  await expect(reported.getByText('所有人可见')).toBeVisible();
  // The comment with the post it is on; the message with whose board it is.
  const commentCase = card(comment);
  await expect(commentCase.getByText(`${author.username} 的动态：`, { exact: false })).toBeVisible();
  await expect(commentCase.locator('blockquote')).toHaveText(postText);
  await expect(card(message).getByText(`在 ${author.username} @${author.username} 的留言板上`)).toBeVisible();
  // The held photo in a private album, which only its author may open in Kongjian, shows to the admin.
  const photoCase = card(`照片${held}`);
  const thumb = photoCase.getByRole('img', { name: '被审核的照片' });
  await expect(thumb).toHaveAttribute('src', `/admin/moderation/photos/${photo.id}/file?size=thumb`);
  await expect(thumb).toHaveJSProperty('complete', true);
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await tab.check('console-moderation-context');
  // The same cards in English.
  await tab.setLanguage('en');
  await expect(card(comment).getByText(`On a post by ${author.username} @${author.username}:`)).toBeVisible();
  await expect(
    card(message).getByText(`On the message board of ${author.username} @${author.username}`),
  ).toBeVisible();
  const reportedInEnglish = card(postText).filter({ hasText: '1 report' });
  await expect(reportedInEnglish.getByRole('list', { name: 'Report reasons' }).getByText(why)).toBeVisible();
  await expect(reportedInEnglish.getByText('Public', { exact: true })).toBeVisible();
  await tab.check('console-moderation-context');
  await tab.setLanguage('zh-CN');

  // The admin takes the reported post down; the reporter no longer finds it.
  await reported.getByRole('button', { name: '下架' }).click();
  const takeDown = page.getByRole('dialog', { name: '下架' });
  await takeDown.getByLabel('原因（对方会看到）').fill(why);
  await takeDown.getByRole('button', { name: '下架' }).click();
  await expect(reported).toHaveCount(0);
  await hostApi.request('GET', `/posts/${post.id}`, { token: reporter.token, expected: 404 });

  // And approves the photo: its case closes, and the author's photo is published (still in a private album).
  await photoCase.getByRole('button', { name: '通过', exact: true }).click();
  await page
    .getByRole('dialog', { name: '通过', exact: true })
    .getByRole('button', { name: '通过', exact: true })
    .click();
  await expect(photoCase).toHaveCount(0);
  const mine = await hostApi.request<{ moderation?: unknown }>('GET', `/photos/${photo.id}`, {
    token: author.token,
  });
  expect(mine.moderation).toBeUndefined();

  // In the decision log, filtered by this admin and by "take down".
  await page.getByRole('link', { name: '处理记录' }).click();
  await page.getByRole('combobox', { name: '决定' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '下架' }).click();
  await expect(page.getByRole('cell', { name: why })).toBeVisible();
  // Only this admin's decisions, picked from a row.
  await page.getByRole('button', { name: admin.username }).first().click();
  await expect(page.getByText(`只看 ${admin.username}`)).toBeVisible();
  await expect(page.getByRole('cell', { name: why })).toBeVisible();
  // Days: from tomorrow there is nothing yet; without the bound the decision is back.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  await page.getByLabel('开始日期').fill(day(tomorrow));
  await expect(page.getByText('还没有处理记录。')).toBeVisible();
  await page.getByLabel('开始日期').fill(day(new Date()));
  await expect(page.getByRole('cell', { name: why })).toBeVisible();
  await tab.check('console-moderation-decisions-filtered');
  await tab.setLanguage('en');
  await expect(page.getByText(`Only ${admin.username}`)).toBeVisible();
  await expect(page.getByRole('cell', { name: why })).toBeVisible();
  await tab.check('console-moderation-decisions-filtered');
  tab.expectNoProblems();
  reporting.expectNoProblems();
});
