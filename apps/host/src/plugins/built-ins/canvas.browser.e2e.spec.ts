import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { CROPS } from '../../../../../plugins/farm/src/crops';
import { STARTING_GOLD } from '../../../../../plugins/farm/src/rules';
import type { TestUser } from '../../testing/factory';
import { PluginTestKit } from '../plugins.testing';
import { CanvasTab, launchChromium } from './canvas-browser.testing';

const MINUTE = 60 * 1000;
const turnip = CROPS.turnip;

/** Real users in a real browser: each built-in plugin's canvas, signed in with the session cookie. */
describe('the built-in canvases in a browser (e2e)', () => {
  let kit: PluginTestKit;
  let browser: Browser;
  let alice: TestUser;
  let bob: TestUser;
  const tabs: CanvasTab[] = [];

  const open = async (user: TestUser, path: string) => {
    const tab = await CanvasTab.open(browser, kit.baseUrl, user, path);
    tabs.push(tab);
    return tab;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    kit = await PluginTestKit.start({ plugins: ['farm', 'gifts', 'polls'] });
    [alice, bob] = await Promise.all(['alice', 'bob'].map((name) => kit.factory.newUser(name)));
    await kit.factory.befriend(alice, bob);
    for (const user of [alice, bob]) {
      for (const plugin of ['farm', 'gifts', 'polls']) await kit.installFor(user, plugin);
    }
  });

  afterEach(async () => {
    // Every page of the test stayed free of console errors, uncaught exceptions and failed requests,
    // and shows no value that leaked into the text unformatted.
    for (const tab of tabs) tab.problems.push(...(await tab.leakedValues()));
    const problems = tabs.flatMap((tab) => tab.problems);
    await Promise.all(tabs.splice(0).map((tab) => tab.close()));
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await kit?.close();
  });

  it('lets a farmer buy seeds, plant, water and harvest, and a friend steal a ripe crop', async () => {
    const farm = await open(alice, '/apps/farm/');
    await farm.see(`💰 ${STARTING_GOLD}`);
    await farm.see('Lv 1');
    await farm.see('种子袋是空的');
    expect(await farm.page.getByText('空地', { exact: true }).count()).toBe(6);

    // The first seed of the shop is the turnip, the one crop of level 1.
    await farm.click('买5');
    await farm.see(`买了 5 个${turnip.name}种子`);
    await farm.see(`💰 ${STARTING_GOLD - 5 * turnip.seedPrice}`);
    await farm.see(`${turnip.emoji} ${turnip.name} ×5`);
    await farm.click(`播种 ${turnip.emoji}`);
    await farm.see(`${turnip.name} · 种子`);
    await farm.see(/后成熟$/);
    expect(await farm.page.getByText('空地', { exact: true }).count()).toBe(5);

    // The soil dries after half the growth time: the plot asks for water.
    kit.host.clock.advance(turnip.growthMs / 2 + MINUTE / 6);
    await farm.reload();
    await farm.see('💧 干旱，长得慢');
    await farm.click('💧 浇水');
    await farm.page.getByText('💧 干旱，长得慢').waitFor({ state: 'hidden' });

    kit.host.clock.advance(turnip.growthMs);
    await farm.reload();
    await farm.see(`${turnip.name} · 成熟`);
    await farm.see(`${turnip.yield} 个`);
    await farm.click('🧺 收获');
    await farm.see(
      `收获 ${turnip.emoji}×${turnip.yield}：+${turnip.yield * turnip.sellPrice}金币 +${turnip.xp}经验`,
    );
    const goldAfterHarvest = STARTING_GOLD - 5 * turnip.seedPrice + turnip.yield * turnip.sellPrice;
    await farm.see(`💰 ${goldAfterHarvest}`);
    await farm.see(new RegExp(`^${turnip.xp} / \\d+ 经验$`));
    expect(await farm.page.getByText('空地', { exact: true }).count()).toBe(6);

    // A second turnip, left to ripen without water, for the neighbour.
    await farm.click(`${turnip.emoji} ${turnip.name} ×4`);
    await farm.click(`播种 ${turnip.emoji}`);
    await farm.see(`${turnip.emoji} ${turnip.name} ×3`);
    kit.host.clock.advance(2 * turnip.growthMs);

    const neighbour = await open(bob, '/apps/farm/');
    await neighbour.see(`💰 ${STARTING_GOLD}`);
    await neighbour.click(`✋ ${alice.username} · Lv 1`);
    await neighbour.see(`正在参观 ${alice.username} 的农场`);
    await neighbour.see(`${turnip.name} · 成熟`);
    const steal = neighbour.page.getByRole('button', { name: /^✋ 偷 \d+ 个$/ });
    const units = Number(/\d+/.exec(await steal.innerText())![0]);
    expect(units).toBeGreaterThan(0);
    await steal.click();
    await neighbour.see(`偷到 ${turnip.emoji}×${units}，+${units * turnip.sellPrice}金币`);
    await neighbour.see(`💰 ${STARTING_GOLD + units * turnip.sellPrice}`);
    await neighbour.see('已偷过');
    await neighbour.screenshot('/tmp/canvas-farm-visit.png');

    // The farmer sees what is left of the crop.
    await farm.reload();
    await farm.see(`${turnip.yield - units} 个（被偷 ${units}）`);
    await farm.screenshot('/tmp/canvas-farm.png');
  });

  it('lets a user create a poll in the form, and a friend find it, vote and see the results once voted', async () => {
    const creator = await open(alice, '/apps/polls/');
    await creator.see('还没有投票');
    await creator.page.getByRole('tab', { name: /发起投票/ }).click();
    await creator.page.getByLabel(/问题/).fill('周末去哪儿玩？');
    await creator.page.getByPlaceholder('选项 1').fill('爬山');
    await creator.page.getByPlaceholder('选项 2').fill('看电影');
    await creator.click('＋ 添加选项 Add option');
    await creator.page.getByPlaceholder('选项 3').fill('宅家');
    await creator.page.getByLabel(/结果可见/).selectOption({ label: '投票后可见 After voting' });
    await creator.click('发起投票 Create');
    await creator.see('投票已发起');
    await creator.page.getByRole('heading', { name: '周末去哪儿玩？' }).waitFor();
    await creator.see('好友可投 · 投票后可见结果');
    // The creator always follows the count.
    await creator.see('共 0 人参与');
    expect(await creator.page.getByText('0 票 · 0%').count()).toBe(3);

    const voter = await open(bob, '/apps/polls/');
    await voter.see(`${alice.username} 发起 · 3 个选项`);
    await voter.click(/周末去哪儿玩？/);
    await voter.see('🔒 投票后即可查看结果');
    expect(await voter.page.getByText(/票 · \d+%/).count()).toBe(0);
    await voter.page.getByLabel('看电影').check();
    await voter.click('投票 Vote');
    await voter.see('投票成功');
    await voter.see('✅ 看电影');
    await voter.see('1 票 · 100%');
    expect(await voter.page.getByText('0 票 · 0%').count()).toBe(2);
    await voter.see('共 1 人参与');
    await voter.screenshot('/tmp/canvas-polls-voted.png');

    await creator.reload();
    await creator.see('1 票 · 100%');
    await creator.screenshot('/tmp/canvas-polls.png');
  });

  it("lets a user pick a friend and a gift, confirm the payment, and the gift reaches the friend's wall", async () => {
    const admin = await kit.factory.admin();
    const granted = await kit.host.post(`/admin/users/${alice.id}/coin-grants`, {
      token: admin.token,
      body: { amount: 100, idempotencyKey: randomUUID() },
    });
    expect(granted.status).toBe(201);

    const sender = await open(alice, '/apps/gifts/');
    await sender.see('请选择好友和礼物');
    await sender.page
      .getByTitle(/我的金币/)
      .getByText('100', { exact: true })
      .waitFor();
    expect(await sender.page.getByRole('button', { name: '送出 Send' }).isDisabled()).toBe(true);
    await sender.click(new RegExp(bob.username));
    await sender.click(/玫瑰/);
    await sender.see(`送给 ${bob.username}：🌹 玫瑰 · 10 金币`);
    await sender.page.getByPlaceholder(/想对TA说的话/).fill('生日快乐！');
    await sender.click('送出 Send');

    const dialog = sender.page.getByRole('dialog');
    await dialog.getByText('需支付 10 金币').waitFor();
    await sender.screenshot('/tmp/canvas-gifts-confirm.png');
    await dialog.getByRole('button', { name: '支付 Pay' }).click();
    await sender.see(`🎉 🌹 玫瑰 已送到 ${bob.username} 的礼物墙！`);
    await sender.page
      .getByTitle(/我的金币/)
      .getByText('90', { exact: true })
      .waitFor();
    await sender.screenshot('/tmp/canvas-gifts.png');

    const recipient = await open(bob, '/apps/gifts/#received');
    await recipient.see(`${alice.username} 送给你 🌹 玫瑰`);
    await recipient.see('“生日快乐！”');
    // One gift is the whole list: no "more" to page to.
    expect(await recipient.page.getByRole('button', { name: '更多 More' }).isVisible()).toBe(false);
    await recipient.click('答谢 Thank');
    await recipient.see('💌 你回谢：谢谢你的礼物！');
    await recipient.screenshot('/tmp/canvas-gifts-received.png');

    await sender.page.getByRole('tab', { name: /送出的礼物/ }).click();
    await sender.see(`送给 ${bob.username} 🌹 玫瑰`);
    await sender.see(`💌 ${bob.username}回谢：谢谢你的礼物！`);

    const wall = await kit.host.get(`/spaces/${bob.id}/gifts`, { token: alice.token });
    expect(wall.status).toBe(200);
    expect(wall.body.items).toEqual([
      expect.objectContaining({
        sender: expect.objectContaining({ id: alice.id }),
        name: '🌹 玫瑰',
        message: '生日快乐！',
        thanks: expect.objectContaining({ message: '谢谢你的礼物！' }),
      }),
    ]);
  });
});
