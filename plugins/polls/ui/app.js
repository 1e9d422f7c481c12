// 投票 Polls: the canvas. Plain browser script calling the plugin's routes under /apps/polls/api.
'use strict';

/** An open poll's page refreshes this often, so the counts move as friends vote. */
const REFRESH_MS = 5000;
const AUDIENCE = { friends: '好友可投', everyone: '所有人可投' };
const RESULTS = { always: '结果始终可见', after_vote: '投票后可见结果', after_close: '结束后公布结果' };

let refreshTimer = null;

const { el, $, notify } = kit;
const api = kit.pluginApi('polls');

const pad = (n) => String(n).padStart(2, '0');
function when(iso) {
  const date = new Date(iso);
  return `${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function status(poll) {
  if (poll.closed) return el('span', { class: 'badge closed' }, '已结束 Closed');
  return el('span', { class: 'badge open' }, `进行中 · ${when(poll.closesAt)} 截止`);
}

// ── list ────────────────────────────────────────────────────────────────────

async function loadList() {
  try {
    const { items } = await api('GET', '/polls');
    $('polls').replaceChildren(
      ...(items.length
        ? items.map((poll) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  class: 'card poll-card',
                  onclick: () => (location.hash = `#poll=${encodeURIComponent(poll.id)}`),
                },
                el('p', { class: 'question' }, poll.question),
                el(
                  'p',
                  { class: 'meta' },
                  status(poll),
                  ` ${poll.mine ? '我发起的' : `${poll.creator.nickname} 发起`} · ${poll.options.length} 个选项`,
                  poll.totalVotes === null ? '' : ` · ${poll.totalVotes} 票`,
                  poll.myVote === null ? '' : ' · ✅ 已投票',
                ),
              ),
            ),
          )
        : [el('li', { class: 'empty' }, '还没有投票，发起第一个吧！· No polls yet — create one!')]),
    );
  } catch (error) {
    notify(error.message, 'error');
  }
}

// ── one poll ────────────────────────────────────────────────────────────────

function optionRow(poll, option) {
  const chosen = poll.myVote === option.index;
  const bar = poll.resultsVisible
    ? el(
        'div',
        { class: 'bar' },
        el('div', { class: 'fill', style: `width:${option.percent}%` }),
        el('span', { class: 'count' }, `${option.votes} 票 · ${option.percent}%`),
      )
    : null;
  const label = el('span', { class: 'option-text' }, chosen ? `✅ ${option.text}` : option.text);
  if (poll.canVote) {
    return el(
      'li',
      { class: 'option' },
      el('label', {}, el('input', { type: 'radio', name: 'option', value: String(option.index) }), label),
      bar,
    );
  }
  return el('li', { class: `option${chosen ? ' chosen' : ''}` }, label, bar);
}

function renderPoll(poll) {
  const form = el(
    'form',
    {
      onsubmit: async (event) => {
        event.preventDefault();
        const picked = event.target.querySelector('input[name=option]:checked');
        if (!picked) return notify('请选择一个选项 · Pick an option', 'error');
        try {
          renderPoll(
            await api('POST', `/polls/${encodeURIComponent(poll.id)}/votes`, {
              option: Number(picked.value),
            }),
          );
          notify('投票成功！· Voted', 'success');
        } catch (error) {
          notify(error.message, 'error');
        }
      },
    },
    el(
      'ul',
      { class: 'options' },
      poll.options.map((option) => optionRow(poll, option)),
    ),
    poll.canVote ? el('div', { class: 'actions' }, el('button', { class: 'primary' }, '投票 Vote')) : null,
  );
  const hiddenNote = poll.resultsVisible
    ? el('p', { class: 'meta' }, `共 ${poll.totalVotes} 人参与 · ${poll.totalVotes} votes`)
    : el(
        'p',
        { class: 'meta' },
        poll.results === 'after_close' ? '🔒 结果将在投票结束后公布' : '🔒 投票后即可查看结果',
      );
  const closeButton =
    poll.mine && !poll.closed
      ? el(
          'button',
          {
            class: 'link danger',
            onclick: async () => {
              if (!confirm('确定现在结束投票吗？· Close this poll now?')) return;
              try {
                renderPoll(await api('POST', `/polls/${encodeURIComponent(poll.id)}/close`));
                notify('投票已结束，结果已发到动态 · Closed, results posted', 'success');
              } catch (error) {
                notify(error.message, 'error');
              }
            },
          },
          '结束投票 Close now',
        )
      : null;
  $('detail').replaceChildren(
    el(
      'p',
      { class: 'meta' },
      status(poll),
      ` ${poll.mine ? '我' : poll.creator.nickname} 发起 · ${AUDIENCE[poll.audience]} · ${RESULTS[poll.results]}`,
    ),
    el('h2', { class: 'question' }, poll.question),
    form,
    hiddenNote,
    // Only the creator has one; replaceChildren would print a null as the text "null".
    closeButton ?? '',
  );
}

