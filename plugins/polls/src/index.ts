import { definePlugin, PluginHttpError, type PluginContext } from '@kongjian/sdk/plugin';
import {
  closed,
  closedStoryText,
  comparePolls,
  countsOf,
  createdStoryText,
  createPoll,
  creatorPrefix,
  emptyShard,
  isClosed,
  isPollId,
  needsFriendship,
  newPollId,
  parseNewPoll,
  parseVote,
  parseCreatorKey,
  pollIdOfVoteKey,
  pollKey,
  shardOf,
  shardWithVote,
  TALLY_SHARDS,
  tallyKey,
  tallyPrefix,
  viewOf,
  voteKey,
  votePrefix,
  type Poll,
  type TallyShard,
} from './poll';
import {
  compareAndSet,
  listItems,
  LOST_RACE,
  readItem,
  writeBatch,
  type BatchOperation,
  type Versioned,
} from '../../shared/src/app-storage';
import { appFriends, isAppFriend, me, postStory } from '../../shared/src/open-api';
import { setReminder } from './reminders';

interface Vote {
  option: number;
  at: string;
}

/** Compare-and-set rounds before giving up; racing voters rarely share a shard, so few are needed. */
const WRITE_ATTEMPTS = 20;
/** The most polls one list shows. */
const LIST_MAX = 100;

const invalid = (detail: string) => new PluginHttpError(400, 'validation_failed', detail);
const noSuchPoll = () => new PluginHttpError(404, 'not_found', '没有找到这个投票 (no such poll)');
const pollClosed = () => new PluginHttpError(409, 'poll_closed', '投票已结束 (the poll is closed)');
const busy = () => new PluginHttpError(503, 'busy', '投票的人太多了，请稍后再试 (too busy; try again)');

async function loadPoll(ctx: PluginContext, pollId: string): Promise<Versioned<Poll>> {
  const item = isPollId(pollId) ? await readItem<Poll>(ctx, pollKey(pollId)) : null;
  if (!item) throw noSuchPoll();
  return item;
}

/** A friends-only poll is seen (and voted on) by the creator's app friends only. */
async function assertMayView(ctx: PluginContext, poll: Poll): Promise<void> {
  if (needsFriendship(poll, ctx.user.openid) && (await isAppFriend(ctx, poll.creator)) !== true) {
    throw new PluginHttpError(
      403,
      'friends_only',
      '这是好友投票，只有发起人的好友可以查看和参与 (friends only)',
    );
  }
}

async function myVote(ctx: PluginContext, pollId: string): Promise<number | null> {
  const vote = await readItem<Vote>(ctx, voteKey(ctx.user.openid, pollId));
  return vote ? vote.value.option : null;
}

/** The poll's counts now: final once closed, else read from its shards. */
async function currentCounts(ctx: PluginContext, poll: Poll): Promise<number[]> {
  if (poll.counts) return poll.counts;
  const shards = await listItems<TallyShard>(ctx, tallyPrefix(poll.id));
  return countsOf(
    poll,
    shards.map((shard) => shard.value),
  );
}

const storyPrivacy = (poll: Poll) => (poll.audience === 'everyone' ? 'public' : 'friends');

/**
 * Closes the poll once and posts the closed story once. One atomic batch writes the final counts into
 * the poll (if unchanged) and deletes its shards (if unchanged): a vote landing meanwhile fails the
 * batch and the close reads again, and a vote after it finds no shard. The creator closing early and
 * the reminder (or a reminder delivered twice) cannot both announce.
 */
async function announceClose(ctx: PluginContext, pollId: string): Promise<Poll> {
  return compareAndSet(WRITE_ATTEMPTS, busy, async () => {
    const current = await loadPoll(ctx, pollId);
    if (current.value.closedAt !== null) return current.value;
    const shards = await listItems<TallyShard>(ctx, tallyPrefix(pollId));
    const counts = countsOf(
      current.value,
      shards.map((shard) => shard.value),
    );
    const poll = closed(current.value, counts, ctx.now());
    const operations: BatchOperation[] = [
      { op: 'put', key: pollKey(pollId), value: poll, ifMatch: current.etag },
      ...shards.map((shard): BatchOperation => ({ op: 'delete', key: shard.key, ifMatch: shard.etag })),
    ];
    if (!(await writeBatch(ctx, operations)).applied) return LOST_RACE;
    await postStory(ctx, closedStoryText(poll, counts), storyPrivacy(poll));
    return poll;
  });
}

