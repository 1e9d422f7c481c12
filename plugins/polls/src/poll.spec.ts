import {
  closed,
  closedStoryText,
  comparePolls,
  countsOf,
  createdStoryText,
  createPoll,
  emptyShard,
  isClosed,
  isPollId,
  maySeeResults,
  needsFriendship,
  newPollId,
  parseNewPoll,
  parseVote,
  parseCreatorKey,
  pollIdOfVoteKey,
  pollKey,
  creatorPrefix,
  shardOf,
  shardWithVote,
  TALLY_SHARDS,
  tallyKey,
  viewOf,
  voteKey,
  votePrefix,
  type NewPoll,
  type Poll,
} from './poll';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const CREATOR = 'creatorOpenid_0000000';
const VOTER = 'voterOpenid-000000000';

const request = (overrides: Record<string, unknown> = {}) => ({
  question: '周末去哪儿玩？',
  options: ['爬山', '看电影', '宅家'],
  closesAt: new Date(NOW + 24 * HOUR).toISOString(),
  ...overrides,
});

function pollWith(overrides: Partial<NewPoll> = {}): Poll {
  const input: NewPoll = {
    question: '周末去哪儿玩？',
    options: ['爬山', '看电影', '宅家'],
    closesAt: NOW + HOUR,
    audience: 'friends',
    results: 'always',
    ...overrides,
  };
  return createPoll(
    newPollId(CREATOR, NOW, () => 0.5),
    CREATOR,
    '小明',
    input,
    NOW,
  );
}

describe('parseNewPoll', () => {
  it('accepts a poll and fills in friends-only and always-visible results', () => {
    expect(parseNewPoll(request({ question: '  周末\n去哪儿玩？ ' }), NOW)).toEqual({
      value: {
        question: '周末 去哪儿玩？',
        options: ['爬山', '看电影', '宅家'],
        closesAt: NOW + 24 * HOUR,
        audience: 'friends',
        results: 'always',
      },
    });
  });

  it('keeps the chosen audience and result visibility', () => {
    const parsed = parseNewPoll(request({ audience: 'everyone', results: 'after_close' }), NOW);
    expect(parsed).toMatchObject({ value: { audience: 'everyone', results: 'after_close' } });
  });

  it.each([
    ['no object', null, 'JSON object'],
    ['no question', { ...request(), question: undefined }, 'question is required'],
    ['a blank question', request({ question: ' \n ' }), 'question must not be empty'],
    ['a long question', request({ question: '问'.repeat(201) }), 'at most 200'],
    ['one option', request({ options: ['只有一个'] }), '2 to 10 options'],
    ['eleven options', request({ options: Array.from({ length: 11 }, (_, i) => `选项${i}`) }), '2 to 10'],
    ['a blank option', request({ options: ['a', ' '] }), 'must not be empty'],
    ['a non-text option', request({ options: ['a', 2] }), 'list of texts'],
    ['a long option', request({ options: ['a', 'b'.repeat(81)] }), 'at most 80'],
    ['the same option twice', request({ options: ['爬山', ' 爬山 '] }), 'differ'],
    ['no closing time', request({ closesAt: 'soon' }), 'date-time'],
    ['a closing time in the past', request({ closesAt: new Date(NOW - 1).toISOString() }), '5 minutes'],
    [
      'a closing time 4 minutes away',
      request({ closesAt: new Date(NOW + 4 * 60_000).toISOString() }),
      '5 minutes',
    ],
    [
      'a closing time 31 days away',
      request({ closesAt: new Date(NOW + 31 * 24 * HOUR).toISOString() }),
      '30 days',
    ],
    ['an unknown audience', request({ audience: 'strangers' }), 'audience must be one of friends, everyone'],
    ['an unknown visibility', request({ results: 'never' }), 'results must be one of always'],
  ])('refuses %s', (_case, body, message) => {
    const parsed = parseNewPoll(body, NOW);
    expect('error' in parsed && parsed.error).toContain(message);
  });

  it('accepts exactly 2 and exactly 10 options', () => {
    expect(parseNewPoll(request({ options: ['是', '否'] }), NOW)).toHaveProperty('value');
    const ten = Array.from({ length: 10 }, (_, i) => `选项${i}`);
    expect(parseNewPoll(request({ options: ten }), NOW)).toHaveProperty('value');
  });
});