async function showPoll(id) {
  clearInterval(refreshTimer);
  showPanel('detail');
  try {
    const poll = await api('GET', `/polls/${encodeURIComponent(id)}`);
    renderPoll(poll);
    if (!poll.closed) {
      refreshTimer = setInterval(async () => {
        // A half-picked vote is not thrown away by a refresh.
        if ($('detail').querySelector('input[name=option]:checked')) return;
        try {
          renderPoll(await api('GET', `/polls/${encodeURIComponent(id)}`));
        } catch {
          clearInterval(refreshTimer);
        }
      }, REFRESH_MS);
    }
  } catch (error) {
    $('detail').replaceChildren(el('p', { class: 'empty' }, error.message));
  }
}

// ── create ──────────────────────────────────────────────────────────────────

function addOption(value = '') {
  const list = $('options');
  if (list.children.length >= 10) return notify('最多 10 个选项 · At most 10 options', 'error');
  const item = el(
    'li',
    {},
    el('input', { name: 'option', maxlength: '80', placeholder: `选项 ${list.children.length + 1}`, value }),
    el(
      'button',
      {
        type: 'button',
        class: 'link',
        title: '删除 Remove',
        onclick: () => {
          if (list.children.length > 2) item.remove();
        },
      },
      '✕',
    ),
  );
  list.append(item);
}

function setClosesIn(hours) {
  const at = new Date(Date.now() + hours * 3600 * 1000);
  $('create').closesAt.value =
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

async function create(event) {
  event.preventDefault();
  const form = event.target;
  const options = [...form.querySelectorAll('input[name=option]')]
    .map((input) => input.value.trim())
    .filter(Boolean);
  try {
    const poll = await api('POST', '/polls', {
      question: form.question.value,
      options,
      closesAt: new Date(form.closesAt.value).toISOString(),
      audience: form.audience.value,
      results: form.results.value,
    });
    form.reset();
    resetCreateForm();
    notify('投票已发起，并已发到动态 · Poll created and shared', 'success');
    location.hash = `#poll=${encodeURIComponent(poll.id)}`;
  } catch (error) {
    notify(error.message, 'error');
  }
}

function resetCreateForm() {
  $('options').replaceChildren();
  addOption();
  addOption();
  setClosesIn(24);
}

// ── navigation ──────────────────────────────────────────────────────────────

/** One poll's page belongs to the list's tab. */
const showPanel = (name) => kit.showPanel(name, name === 'detail' ? 'list' : name);

function route() {
  const match = /^#poll=(.+)$/.exec(location.hash);
  if (match) return showPoll(decodeURIComponent(match[1]));
  clearInterval(refreshTimer);
  if (location.hash === '#create') return showPanel('create');
  showPanel('list');
  return loadList();
}

kit.onTab((tab) => (location.hash = tab === 'create' ? '#create' : '#list'));
$('back').addEventListener('click', () => (location.hash = '#list'));
$('add-option').addEventListener('click', () => addOption());
for (const chip of document.querySelectorAll('#quick-close .chip'))
  chip.addEventListener('click', () => setClosesIn(Number(chip.dataset.hours)));
$('create').addEventListener('submit', create);
window.addEventListener('hashchange', route);
resetCreateForm();
route();