export default definePlugin({
  routes: {
    /** My polls and my app friends' polls: open ones first (closing soonest), then closed ones. */
    'GET /polls': async (ctx) => {
      const viewer = ctx.user.openid;
      const creators = [viewer, ...(await appFriends(ctx)).map((friend) => friend.openid)];
      const [votes, ...listings] = await Promise.all([
        listItems<Vote>(ctx, votePrefix(viewer)),
        ...creators.map((creator) => listItems<Poll | TallyShard>(ctx, creatorPrefix(creator))),
      ]);
      const myVotes = new Map(votes.map((vote) => [pollIdOfVoteKey(vote.key, viewer), vote.value.option]));
      const polls: Poll[] = [];
      const shardsByPoll = new Map<string, TallyShard[]>();
      for (const item of listings.flat()) {
        const parsed = parseCreatorKey(item.key);
        if (parsed?.kind === 'poll') polls.push(item.value as Poll);
        if (parsed?.kind === 'tally') {
          shardsByPoll.set(parsed.pollId, [
            ...(shardsByPoll.get(parsed.pollId) ?? []),
            item.value as TallyShard,
          ]);
        }
      }
      const now = ctx.now();
      const shown = polls.sort(comparePolls(now)).slice(0, LIST_MAX);
      return {
        body: {
          items: shown.map((poll) =>
            viewOf(
              poll,
              countsOf(poll, shardsByPoll.get(poll.id) ?? []),
              viewer,
              myVotes.get(poll.id) ?? null,
              now,
            ),
          ),
        },
      };
    },

    'GET /polls/:id': async (ctx, request) => {
      const { value: poll } = await loadPoll(ctx, request.params.id);
      await assertMayView(ctx, poll);
      const [counts, vote] = await Promise.all([currentCounts(ctx, poll), myVote(ctx, poll.id)]);
      return { body: viewOf(poll, counts, ctx.user.openid, vote, ctx.now()) };
    },

    /** Creates a poll with its empty shards, sets the reminder that closes it, and tells friends in a story. */
    'POST /polls': async (ctx, request) => {
      const now = ctx.now();
      const parsed = parseNewPoll(request.body, now);
      if ('error' in parsed) throw invalid(parsed.error);
      const creator = await me(ctx);
      const id = newPollId(creator.openid, now, Math.random);
      const poll = createPoll(id, creator.openid, creator.nickname, parsed.value, now);
      // The reminder first: a poll is never stored without the call that will announce its end
      // (a reminder for a poll that failed to store finds nothing and does nothing).
      await setReminder(ctx, poll.closesAt, { pollId: poll.id });
      const created = await writeBatch(ctx, [
        { op: 'put', key: pollKey(id), value: poll, ifNoneMatch: '*' },
        ...Array.from({ length: TALLY_SHARDS }, (_, shard): BatchOperation => ({
          op: 'put',
          key: tallyKey(id, shard),
          value: emptyShard(poll),
          ifNoneMatch: '*',
        })),
      ]);
      if (!created.applied) throw busy();
      await postStory(ctx, createdStoryText(poll), storyPrivacy(poll));
      return { status: 201, body: viewOf(poll, countsOf(poll, []), creator.openid, null, now) };
    },

    /**
     * One vote per user, however many race: one atomic batch creates the voter's vote key (only if
     * absent) and adds the vote to the voter's shard (only if unchanged); a lost race on the shard
     * reads it again and retries, a vote key that exists is "already voted", a missing shard is a
     * closed poll.
     */
    'POST /polls/:id/votes': async (ctx, request) => {
      const voter = ctx.user.openid;
      const { value: poll } = await loadPoll(ctx, request.params.id);
      await assertMayView(ctx, poll);
      const parsed = parseVote(request.body, poll);
      if ('error' in parsed) throw invalid(parsed.error);
      const option = parsed.value;
      const now = ctx.now();
      if (isClosed(poll, now)) throw pollClosed();
      const vote: Vote = { option, at: new Date(now).toISOString() };
      const shardKey = tallyKey(poll.id, shardOf(voter));
      return compareAndSet(WRITE_ATTEMPTS, busy, async () => {
        const shard = await readItem<TallyShard>(ctx, shardKey);
        if (!shard) throw pollClosed();
        const result = await writeBatch(ctx, [
          { op: 'put', key: voteKey(voter, poll.id), value: vote, ifNoneMatch: '*' },
          { op: 'put', key: shardKey, value: shardWithVote(shard.value, option), ifMatch: shard.etag },
        ]);
        if (result.applied) {
          return { status: 201, body: viewOf(poll, await currentCounts(ctx, poll), voter, option, now) };
        }
        if (result.failed === 0) {
          throw new PluginHttpError(409, 'already_voted', '你已经投过票了 (you have already voted)');
        }
        return LOST_RACE;
      });
    },

    'POST /polls/:id/close': async (ctx, request) => {
      const { value } = await loadPoll(ctx, request.params.id);
      if (value.creator !== ctx.user.openid) {
        throw new PluginHttpError(
          403,
          'not_creator',
          '只有发起人可以结束投票 (only the creator can close it)',
        );
      }
      const poll = await announceClose(ctx, value.id);
      return {
        body: viewOf(poll, countsOf(poll, []), ctx.user.openid, await myVote(ctx, poll.id), ctx.now()),
      };
    },
  },

  events: {
    /** The closing time came: acting as the creator, close the poll and post the results. */
    'app.reminder': async (ctx, event) => {
      const data = event.data.data as { pollId?: unknown } | undefined;
      const pollId = typeof data?.pollId === 'string' ? data.pollId : '';
      const item = isPollId(pollId) ? await readItem<Poll>(ctx, pollKey(pollId)) : null;
      if (!item || item.value.creator !== ctx.user.openid) {
        ctx.log.warn('A reminder for no poll of this user', { pollId });
        return;
      }
      if (!isClosed(item.value, ctx.now())) {
        ctx.log.warn('A reminder before the poll closes', { pollId });
        return;
      }
      await announceClose(ctx, pollId);
    },
  },
});