describe('parseVote', () => {
  const poll = pollWith();
  it.each([0, 1, 2])('accepts option %i', (option) =>
    expect(parseVote({ option }, poll)).toEqual({ value: option }),
  );
  it.each([[-1], [3], [1.5], ['1'], [null]])('refuses %p', (option) => {
    expect(parseVote({ option }, poll)).toEqual({ error: 'option must be a whole number from 0 to 2' });
  });
});

describe('ids and keys', () => {
  it('makes ids that name their creator and fit storage keys', () => {
    const id = newPollId(CREATOR, NOW, () => 0.999999);
    expect(isPollId(id)).toBe(true);
    expect(pollKey(id).startsWith(creatorPrefix(CREATOR))).toBe(true);
    expect(tallyKey(id, 3).startsWith(creatorPrefix(CREATOR))).toBe(true);
    expect(voteKey(VOTER, id).length).toBeLessThanOrEqual(128);
    expect(pollIdOfVoteKey(voteKey(VOTER, id), VOTER)).toBe(id);
    expect(pollIdOfVoteKey(voteKey(CREATOR, id), VOTER)).toBeNull();
    expect(votePrefix(VOTER)).toBe(`vote:${VOTER}:`);
    expect(parseCreatorKey(pollKey(id))).toEqual({ kind: 'poll', pollId: id });
    expect(parseCreatorKey(tallyKey(id, 15))).toEqual({ kind: 'tally', pollId: id });
    expect(parseCreatorKey(voteKey(VOTER, id))).toBeNull();
  });

  it('spreads voters over the shards, each always in the same one', () => {
    const voters = Array.from({ length: 1000 }, (_, i) => `voter${i}`);
    const used = new Set(voters.map(shardOf));
    expect(used.size).toBe(TALLY_SHARDS);
    expect(voters.map(shardOf)).toEqual(voters.map(shardOf));
    for (const shard of used) expect(shard >= 0 && shard < TALLY_SHARDS).toBe(true);
  });

  it.each(['', 'nodot', `${CREATOR}.`, `${CREATOR}.UPPER123`, `../${CREATOR}.abcdefgh`, `a.b.abcdefgh`])(
    'refuses %p as a poll id',
    (id) => expect(isPollId(id)).toBe(false),
  );
});

describe('voting and closing', () => {
  it('counts votes per option over the shards of an open poll', () => {
    const poll = pollWith();
    const one = shardWithVote(shardWithVote(emptyShard(poll), 0), 2);
    const other = shardWithVote(emptyShard(poll), 0);
    expect(one).toEqual({ counts: [1, 0, 1] });
    expect(countsOf(poll, [one, other, emptyShard(poll)])).toEqual([2, 0, 1]);
    expect(countsOf(poll, [])).toEqual([0, 0, 0]);
  });

  it('keeps the final counts of a closed poll, whatever shards remain', () => {
    const poll = closed(pollWith(), [4, 1, 0], NOW);
    expect(countsOf(poll, [shardWithVote(emptyShard(poll), 2)])).toEqual([4, 1, 0]);
  });

  it('is open until its closing time, or until closed early', () => {
    const poll = pollWith();
    expect(isClosed(poll, NOW)).toBe(false);
    expect(isClosed(poll, NOW + HOUR - 1)).toBe(false);
    expect(isClosed(poll, NOW + HOUR)).toBe(true);
    const early = closed(poll, [0, 0, 0], NOW + 1000);
    expect(early.closedAt).toBe(new Date(NOW + 1000).toISOString());
    expect(isClosed(early, NOW + 1000)).toBe(true);
  });

  it('records a late close at the closing time, when the results became final', () => {
    expect(closed(pollWith(), [0, 0, 0], NOW + 5 * HOUR).closedAt).toBe(new Date(NOW + HOUR).toISOString());
  });
});

