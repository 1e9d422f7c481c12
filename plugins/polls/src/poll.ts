/**
 * The rules of a poll, as pure functions of a poll, a viewer and the time: validation, voting,
 * closing, who may see it and its results, and what it says in the feed. No I/O here.
 */

/** Who may see and vote on a poll besides its creator. */
export const AUDIENCES = ['friends', 'everyone'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** When people other than the creator see the counts (after closing everyone who may see the poll does). */
export const RESULT_VISIBILITIES = ['always', 'after_vote', 'after_close'] as const;
export type ResultVisibility = (typeof RESULT_VISIBILITIES)[number];

export const POLL_LIMITS = {
  questionMax: 200,
  optionMax: 80,
  optionsMin: 2,
  optionsMax: 10,
  /** A poll stays open at least this long, so a friend has a chance to see it. */
  minOpenMs: 5 * 60 * 1000,
  /** Reminders reach at most 30 days ahead; the close announcement rides on one. */
  maxOpenMs: 30 * 24 * 60 * 60 * 1000,
  /** Stories are at most 500 characters. */
  storyTextMax: 500,
} as const;

export interface NewPoll {
  question: string;
  options: string[];
  /** Epoch milliseconds. */
  closesAt: number;
  audience: Audience;
  results: ResultVisibility;
}

/**
 * A poll as stored. While it is open its counts live in TALLY_SHARDS shards (a voter counts in the
 * shard of their openid, so racing voters rarely contend for one ETag); closing sums the shards into
 * `counts` and deletes them in one atomic batch.
 */
export interface Poll {
  id: string;
  /** The creator's openid. */
  creator: string;
  creatorName: string;
  question: string;
  options: string[];
  audience: Audience;
  results: ResultVisibility;
  createdAt: string;
  closesAt: string;
  /** When the poll closed, set once (early by its creator, or at its closing time) with the closed story. */
  closedAt: string | null;
  /** The final counts, set when the poll closes; null while its counts live in the shards. */
  counts: number[] | null;
}

/** One shard of an open poll's counts. */
export interface TallyShard {
  counts: number[];
}

export const TALLY_SHARDS = 16;

export type Checked<T> = { value: T } | { error: string };

/** `<creator openid>.<time and random in base 36>`: the creator's polls share a storage key prefix. */
const POLL_ID = /^([A-Za-z0-9_-]{1,64})\.([a-z0-9]{8,24})$/;

export function isPollId(value: string): boolean {
  return POLL_ID.test(value);
}

export function newPollId(creator: string, now: number, random: () => number): string {
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${creator}.${now.toString(36)}${suffix}`;
}

/**
 * App-wide storage keys. A poll and its tally shards share the creator's prefix, so one listing
 * reads all of a creator's polls with their live counts; a voter's votes share theirs.
 */
export const pollKey = (pollId: string) => `poll:${pollId}`;
export const tallyKey = (pollId: string, shard: number) => `poll:${pollId}:${shard.toString(16)}`;
export const tallyPrefix = (pollId: string) => `poll:${pollId}:`;
export const creatorPrefix = (creator: string) => `poll:${creator}.`;
export const voteKey = (voter: string, pollId: string) => `vote:${voter}:${pollId}`;
export const votePrefix = (voter: string) => `vote:${voter}:`;

export function pollIdOfVoteKey(key: string, voter: string): string | null {
  const prefix = votePrefix(voter);
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** What a key under a creator's prefix holds: a poll, or a tally shard of one. */
export function parseCreatorKey(key: string): { kind: 'poll' | 'tally'; pollId: string } | null {
  const match = /^poll:([^:]+)(:[0-9a-f])?$/.exec(key);
  if (!match) return null;
  return { kind: match[2] ? 'tally' : 'poll', pollId: match[1] };
}

/** The shard a voter counts in: a string hash (FNV-1a) of their openid. */
export function shardOf(voter: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < voter.length; index++) {
    hash = Math.imul(hash ^ voter.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0) % TALLY_SHARDS;
}

/** Trims and collapses a line of user text; control characters become spaces. */
function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a create request: `{question, options, closesAt (ISO time), audience?, results?}`. */
export function parseNewPoll(body: unknown, now: number): Checked<NewPoll> {
  if (!isRecord(body)) return { error: 'The body must be a JSON object' };
  if (typeof body.question !== 'string') return { error: 'question is required' };
  const question = cleanText(body.question);
  if (question.length === 0) return { error: 'question must not be empty' };
  if (question.length > POLL_LIMITS.questionMax) {
    return { error: `question must be at most ${POLL_LIMITS.questionMax} characters` };
  }
  if (!Array.isArray(body.options) || body.options.some((option) => typeof option !== 'string')) {
    return { error: 'options must be a list of texts' };
  }
  const options = (body.options as string[]).map(cleanText);
  if (options.length < POLL_LIMITS.optionsMin || options.length > POLL_LIMITS.optionsMax) {
    return { error: `A poll has ${POLL_LIMITS.optionsMin} to ${POLL_LIMITS.optionsMax} options` };
  }
  if (options.some((option) => option.length === 0)) return { error: 'options must not be empty' };
  if (options.some((option) => option.length > POLL_LIMITS.optionMax)) {
    return { error: `Each option must be at most ${POLL_LIMITS.optionMax} characters` };
  }
  if (new Set(options).size !== options.length) return { error: 'options must differ from one another' };
  const closesAt = typeof body.closesAt === 'string' ? Date.parse(body.closesAt) : NaN;
  if (Number.isNaN(closesAt)) return { error: 'closesAt must be a date-time' };
  if (closesAt < now + POLL_LIMITS.minOpenMs) return { error: 'closesAt must be at least 5 minutes away' };
  if (closesAt > now + POLL_LIMITS.maxOpenMs) return { error: 'closesAt must be at most 30 days away' };
  const audience = body.audience ?? 'friends';
  if (!(AUDIENCES as readonly unknown[]).includes(audience)) {
    return { error: `audience must be one of ${AUDIENCES.join(', ')}` };
  }
  const results = body.results ?? 'always';
  if (!(RESULT_VISIBILITIES as readonly unknown[]).includes(results)) {
    return { error: `results must be one of ${RESULT_VISIBILITIES.join(', ')}` };
  }
  return {
    value: {
      question,
      options,
      closesAt,
      audience: audience as Audience,
      results: results as ResultVisibility,
    },
  };
}

/** Checks a vote request: `{option}`, the index of one of the poll's options. */
export function parseVote(body: unknown, poll: Poll): Checked<number> {
  const option = isRecord(body) ? body.option : undefined;
  if (
    typeof option !== 'number' ||
    !Number.isInteger(option) ||
    option < 0 ||
    option >= poll.options.length
  ) {
    return { error: `option must be a whole number from 0 to ${poll.options.length - 1}` };
  }
  return { value: option };
}

export function createPoll(
  id: string,
  creator: string,
  creatorName: string,
  input: NewPoll,
  now: number,
): Poll {
  return {
    id,
    creator,
    creatorName,
    question: input.question,
    options: input.options,
    audience: input.audience,
    results: input.results,
    createdAt: new Date(now).toISOString(),
    closesAt: new Date(input.closesAt).toISOString(),
    closedAt: null,
    counts: null,
  };
}

export function emptyShard(poll: Poll): TallyShard {
  return { counts: poll.options.map(() => 0) };
}

export function isClosed(poll: Poll, now: number): boolean {
  return poll.closedAt !== null || now >= Date.parse(poll.closesAt);
}

/**
 * Whether seeing (and voting on) the poll takes being the creator's friend: a friends-only poll
 * shown to someone else. The friendship itself is the Open API's answer, asked only then.
 */
export function needsFriendship(poll: Poll, viewer: string): boolean {
  return viewer !== poll.creator && poll.audience === 'friends';
}

/** Whether the viewer sees the counts now. The creator always does; after closing everyone does. */
export function maySeeResults(poll: Poll, viewer: string, hasVoted: boolean, now: number): boolean {
  if (viewer === poll.creator || isClosed(poll, now)) return true;
  return poll.results === 'always' || (poll.results === 'after_vote' && hasVoted);
}

/** The shard with one more vote for `option`; the caller has checked that the option exists. */
export function shardWithVote(shard: TallyShard, option: number): TallyShard {
  return { counts: shard.counts.map((count, index) => (index === option ? count + 1 : count)) };
}

/** The poll's counts: final once closed, else the sum of its shards. */
export function countsOf(poll: Poll, shards: TallyShard[]): number[] {
  if (poll.counts) return poll.counts;
  return poll.options.map((_, index) => shards.reduce((sum, shard) => sum + (shard.counts[index] ?? 0), 0));
}

/**
 * The poll closed with these counts, at `now` or at its closing time if that has passed: when the
 * results became final.
 */
export function closed(poll: Poll, counts: number[], now: number): Poll {
  return { ...poll, counts, closedAt: new Date(Math.min(now, Date.parse(poll.closesAt))).toISOString() };
}

const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);

/** What the canvas gets: counts only when the viewer may see them. */
export interface PollView {
  id: string;
  creator: { openid: string; nickname: string };
  mine: boolean;
  question: string;
  options: { index: number; text: string; votes: number | null; percent: number | null }[];
  audience: Audience;
  results: ResultVisibility;
  createdAt: string;
  closesAt: string;
  closed: boolean;
  closedAt: string | null;
  /** The option the viewer voted for, or null. */
  myVote: number | null;
  canVote: boolean;
  resultsVisible: boolean;
  /** Null while the counts are hidden from the viewer. */
  totalVotes: number | null;
}

export function viewOf(
  poll: Poll,
  counts: number[],
  viewer: string,
  myVote: number | null,
  now: number,
): PollView {
  const visible = maySeeResults(poll, viewer, myVote !== null, now);
  const total = sum(counts);
  const closedNow = isClosed(poll, now);
  return {
    id: poll.id,
    creator: { openid: poll.creator, nickname: poll.creatorName },
    mine: viewer === poll.creator,
    question: poll.question,
    options: poll.options.map((text, index) => ({
      index,
      text,
      votes: visible ? counts[index] : null,
      percent: visible ? percentOf(counts[index], total) : null,
    })),
    audience: poll.audience,
    results: poll.results,
    createdAt: poll.createdAt,
    closesAt: poll.closesAt,
    closed: closedNow,
    closedAt: poll.closedAt,
    myVote,
    canVote: !closedNow && myVote === null,
    resultsVisible: visible,
    totalVotes: visible ? total : null,
  };
}

function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}

/** Open polls first (closing soonest first), then closed ones (newest first). */
export function comparePolls(now: number) {
  return (a: Poll, b: Poll): number => {
    const aClosed = isClosed(a, now);
    const bClosed = isClosed(b, now);
    if (aClosed !== bClosed) return aClosed ? 1 : -1;
    if (!aClosed) return Date.parse(a.closesAt) - Date.parse(b.closesAt) || a.id.localeCompare(b.id);
    return Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);
  };
}

function quoted(question: string, room: number): string {
  return `「${question.length > room ? `${question.slice(0, room - 1)}…` : question}」`;
}

export function createdStoryText(poll: Poll): string {
  const who = poll.audience === 'everyone' ? '所有人' : '好友们';
  return `发起了投票${quoted(poll.question, POLL_LIMITS.questionMax)}，共 ${poll.options.length} 个选项，${who}快来投一票吧！`;
}

/** The closed story: the question, the turnout, and each option's votes, the winners marked. */
export function closedStoryText(poll: Poll, counts: number[]): string {
  const total = sum(counts);
  const head = `投票${quoted(poll.question, 100)}已结束，共 ${total} 人参与。`;
  if (total === 0) return `${head}没有人投票。`;
  const top = Math.max(...counts);
  const lines = poll.options.map((option, index) => {
    const count = counts[index];
    return `${count === top ? '🏆' : '·'}${option} ${count} 票（${percentOf(count, total)}%）`;
  });
  const text = `${head}${lines.join(' ')}`;
  return text.length > POLL_LIMITS.storyTextMax ? `${text.slice(0, POLL_LIMITS.storyTextMax - 1)}…` : text;
}
