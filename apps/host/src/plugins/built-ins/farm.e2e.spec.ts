import { CROPS } from '../../../../../plugins/farm/src/crops';
import { STARTING_GOLD } from '../../../../../plugins/farm/src/rules';
import { expectProblem } from '../../testing/expect-problem';
import type { TestUser } from '../../testing/factory';
import { PluginTestKit } from '../plugins.testing';

const turnip = CROPS.turnip;

describe('the farm plugin (e2e)', () => {
  let kit: PluginTestKit;
  let farmer: TestUser;
  let neighbour: TestUser;
  let stranger: TestUser;
  /** More friends of the farmer, who race the neighbour to the same crop. */
  let gang: TestUser[];
  let farmerOpenid: string;

  const api = (user: TestUser, method: string, path: string, body?: unknown) =>
    kit.call(user, method, `/apps/farm/api${path}`, body);
  const install = async (user: TestUser) => {
    const response = await kit.host.post(`/app-center/apps/${kit.appId('farm')}/install`, {
      token: user.token,
      body: {},
    });
    expect(response.status).toBe(200);
  };
  const advance = (ms: number) => kit.host.clock.advance(ms);

  beforeAll(async () => {
    kit = await PluginTestKit.start({ plugins: ['farm'] });
    [farmer, neighbour, stranger] = await Promise.all(
      ['farmer', 'neighbour', 'stranger'].map((name) => kit.factory.newUser(name)),
    );
    gang = await Promise.all([1, 2, 3, 4].map((n) => kit.factory.newUser(`thief${n}`)));
    for (const friend of [neighbour, ...gang]) await kit.factory.befriend(farmer, friend);
    for (const user of [farmer, neighbour, stranger, ...gang]) await install(user);
    farmerOpenid = await kit.openid(farmer, 'farm');
  });

  afterAll(() => kit.close());

  it('lists the farm in the app center as a game anyone may install', async () => {
    const detail = await kit.host.get(`/app-center/apps/${kit.appId('farm')}`, { token: stranger.token });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ name: 'QQ农场 Farm', category: 'games' });
    const canvas = await fetch(`${kit.baseUrl}/apps/farm/`);
    expect(canvas.status).toBe(200);
    expect(await canvas.text()).toContain('<script src="app.js" defer></script>');
  });

  it('gives a new farmer gold and six empty plots, and a seed shop', async () => {
    const farm = await api(farmer, 'GET', '/farm');
    expect(farm.status).toBe(200);
    expect(farm.body.me).toEqual({
      openid: farmerOpenid,
      nickname: expect.any(String),
      headPortraitUrl: null,
    });
    expect(farm.body.farm).toMatchObject({
      openid: farmerOpenid,
      gold: STARTING_GOLD,
      xp: 0,
      level: 1,
      seeds: {},
    });
    expect(farm.body.farm.plots).toHaveLength(6);
    const shop = await api(farmer, 'GET', '/shop');
    expect(shop.body.crops.map((crop: { id: string }) => crop.id)).toEqual(Object.keys(CROPS));
  });

  it('sells seeds for gold, refusing what the gold or the level does not allow', async () => {
    expectProblem(
      await api(farmer, 'POST', '/shop/buy', { crop: 'carrot', quantity: 99 }),
      409,
      'insufficient_funds',
    );
    expectProblem(await api(farmer, 'POST', '/shop/buy', { crop: 'strawberry' }), 409, 'level_too_low');
    expectProblem(await api(farmer, 'POST', '/shop/buy', { crop: 'gold-bar' }), 400, 'validation_failed');
    const bought = await api(farmer, 'POST', '/shop/buy', { crop: 'turnip', quantity: 2 });
    expect(bought.status).toBe(200);
    expect(bought.body.farm).toMatchObject({
      gold: STARTING_GOLD - 2 * turnip.seedPrice,
      seeds: { turnip: 2 },
    });
  });

  it('plants and waters; a friend sees the seeds growing but cannot steal them yet', async () => {
    for (const plot of [0, 1]) {
      expect((await api(farmer, 'POST', `/plots/${plot}/plant`, { crop: 'turnip' })).status).toBe(200);
      const watered = await api(farmer, 'POST', `/plots/${plot}/water`);
      expect(watered.body.farm.plots[plot]).toMatchObject({ crop: 'turnip', stage: 'seed', thirsty: false });
    }
    expectProblem(await api(farmer, 'POST', '/plots/0/plant', { crop: 'turnip' }), 409, 'plot_occupied');
    expectProblem(await api(farmer, 'POST', '/plots/0/water'), 409, 'not_thirsty');

    const visit = await api(neighbour, 'GET', `/farms/${farmerOpenid}`);
    expect(visit.status).toBe(200);
    expect(visit.body.farm.plots[0]).toMatchObject({ crop: 'turnip', stage: 'seed', stealable: 0 });
    expectProblem(await api(neighbour, 'POST', `/farms/${farmerOpenid}/plots/0/steal`), 409, 'not_ripe');
  });

  it('ripens the crops over host time when watered again once the soil dries', async () => {
    advance(turnip.growthMs / 2);
    const dry = await api(farmer, 'GET', '/farm');
    expect(dry.body.farm.plots[0]).toMatchObject({ stage: 'sprout', thirsty: true });
    for (const plot of [0, 1]) expect((await api(farmer, 'POST', `/plots/${plot}/water`)).status).toBe(200);
    advance(turnip.growthMs / 2);
    const ripe = await api(farmer, 'GET', '/farm');
    expect(ripe.body.farm.plots.slice(0, 2)).toEqual([
      expect.objectContaining({ stage: 'ripe', units: turnip.yield }),
      expect.objectContaining({ stage: 'ripe', units: turnip.yield }),
    ]);
  });

  it('lets only app friends visit and steal', async () => {
    expectProblem(await api(stranger, 'GET', `/farms/${farmerOpenid}`), 403, 'not_friends');
    expectProblem(await api(stranger, 'POST', `/farms/${farmerOpenid}/plots/0/steal`), 403, 'not_friends');
    const friends = await api(neighbour, 'GET', '/friends');
    expect(friends.body.items).toEqual([
      expect.objectContaining({ openid: farmerOpenid, stealablePlots: 2 }),
    ]);
  });

  it('lets a friend steal once per crop, however many steals race', async () => {
    const steals = await Promise.all(
      [1, 2, 3, 4, 5].map(() => api(neighbour, 'POST', `/farms/${farmerOpenid}/plots/0/steal`)),
    );
    const won = steals.filter((response) => response.status === 200);
    expect(won).toHaveLength(1);
    expect(won[0].body.loot).toEqual({ plot: 0, crop: 'turnip', units: 2, gold: 2 * turnip.sellPrice });
    expect(won[0].body.gold).toBe(STARTING_GOLD + 2 * turnip.sellPrice);
    for (const lost of steals.filter((response) => response.status !== 200)) {
      expectProblem(lost, 409, 'already_stolen');
    }
    const visit = await api(neighbour, 'GET', `/farms/${farmerOpenid}`);
    expect(visit.body.farm.plots[0]).toMatchObject({ stolen: 2, stealable: 0, stolenByYou: true });
  });

  it('leaves the owner at least half of a crop when five friends race to steal it', async () => {
    const steals = await Promise.all(
      [neighbour, ...gang].map((thief) => api(thief, 'POST', `/farms/${farmerOpenid}/plots/1/steal`)),
    );
    const units = steals
      .filter((response) => response.status === 200)
      .map((response) => response.body.loot.units);
    expect(units.sort()).toEqual([1, 2, 2]);
    for (const refused of steals.filter((response) => response.status !== 200)) {
      expectProblem(refused, 409, 'nothing_to_steal');
    }
    const farm = await api(farmer, 'GET', '/farm');
    expect(farm.body.farm.plots[1]).toMatchObject({ stolen: 5, units: turnip.yield - 5 });
  });

  it('harvests what the thieves left for gold and experience, with a story friends see', async () => {
    const harvest = await api(farmer, 'POST', '/harvest');
    expect(harvest.status).toBe(200);
    expect(harvest.body).toMatchObject({
      gold: (turnip.yield - 2 + turnip.yield - 5) * turnip.sellPrice,
      xp: 2 * turnip.xp,
      levelUp: null,
      storyPosted: true,
    });
    expect(harvest.body.farm).toMatchObject({
      gold: STARTING_GOLD - 2 * turnip.seedPrice + 13 * turnip.sellPrice,
      xp: 2 * turnip.xp,
    });
    expect(harvest.body.farm.plots[0]).toMatchObject({ crop: null });
    expectProblem(await api(farmer, 'POST', '/plots/0/harvest'), 409, 'plot_empty');

    const feed = await kit.host.get('/feed', { token: neighbour.token, query: { limit: 100 } });
    expect(feed.status).toBe(200);
    const stories = feed.body.items.filter((item: any) => item.post.app?.name === 'QQ农场 Farm');
    expect(stories).toEqual([
      expect.objectContaining({
        post: expect.objectContaining({
          kind: 'story',
          author: expect.objectContaining({ id: farmer.id }),
          body: expect.stringContaining('第一次收获了🥬白萝卜'),
        }),
      }),
    ]);
  });

  it('stops working for a user who uninstalls, and their friends can no longer visit', async () => {
    const uninstall = await kit.host.delete(`/app-center/apps/${kit.appId('farm')}/install`, {
      token: farmer.token,
    });
    expect(uninstall.status).toBe(204);
    expectProblem(await api(farmer, 'GET', '/farm'), 403, 'forbidden');
    expectProblem(await api(neighbour, 'GET', `/farms/${farmerOpenid}`), 403, 'not_friends');
    expect((await api(neighbour, 'GET', '/farm')).status).toBe(200);
  });
});
