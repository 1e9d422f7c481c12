// QQ农场 canvas: plain browser script, no build. Talks to the plugin's routes under the user's session.
'use strict';

const REFRESH_MS = 30_000;

const STAGE_ART = { seed: '🟤', sprout: '🌱', growing: '🌿', withered: '🥀' };
const STAGE_NAMES = { seed: '种子', sprout: '发芽', growing: '生长中', ripe: '成熟', withered: '枯萎' };

/** Problem codes the routes answer, in the players' words. */
const MESSAGES = {
  insufficient_funds: '金币不够啦 💸',
  level_too_low: '等级不够，还不能买这种种子',
  no_seeds: '种子袋里没有这种种子，先去商店买吧',
  plot_occupied: '这块地已经种上了',
  plot_empty: '这块地是空的',
  not_ripe: '还没成熟呢',
  not_thirsty: '土还是湿的，不用浇水',
  not_growing: '只有正在生长的作物需要浇水',
  withered: '作物已经枯萎了',
  already_stolen: '这块地你已经偷过了 🙈',
  nothing_to_steal: '剩下的要留给主人，不能再偷了',
  not_friends: '只能参观一起玩QQ农场的好友',
  limit_reached: '种子袋装不下了',
  conflict: '农场太忙了，请再试一次',
};

const state = {
  shop: [],
  me: null,
  /** The farm on screen: mine, or the friend's being visited. */
  farm: null,
  visiting: null,
  selectedSeed: null,
  /** Host time minus this browser's time, so countdowns follow the host's clock. */
  clockSkew: 0,
  friendsCursor: null,
};

const { el, $, notify } = kit;
const farmApi = kit.pluginApi('farm');
const cropOf = (id) => state.shop.find((crop) => crop.id === id);
const hostNow = () => Date.now() + state.clockSkew;

/** A call to the farm's routes; a refusal becomes an Error in the players' words. */
async function call(method, path, body) {
  try {
    return await farmApi(method, path, body);
  } catch (error) {
    if (!(error instanceof kit.ProblemError)) throw error;
    if (error.status === 401) throw new Error('请先登录空间');
    if (error.status === 403 && error.code !== 'not_friends') throw new Error('请先在应用中心安装QQ农场');
    throw new Error(MESSAGES[error.code] || error.message || `出错了 (${error.status})`);
  }
}

