// 礼物 Gifts: the canvas. Plain browser script: the plugin's routes under /apps/gifts/api, and the
// host's own session API for the wallet and for paying an order (the user confirms every payment).
'use strict';

const CATEGORIES = {
  all: '全部 All',
  romance: '浪漫 Romance',
  birthday: '生日 Birthday',
  daily: '日常 Daily',
  luxury: '豪华 Luxury',
};

const state = { friends: [], catalog: [], friend: null, gift: null, category: 'all', cursors: {} };

const { call, el, $, notify } = kit;
const api = kit.pluginApi('gifts');

function when(iso) {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function avatar(person) {
  return person.headPortraitUrl
    ? el('img', { class: 'avatar', src: person.headPortraitUrl, alt: '' })
    : el('span', { class: 'avatar placeholder' }, (person.nickname || '?').slice(0, 1));
}

async function loadBalance() {
  try {
    const wallet = await call('GET', '/wallet?limit=1');
    $('balance').textContent = wallet.balance;
  } catch {
    $('balance').textContent = '–';
  }
}

// ── send ────────────────────────────────────────────────────────────────────

function renderFriends() {
  $('no-friends').hidden = state.friends.length > 0;
  $('friends').replaceChildren(
    ...state.friends.map((friend) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            class: 'friend',
            'aria-pressed': String(state.friend === friend),
            onclick: () => {
              state.friend = friend;
              renderFriends();
              renderSummary();
            },
          },
          avatar(friend),
          el('span', {}, friend.nickname),
        ),
      ),
    ),
  );
}

function renderCatalog() {
  $('categories').replaceChildren(
    ...Object.entries(CATEGORIES).map(([id, label]) =>
      el(
        'button',
        {
          class: 'chip',
          'aria-pressed': String(state.category === id),
          onclick: () => {
            state.category = id;
            renderCatalog();
          },
        },
        label,
      ),
    ),
  );
  const shown = state.catalog.filter((gift) => state.category === 'all' || gift.category === state.category);
  $('catalog').replaceChildren(
    ...shown.map((gift) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            class: 'gift',
            'aria-pressed': String(state.gift === gift),
            onclick: () => {
              state.gift = gift;
              renderCatalog();
              renderSummary();
            },
          },
          el('img', { src: gift.image, alt: '' }),
          el('span', { class: 'name' }, gift.name),
          el('span', { class: 'en' }, gift.nameEn),
          el('span', { class: 'price' }, `🪙 ${gift.price}`),
        ),
      ),
    ),
  );
}

function renderSummary() {
  const ready = state.friend && state.gift;
  $('send').disabled = !ready;
  $('summary').textContent = ready
    ? `送给 ${state.friend.nickname}：${state.gift.emoji} ${state.gift.name} · ${state.gift.price} 金币`
    : '请选择好友和礼物 · Choose a friend and a gift';
}