describe('who sees what', () => {
  it('asks for friendship only for a friends-only poll seen by someone else', () => {
    expect(needsFriendship(pollWith({ audience: 'friends' }), VOTER)).toBe(true);
    expect(needsFriendship(pollWith({ audience: 'friends' }), CREATOR)).toBe(false);
    expect(needsFriendship(pollWith({ audience: 'everyone' }), VOTER)).toBe(false);
  });

  it.each([
    // results, viewer, voted, closed → sees counts
    ['always', VOTER, false, false, true],
    ['after_vote', VOTER, false, false, false],
    ['after_vote', VOTER, true, false, true],
    ['after_close', VOTER, true, false, false],
    ['after_close', VOTER, true, true, true],
    ['after_vote', VOTER, false, true, true],
    ['after_close', CREATOR, false, false, true],
  ] as const)('results %s: viewer %s, voted %s, closed %s → %s', (results, viewer, voted, isOver, sees) => {
    const poll = pollWith({ results });
    expect(maySeeResults(poll, viewer, voted, isOver ? NOW + HOUR : NOW)).toBe(sees);
  });

  it('hides counts and percentages from a view that may not see them', () => {
    const poll = pollWith({ results: 'after_vote' });
    const hidden = viewOf(poll, [0, 1, 0], VOTER, null, NOW);
    expect(hidden).toMatchObject({ resultsVisible: false, totalVotes: null, canVote: true, mine: false });
    expect(hidden.options.map((option) => [option.votes, option.percent])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    const shown = viewOf(poll, [1, 1, 0], VOTER, 0, NOW);
    expect(shown).toMatchObject({ resultsVisible: true, totalVotes: 2, canVote: false, myVote: 0 });
    expect(shown.options.map((option) => [option.votes, option.percent])).toEqual([
      [1, 50],
      [1, 50],
      [0, 0],
    ]);
  });

  it('offers no vote on a closed poll', () => {
    expect(viewOf(pollWith(), [0, 0, 0], VOTER, null, NOW + HOUR)).toMatchObject({
      closed: true,
      canVote: false,
    });
  });
});

describe('order and stories', () => {
  it('lists open polls closing soonest first, then closed ones newest first', () => {
    const soon = { ...pollWith({ closesAt: NOW + HOUR }), id: 'soon' };
    const later = { ...pollWith({ closesAt: NOW + 2 * HOUR }), id: 'later' };
    const oldClosed = {
      ...closed(pollWith(), [0, 0, 0], NOW),
      id: 'old',
      createdAt: new Date(NOW - 2 * HOUR).toISOString(),
    };
    const newClosed = {
      ...closed(pollWith(), [0, 0, 0], NOW),
      id: 'new',
      createdAt: new Date(NOW - HOUR).toISOString(),
    };
    const sorted = [oldClosed, later, newClosed, soon].sort(comparePolls(NOW));
    expect(sorted.map((poll) => poll.id)).toEqual(['soon', 'later', 'new', 'old']);
  });

  it('announces a new poll to the audience', () => {
    expect(createdStoryText(pollWith())).toBe(
      '发起了投票「周末去哪儿玩？」，共 3 个选项，好友们快来投一票吧！',
    );
    expect(createdStoryText(pollWith({ audience: 'everyone' }))).toContain('所有人快来投一票吧');
  });

  it('posts the results with the winner marked', () => {
    expect(closedStoryText(pollWith(), [1, 2, 0])).toBe(
      '投票「周末去哪儿玩？」已结束，共 3 人参与。·爬山 1 票（33%） 🏆看电影 2 票（67%） ·宅家 0 票（0%）',
    );
    expect(closedStoryText(pollWith(), [0, 0, 0])).toBe(
      '投票「周末去哪儿玩？」已结束，共 0 人参与。没有人投票。',
    );
  });

  it('keeps the closed story within 500 characters', () => {
    const options = Array.from({ length: 10 }, (_, i) => `${i}${'长'.repeat(79)}`);
    const poll = pollWith({ question: '问'.repeat(200), options });
    expect(closedStoryText(poll, [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]).length).toBeLessThanOrEqual(500);
    expect(createdStoryText(poll).length).toBeLessThanOrEqual(500);
  });
});