function formatDuration(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}小时${m}分`;
  if (m > 0) return `${m}分${s}秒`;
  return `${s}秒`;
}

const button = (label, onClick, className) =>
  el('button', { type: 'button', class: className, onclick: onClick }, label);

/** Runs an action, shows its outcome, and puts the farm it answers on screen. */
async function act(action) {
  try {
    const result = await action();
    if (result && result.farm) showFarm(result.farm);
    return result;
  } catch (error) {
    notify(error.message, 'error');
    return null;
  }
}

function showFarm(farm) {
  state.farm = farm;
  state.clockSkew = farm.now - Date.now();
  renderHeader();
  renderPlots();
  renderBag();
  renderShop();
}

function renderHeader() {
  const farm = state.farm;
  const own = !state.visiting;
  $('visiting').hidden = own;
  if (!own) $('visiting-text').textContent = `正在参观 ${state.visiting.nickname} 的农场 (Lv ${farm.level})`;
  const me = own ? farm : null;
  $('title').textContent = state.me && state.me.nickname ? `${state.me.nickname} 的QQ农场` : 'QQ农场';
  if (me) {
    $('level').textContent = `Lv ${me.level}`;
    $('gold').textContent = `💰 ${me.gold}`;
    const span = me.nextLevelXp - me.levelXp;
    $('xp-fill').style.width = `${Math.min(100, ((me.xp - me.levelXp) / span) * 100)}%`;
    $('xp-text').textContent = `${me.xp - me.levelXp} / ${span} 经验`;
  }
  $('harvest-all').hidden = !own;
  $('selected-seed').hidden = !own;
}

/** Growth shown between refreshes: moves towards ripe at the pace the host predicted. */
function liveProgress(plot, now) {
  if (plot.stage === 'ripe' || plot.stage === 'withered' || plot.ripeAt === null) return plot.progress;
  const total = plot.ripeAt - state.farm.now;
  if (total <= 0) return 1;
  return Math.min(1, plot.progress + (1 - plot.progress) * ((now - state.farm.now) / total));
}

function plotTile(plot) {
  const tile = document.createElement('div');
  tile.className = `plot ${plot.stage || 'empty'}${plot.thirsty ? ' thirsty' : ''}`;
  tile.dataset.plot = String(plot.index);
  const crop = plot.crop ? cropOf(plot.crop) : null;

  const art = document.createElement('div');
  art.className = 'art';
  art.textContent = !crop ? '' : plot.stage === 'ripe' ? crop.emoji : STAGE_ART[plot.stage];
  tile.append(art);

  const label = document.createElement('div');
  label.className = 'label';
  label.textContent = crop ? `${crop.name} · ${STAGE_NAMES[plot.stage]}` : '空地';
  tile.append(label);

  if (crop && plot.stage !== 'ripe' && plot.stage !== 'withered') {
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('span');
    fill.className = 'fill';
    bar.append(fill);
    const left = document.createElement('div');
    left.className = 'time-left';
    tile.append(bar, left);
  }
  if (crop && plot.stage === 'ripe') {
    const units = document.createElement('div');
    units.className = 'units';
    units.textContent = plot.stolen > 0 ? `${plot.units} 个（被偷 ${plot.stolen}）` : `${plot.units} 个`;
    tile.append(units);
  }
  if (plot.thirsty) {
    const badge = document.createElement('div');
    badge.className = 'badge';
    badge.textContent = '💧 干旱，长得慢';
    tile.append(badge);
  }

  const actions = document.createElement('div');
  actions.className = 'actions';
  if (state.visiting) {
    if (plot.stealable > 0) {
      actions.append(button(`✋ 偷 ${plot.stealable} 个`, () => stealFrom(plot.index), 'steal'));
    } else if (plot.stolenByYou) {
      actions.append(
        Object.assign(document.createElement('span'), { className: 'hint', textContent: '已偷过' }),
      );
    }
  } else if (!crop) {
    const seed = state.selectedSeed && cropOf(state.selectedSeed);
    if (seed && (state.farm.seeds[seed.id] || 0) > 0) {
      actions.append(button(`播种 ${seed.emoji}`, () => plantOn(plot.index, seed.id)));
    }
  } else if (plot.stage === 'ripe') {
    actions.append(button('🧺 收获', () => harvestPlot(plot.index), 'primary'));
  } else if (plot.stage === 'withered') {
    actions.append(button('🪓 铲除', () => clearOn(plot.index)));
  } else if (plot.thirsty) {
    actions.append(button('💧 浇水', () => waterOn(plot.index), 'water'));
  }
  tile.append(actions);
  return tile;
}

function renderPlots() {
  const container = $('plots');
  container.replaceChildren(...state.farm.plots.map(plotTile));
  tick();
}

/** Moves progress bars and countdowns every second; fetches the farm again when a crop ripens or dries. */
function tick() {
  if (!state.farm) return;
  const now = hostNow();
  let changed = false;
  for (const plot of state.farm.plots) {
    if (!plot.crop || plot.stage === 'ripe' || plot.stage === 'withered') continue;
    const tile = document.querySelector(`.plot[data-plot="${plot.index}"]`);
    if (!tile) continue;
    tile.querySelector('.fill').style.width = `${liveProgress(plot, now) * 100}%`;
    const left = plot.ripeAt - now;
    tile.querySelector('.time-left').textContent = left > 0 ? `${formatDuration(left)}后成熟` : '快成熟了…';
    if (left <= 0 || (plot.wetUntil !== null && now >= plot.wetUntil)) changed = true;
  }
  if (changed) scheduleRefresh(1000);
}

function renderBag() {
  const bag = $('bag');
  const owned = state.shop.filter((crop) => (state.farm.seeds[crop.id] || 0) > 0);
  if (state.visiting) {
    bag.replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'hint',
        textContent: '回到自己的农场才能播种',
      }),
    );
    return;
  }
  if (owned.length === 0) {
    bag.replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'hint',
        textContent: '种子袋是空的，去商店买些种子吧',
      }),
    );
    return;
  }
  bag.replaceChildren(
    ...owned.map((crop) => {
      const choice = button(`${crop.emoji} ${crop.name} ×${state.farm.seeds[crop.id]}`, () => {
        state.selectedSeed = crop.id;
        $('selected-seed').textContent = `已选 ${crop.emoji}${crop.name}，点空地上的“播种”`;
        renderBag();
        renderPlots();
      });
      if (state.selectedSeed === crop.id) choice.classList.add('selected');
      return choice;
    }),
  );
}

function renderShop() {
  const shop = $('shop');
  const level = state.visiting ? 0 : state.farm.level;
  shop.replaceChildren(
    ...state.shop.map((crop) => {
      const row = document.createElement('div');
      row.className = 'shop-row';
      const info = document.createElement('div');
      info.className = 'shop-info';
      const name = Object.assign(document.createElement('strong'), {
        textContent: `${crop.emoji} ${crop.name}`,
      });
      const details = Object.assign(document.createElement('small'), {
        textContent: `${crop.seedPrice}金币 · ${formatDuration(crop.growthMs)}成熟 · 产${crop.yield}个 × ${crop.sellPrice}金币 · ${crop.xp}经验`,
      });
      info.append(name, details);
      row.append(info);
      if (state.visiting) return row;
      if (level < crop.level) {
        row.append(
          Object.assign(document.createElement('span'), {
            className: 'locked',
            textContent: `🔒 Lv ${crop.level}`,
          }),
        );
      } else {
        row.append(
          button('买1', () => buy(crop.id, 1)),
          button('买5', () => buy(crop.id, 5)),
        );
      }
      return row;
    }),
  );
}

async function loadFriends(more) {
  try {
    const query = more && state.friendsCursor ? `?cursor=${encodeURIComponent(state.friendsCursor)}` : '';
    const page = await call('GET', `/friends${query}`);
    const list = $('friends');
    if (!more) list.replaceChildren();
    if (!more && page.items.length === 0) {
      list.append(
        Object.assign(document.createElement('li'), {
          className: 'hint',
          textContent: '还没有好友在玩QQ农场，邀请他们来吧！',
        }),
      );
    }
    for (const friend of page.items) {
      const item = document.createElement('li');
      item.append(
        button(
          `${friend.stealablePlots > 0 ? '✋ ' : ''}${friend.nickname} · Lv ${friend.level}`,
          () => visit(friend),
          friend.stealablePlots > 0 ? 'friend ripe' : 'friend',
        ),
      );
      list.append(item);
    }
    state.friendsCursor = page.nextCursor;
    $('more-friends').hidden = !page.nextCursor;
  } catch (error) {
    notify(error.message, 'error');
  }
}

async function loadMyFarm() {
  const result = await act(async () => {
    const data = await call('GET', '/farm');
    state.me = data.me;
    state.visiting = null;
    return data;
  });
  return result;
}

async function visit(friend) {
  await act(async () => {
    const data = await call('GET', `/farms/${encodeURIComponent(friend.openid)}`);
    state.visiting = friend;
    return data;
  });
}

const buy = (crop, quantity) =>
  act(async () => {
    const data = await call('POST', '/shop/buy', { crop, quantity });
    state.selectedSeed = crop;
    notify(`买了 ${quantity} 个${cropOf(crop).name}种子`);
    return data;
  });

const plantOn = (plot, crop) => act(() => call('POST', `/plots/${plot}/plant`, { crop }));
const waterOn = (plot) => act(() => call('POST', `/plots/${plot}/water`));
const clearOn = (plot) => act(() => call('POST', `/plots/${plot}/clear`));

function announceHarvest(result) {
  if (!result) return;
  let text = `收获 ${result.harvests.map((one) => `${cropOf(one.crop).emoji}×${one.units}`).join(' ')}：+${result.gold}金币 +${result.xp}经验`;
  if (result.levelUp) text += ` 🎉 升到 ${result.levelUp} 级！`;
  notify(text, 'success');
}

const harvestPlot = async (plot) => announceHarvest(await act(() => call('POST', `/plots/${plot}/harvest`)));
const harvestEverything = async () => announceHarvest(await act(() => call('POST', '/harvest')));

async function stealFrom(plot) {
  const friend = state.visiting;
  const result = await act(() =>
    call('POST', `/farms/${encodeURIComponent(friend.openid)}/plots/${plot}/steal`),
  );
  if (!result) return;
  $('gold').textContent = `💰 ${result.gold}`;
  notify(
    `偷到 ${cropOf(result.loot.crop).emoji}×${result.loot.units}，+${result.loot.gold}金币 🤫`,
    'success',
  );
}

let refreshTimer;
let refreshDue = Infinity;
/** Fetches the farm again after `delay`, unless a refresh is already due sooner. */
function scheduleRefresh(delay) {
  if (Date.now() + delay >= refreshDue) return;
  clearTimeout(refreshTimer);
  refreshDue = Date.now() + delay;
  refreshTimer = setTimeout(refresh, delay);
}

async function refresh() {
  refreshDue = Infinity;
  if (state.visiting) await visit(state.visiting);
  else await Promise.all([loadMyFarm(), loadFriends(false)]);
  scheduleRefresh(REFRESH_MS);
}

async function start() {
  $('go-home').addEventListener('click', () => loadMyFarm());
  $('harvest-all').addEventListener('click', harvestEverything);
  $('more-friends').addEventListener('click', () => loadFriends(true));
  try {
    state.shop = (await call('GET', '/shop')).crops;
  } catch (error) {
    notify(error.message, 'error');
    return;
  }
  await loadMyFarm();
  await loadFriends(false);
  setInterval(tick, 1000);
  scheduleRefresh(REFRESH_MS);
}

start();