async function waitUntilDelivered(orderId) {
  for (let attempt = 0; attempt < 15; attempt++) {
    const order = await api('GET', `/orders/${orderId}`);
    if (order.status === 'delivered') return true;
    if (order.status !== 'paid') return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

/** One id per attempt, so a double click pays once (randomUUID needs https or localhost). */
function requestId() {
  return window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

async function send() {
  const button = $('send');
  button.disabled = true;
  try {
    const started = await api('POST', '/gifts', {
      to: state.friend.openid,
      giftId: state.gift.id,
      message: $('message').value,
      requestId: requestId(),
    });
    const { order, gift, to } = started;
    $('confirm-body').replaceChildren(
      el('img', { src: gift.image, alt: '' }),
      el('p', {}, `送给 `, el('b', {}, to.nickname), ` ${gift.emoji} ${gift.name}`),
      el('p', { class: 'price' }, `需支付 ${order.price} 金币 · ${order.price} coins`),
    );
    const dialog = $('confirm');
    dialog.returnValue = '';
    dialog.showModal();
    const choice = await new Promise((resolve) =>
      dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }),
    );
    if (choice !== 'pay') {
      await call('POST', `/me/orders/${order.id}/cancel`).catch(() => undefined);
      notify('已取消 · Cancelled');
      return;
    }
    await call('POST', `/me/orders/${order.id}/pay`);
    notify('支付成功，礼物正在送出… · Paid, sending…');
    loadBalance();
    const delivered = await waitUntilDelivered(order.id);
    notify(
      delivered
        ? `🎉 ${gift.emoji} ${gift.name} 已送到 ${to.nickname} 的礼物墙！· Delivered!`
        : '礼物还在路上，稍后在「送出的礼物」里查看 · Still on its way',
      delivered ? 'success' : 'info',
    );
    $('message').value = '';
  } catch (error) {
    notify(error.message, 'error');
  } finally {
    button.disabled = false;
    renderSummary();
  }
}

// ── received / sent ─────────────────────────────────────────────────────────

function giftImage(gift) {
  return gift.catalog
    ? el('img', { class: 'thumb', src: gift.catalog.image, alt: '' })
    : el('span', { class: 'thumb placeholder' }, '🎁');
}

function thanksForm(gift, item) {
  const input = el('input', {
    maxlength: '200',
    placeholder: '回一句谢谢吧 · Say thanks',
    value: '谢谢你的礼物！',
  });
  const form = el(
    'form',
    {
      class: 'thanks-form',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const thanked = await api('POST', `/gifts/${gift.id}/thanks`, { message: input.value });
          item.replaceWith(giftItem({ ...gift, thanks: thanked.thanks }, 'received'));
          notify('已回谢 · Thanked', 'success');
        } catch (error) {
          notify(error.message, 'error');
        }
      },
    },
    input,
    el('button', { class: 'primary small' }, '答谢 Thank'),
  );
  return form;
}

function giftItem(gift, box) {
  const who = box === 'received' ? gift.fromNickname || '一位好友' : gift.toNickname || '一位好友';
  const item = el(
    'li',
    { class: 'gift-row' },
    giftImage(gift),
    el(
      'div',
      { class: 'gift-text' },
      el(
        'p',
        { class: 'headline' },
        box === 'received' ? `${who} 送给你 ${gift.name}` : `送给 ${who} ${gift.name}`,
      ),
      gift.message ? el('p', { class: 'message' }, `“${gift.message}”`) : null,
      gift.thanks
        ? el('p', { class: 'thanks' }, `💌 ${box === 'received' ? '你' : who}回谢：${gift.thanks.message}`)
        : null,
      el('p', { class: 'meta' }, when(gift.createdAt), gift.price ? ` · 🪙 ${gift.price}` : ''),
    ),
  );
  if (box === 'received' && !gift.thanks) item.querySelector('.gift-text').append(thanksForm(gift, item));
  return item;
}

async function loadBox(box, more = false) {
  const list = $(box);
  try {
    const cursor = more ? state.cursors[box] : undefined;
    const page = await api(
      'GET',
      `/gifts?box=${box}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const items = page.items.map((gift) => giftItem(gift, box));
    if (more) list.append(...items);
    else
      list.replaceChildren(
        ...(items.length
          ? items
          : [
              el(
                'li',
                { class: 'empty' },
                box === 'received' ? '还没有收到礼物 · No gifts yet' : '还没有送出礼物 · Nothing sent yet',
              ),
            ]),
      );
    state.cursors[box] = page.nextCursor;
    $(`${box}-more`).hidden = !page.nextCursor;
  } catch (error) {
    notify(error.message, 'error');
  }
}

// ── start ───────────────────────────────────────────────────────────────────

function showTab(tab) {
  kit.showPanel(tab);
  if (tab !== 'send') loadBox(tab);
}

async function start() {
  kit.onTab(showTab);
  $('send').addEventListener('click', send);
  $('received-more').addEventListener('click', () => loadBox('received', true));
  $('sent-more').addEventListener('click', () => loadBox('sent', true));
  loadBalance();
  try {
    const [catalog, friends] = await Promise.all([api('GET', '/catalog'), api('GET', '/friends')]);
    state.catalog = catalog.items;
    state.friends = friends.items;
    renderFriends();
    renderCatalog();
    renderSummary();
  } catch (error) {
    notify(error.message, 'error');
  }
  if (location.hash === '#received') showTab('received');
}

start();
