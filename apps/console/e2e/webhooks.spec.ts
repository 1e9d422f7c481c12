import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  constructWebhookEvent,
  createOpenApiClient,
  KongjianOAuth,
  type KongjianWebhookEvent,
  unwrap,
} from '@kongjian/sdk';
import { FormBrowser, type HostUser, signInAndConsent } from '@kongjian/testing';
import { expect, test } from './support/fixtures';

/** Nothing listens here: the sign-in walk stops at the redirect, as an app's server would receive it. */
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
/** What the receiver answers while it is "down", the start of which the delivery log keeps. */
const DOWN_BODY = 'Receiver down for maintenance, try again later';

/**
 * An app's webhook endpoint in this test process: it verifies every request with the SDK and the secret
 * the console showed, records the events that verified, and answers `status` (200 unless a test says).
 */
async function startReceiver() {
  const received: KongjianWebhookEvent[] = [];
  const state = { secret: '', status: 200 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      constructWebhookEvent({
        secret: state.secret,
        body: Buffer.concat(chunks).toString('utf8'),
        signatureHeader: request.headers['kongjian-signature'] as string | undefined,
      }).then(
        (event) => {
          received.push(event);
          response.writeHead(state.status, { 'content-type': 'text/plain' });
          response.end(state.status === 200 ? 'ok' : DOWN_BODY);
        },
        (error: Error) => response.writeHead(400).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/kongjian/webhooks`,
    /** How many verified deliveries of the event arrived. */
    count: (eventId: string) => received.filter((event) => event.id === eventId).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An Open API client for `user` of the app, through the real sign-in and consent pages. */
async function openApiFor(
  baseUrl: string,
  app: { clientId: string; clientSecret?: string },
  user: HostUser,
  scope: string[],
) {
  const oauth = await KongjianOAuth.discover(baseUrl, {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: REDIRECT_URI,
    allowInsecureRequests: true,
  });
  const pending = await oauth.authorizationUrl({ scope });
  const page = await signInAndConsent(new FormBrowser(), pending.url, user, {
    stopBefore: (url) => url.href.startsWith(REDIRECT_URI),
  });
  const tokens = await oauth.exchangeCallback(page.stoppedAt!, pending);
  return createOpenApiClient({ baseUrl, accessToken: tokens.accessToken });
}

test('a developer tries their webhook with test events, redelivers one that failed, and reads usage and orders', async ({
  open,
  hostApi,
  baseUrl,
}) => {
  const receiver = await startReceiver();
  try {
    const developer = await hostApi.newUser('dev');
    const app = await hostApi.newApp(developer, {
      name: 'Star farm',
      redirectUris: [REDIRECT_URI],
      scopes: ['profile:read', 'coins:charge'],
      events: ['order.paid', 'app.installed'],
    });

    // No URL yet: the page says where to set one, and lists the events the manifest asks for in words.
    const dev = await open(developer);
    const page = dev.page;
    await dev.goto(`/console/apps/${app.id}?tab=webhook`);
    await expect(page.getByText('还没有设置（在版本里填写）')).toBeVisible();
    await expect(page.getByText('订单已支付')).toBeVisible();
    await expect(page.getByText('有人添加了应用')).toBeVisible();
    await expect(page.getByRole('button', { name: '发送测试事件' })).toBeDisabled();
    await expect(page.getByText('还没有发送过事件。发送一个测试事件来试试你的接收方吧。')).toBeVisible();
    await dev.check('console-webhook-empty');

    // The URL is part of the version, like the rest of the manifest.
    await page.getByRole('link', { name: '版本与审核' }).click();
    await page.getByRole('button', { name: '编辑' }).click();
    const editor = page.getByRole('dialog', { name: '编辑第 1 版' });
    await editor.getByLabel('事件接收地址（选填）').fill(receiver.url);
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(editor).toBeHidden();

    await page.getByRole('link', { name: '事件推送' }).click();
    await expect(page.getByText(receiver.url)).toBeVisible();
    await page.getByRole('button', { name: '显示' }).click();
    receiver.state.secret = (await page.getByText(/^whsec_/).textContent())!;
    expect(receiver.state.secret).toMatch(/^whsec_.{20,}$/);

    // A test event reaches the receiver, signed with the secret on screen, and the log says so.
    await page.getByRole('button', { name: '发送测试事件' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    const test1 = receiver.received[0];
    expect(test1.type).toBe('webhook.test');
    expect(test1.appId).toBe(app.id);
    const row1 = page.getByRole('row').filter({ hasText: test1.id });
    await expect(row1.getByText('已送达')).toBeVisible();
    await expect(row1.getByRole('cell', { name: '200', exact: true })).toBeVisible();

    // The receiver goes down: the next test event is retried, with the answer's status and start on show.
    receiver.state.status = 500;
    await page.getByRole('button', { name: '发送测试事件' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    const test2 = receiver.received[1];
    const row2 = page.getByRole('row').filter({ hasText: test2.id });
    await expect(row2.getByText('重试中')).toBeVisible();
    await expect(row2.getByRole('cell', { name: '500', exact: true })).toBeVisible();
    await expect(row2.getByText('会自动重试')).toBeVisible();
    await row2.getByRole('button', { name: '展开行' }).click();
    await expect(page.getByText(DOWN_BODY)).toBeVisible();
    await dev.check('console-webhook-log');

    // It recovers: the retry gets through, and "redeliver" sends the same event once more.
    receiver.state.status = 200;
    const redeliver = row2.getByRole('button', { name: `重新投递事件 ${test2.id}` });
    await expect(redeliver).toBeVisible({ timeout: 30_000 });
    await expect(row2.getByText('已送达')).toBeVisible();
    // Retried at least once after the 500 (twice when a retry came while it was still down).
    const tries = receiver.count(test2.id);
    expect(tries).toBeGreaterThanOrEqual(2);
    await redeliver.click();
    await expect.poll(() => receiver.count(test2.id), { timeout: 20_000 }).toBe(tries + 1);
    await expect(row2.getByText('已送达')).toBeVisible();
    await expect(row2.getByRole('cell', { name: '200', exact: true })).toBeVisible();
    await expect(row2.getByRole('cell', { name: '1', exact: true })).toBeVisible();

    // The app calls the Open API as the developer's own user: some succeed, one asks for an unknown order.
    const api = await openApiFor(baseUrl, app, developer, ['profile:read', 'coins:charge']);
    for (let call = 0; call < 3; call++) unwrap(await api.GET('/open/v1/me'));
    expect(
      (await api.GET('/open/v1/orders/{orderId}', { params: { path: { orderId: randomUUID() } } })).response
        .status,
    ).toBe(404);
    const order = (name: string, sku: string, price: number) =>
      api.POST('/open/v1/orders', {
        params: { header: { 'Idempotency-Key': randomUUID() } },
        body: { item: { sku, name }, price },
      });
    const seeds = unwrap(await order('一袋星星种子', 'seeds.star', 30));
    const tractor = unwrap(await order('拖拉机', 'tool.tractor', 120));
    await hostApi.request('POST', `/me/orders/${tractor.id}/cancel`, {
      token: developer.token,
      expected: 200,
    });

    // Usage is added up every second in this host, so the page shows the calls after a reload or two.
    await page.getByRole('link', { name: '调用量' }).click();
    await expect(page.getByText('本时段还剩')).toBeVisible();
    // Each call is counted once its answer has gone, so wait until all six are in.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('row').filter({ hasText: '合计' })).toHaveText(/合计\s*6\s*1\s*0\s*0/, {
        timeout: 1000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('row').filter({ hasText: 'getMe' })).toHaveText(/getMe\s*3\s*0\s*0\s*0/);
    await expect(page.getByRole('row').filter({ hasText: 'getOrder' })).toHaveText(
      /getOrder\s*1\s*1\s*0\s*0/,
    );
    await expect(page.getByRole('row').filter({ hasText: 'createOrder' })).toHaveText(/createOrder\s*2\s*0/);
    await page.getByRole('radiogroup', { name: '统计天数' }).getByText('最近 30 天').click();
    await expect(page.getByText('最近 30 天总计')).toBeVisible();
    await dev.check('console-usage');

    // Orders, newest first, with their states in words and the buyer by openid.
    await page.getByRole('link', { name: '订单' }).click();
    const rows = page.getByRole('row');
    await expect(rows.filter({ hasText: '拖拉机' }).getByText('买家已取消')).toBeVisible();
    await expect(rows.filter({ hasText: '一袋星星种子' }).getByText('待支付')).toBeVisible();
    await expect(rows.filter({ hasText: '一袋星星种子' }).getByText(seeds.buyer)).toBeVisible();
    await expect(rows.filter({ hasText: /拖拉机|一袋星星种子/ }).first()).toContainText('拖拉机');
    await expect(page.getByText('待支付 · 1')).toBeVisible();
    await expect(page.getByText('买家已取消 · 1')).toBeVisible();
    await dev.check('console-orders');

    // The same three sections in English.
    await dev.setLanguage('en');
    await expect(page.getByRole('heading', { name: 'All orders' })).toBeVisible();
    await expect(rows.filter({ hasText: '拖拉机' }).getByText('Cancelled by the buyer')).toBeVisible();
    await dev.check('console-orders');
    await page.getByRole('link', { name: 'Usage' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'getMe' })).toBeVisible();
    await dev.check('console-usage');
    await page.getByRole('link', { name: 'Webhook' }).click();
    await expect(page.getByRole('row').filter({ hasText: test2.id }).getByText('Delivered')).toBeVisible();
    await expect(page.getByText('An order was paid')).toBeVisible();
    await dev.check('console-webhook-log');

    dev.expectNoProblems();
  } finally {
    await receiver.close();
  }
});
