import { expectProblem } from '../../testing/expect-problem';
import type { TestUser } from '../../testing/factory';
import { PluginTestKit } from '../plugins.testing';

const HOUR = 60 * 60 * 1000;
const API = '/apps/polls/api';

describe('the polls plugin (e2e)', () => {
  let kit: PluginTestKit;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  /** Uses polls but is nobody's friend here. */
  let dave: TestUser;
  /** Friends of alice who do not use polls until a test installs it. */
  let voters: TestUser[];

  const closesIn = (ms: number) => new Date(kit.host.clock.now().getTime() + ms).toISOString();
  const create = (user: TestUser, body: Record<string, unknown>) =>
    kit.call(user, 'POST', `${API}/polls`, {
      question: '周末去哪儿玩？',
      options: ['爬山', '看电影', '宅家'],
      closesAt: closesIn(HOUR),
      ...body,
    });
  const vote = (user: TestUser, pollId: string, option: number) =>
    kit.call(user, 'POST', `${API}/polls/${encodeURIComponent(pollId)}/votes`, { option });
  const get = (user: TestUser, pollId: string) =>
    kit.call(user, 'GET', `${API}/polls/${encodeURIComponent(pollId)}`);
  /** The stories of the polls app a user sees in their feed, newest first. */
  const pollStories = async (viewer: TestUser): Promise<string[]> => {
    const feed = await kit.host.get('/feed', { token: viewer.token, query: { limit: 100 } });
    expect(feed.status).toBe(200);
    return feed.body.items
      .map((item: any) => item.post)
      .filter((post: any) => post.kind === 'story' && post.app?.id === kit.appId('polls'))
      .map((post: any) => post.body);
  };

  beforeAll(async () => {
    kit = await PluginTestKit.start({ plugins: ['polls'] });
    const { factory } = kit;
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((name) => factory.newUser(name)),
    );
    voters = [];
    for (let i = 0; i < 10; i++) voters.push(await factory.newUser(`voter${i}`));
    for (const friend of [bob, carol, ...voters]) await factory.befriend(alice, friend);
    for (const user of [alice, bob, carol, dave]) await kit.installFor(user, 'polls');
  });

  afterAll(() => kit.close());

  it("shows a friends poll to the creator's friends, with a story in their feed, and to nobody else", async () => {
    const created = await create(alice, { question: '周末去哪儿玩？' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      question: '周末去哪儿玩？',
      audience: 'friends',
      results: 'always',
      mine: true,
      closed: false,
      canVote: true,
      totalVotes: 0,
      options: [
        { index: 0, text: '爬山', votes: 0, percent: 0 },
        { index: 1, text: '看电影', votes: 0, percent: 0 },
        { index: 2, text: '宅家', votes: 0, percent: 0 },
      ],
    });
    const pollId = created.body.id;

    const seen = await get(bob, pollId);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: pollId, mine: false, creator: { nickname: expect.any(String) } });
    const listed = await kit.call(bob, 'GET', `${API}/polls`);
    expect(listed.body.items.map((poll: any) => poll.id)).toContain(pollId);
    expect(await pollStories(bob)).toContain(
      '发起了投票「周末去哪儿玩？」，共 3 个选项，好友们快来投一票吧！',
    );

    expectProblem(await get(dave, pollId), 403, 'friends_only');
    expectProblem(await vote(dave, pollId, 0), 403, 'friends_only');
    const davesList = await kit.call(dave, 'GET', `${API}/polls`);
    expect(davesList.body.items.map((poll: any) => poll.id)).not.toContain(pollId);
    expect(await pollStories(dave)).toEqual([]);
  });

  it('counts one vote per user and hides results until voting when the poll says so', async () => {
    const { body: poll } = await create(alice, {
      question: '吃什么？',
      options: ['火锅', '烧烤'],
      results: 'after_vote',
    });
    const before = await get(bob, poll.id);
    expect(before.body).toMatchObject({
      resultsVisible: false,
      totalVotes: null,
      myVote: null,
      canVote: true,
    });
    expect(before.body.options.map((option: any) => option.votes)).toEqual([null, null]);

    const voted = await vote(bob, poll.id, 1);
    expect(voted.status).toBe(201);
    expect(voted.body).toMatchObject({ resultsVisible: true, totalVotes: 1, myVote: 1, canVote: false });
    expect(voted.body.options.map((option: any) => option.votes)).toEqual([0, 1]);
    expectProblem(await vote(bob, poll.id, 0), 409, 'already_voted');

    expect((await get(carol, poll.id)).body.totalVotes).toBeNull();
    expect((await get(alice, poll.id)).body.totalVotes).toBe(1);
  });

  it('counts one vote from ten racing requests of one user, and each of ten racing friends once', async () => {
    const { body: poll } = await create(alice, { question: '哪个好？', options: ['A', 'B'] });
    const same = await Promise.all(Array.from({ length: 10 }, () => vote(carol, poll.id, 0)));
    expect(same.filter((response) => response.status === 201)).toHaveLength(1);
    for (const response of same.filter((response) => response.status !== 201)) {
      expectProblem(response, 409, 'already_voted');
    }

    for (const voter of voters) await kit.installFor(voter, 'polls');
    const racing = await Promise.all(voters.map((voter, index) => vote(voter, poll.id, index % 2)));
    expect(racing.map((response) => response.status)).toEqual(voters.map(() => 201));

    const after = await get(alice, poll.id);
    expect(after.body.totalVotes).toBe(11);
    expect(after.body.options.map((option: any) => option.votes)).toEqual([6, 5]);
    const listed = await kit.call(bob, 'GET', `${API}/polls`);
    expect(listed.body.items.find((item: any) => item.id === poll.id)).toMatchObject({
      totalVotes: 11,
      myVote: null,
    });
  });

  it('closes at its closing time: no more votes, and one closed story with the results', async () => {
    const { body: poll } = await create(alice, {
      question: '明天几点出发？',
      options: ['8点', '9点'],
      closesAt: closesIn(HOUR),
    });
    expect((await vote(bob, poll.id, 0)).status).toBe(201);
    expect((await vote(carol, poll.id, 0)).status).toBe(201);

    kit.host.clock.advance(HOUR + 1000);
    expectProblem(await vote(alice, poll.id, 1), 409, 'poll_closed');
    await kit.deliverEvents();
    await kit.deliverEvents();

    const closedStory = '投票「明天几点出发？」已结束，共 2 人参与。🏆8点 2 票（100%） ·9点 0 票（0%）';
    expect((await pollStories(bob)).filter((text) => text === closedStory)).toHaveLength(1);
    const closed = await get(bob, poll.id);
    expect(closed.body).toMatchObject({
      closed: true,
      closedAt: poll.closesAt,
      canVote: false,
      totalVotes: 2,
    });
  });

  it('lets only the creator close early; the reminder later posts nothing more', async () => {
    const { body: poll } = await create(alice, {
      question: '要不要养猫？',
      options: ['要', '不要'],
      results: 'after_close',
      closesAt: closesIn(2 * HOUR),
    });
    expect((await vote(bob, poll.id, 0)).body.totalVotes).toBeNull();
    expectProblem(await kit.call(bob, 'POST', `${API}/polls/${poll.id}/close`), 403, 'not_creator');

    const closed = await kit.call(alice, 'POST', `${API}/polls/${poll.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ closed: true, canVote: false });
    expect((await get(bob, poll.id)).body).toMatchObject({ resultsVisible: true, totalVotes: 1 });
    expectProblem(await vote(carol, poll.id, 1), 409, 'poll_closed');

    kit.host.clock.advance(2 * HOUR + 1000);
    await kit.deliverEvents();
    const stories = (await pollStories(bob)).filter((text) => text.startsWith('投票「要不要养猫？」已结束'));
    expect(stories).toEqual(['投票「要不要养猫？」已结束，共 1 人参与。🏆要 1 票（100%） ·不要 0 票（0%）']);
  });

  it('lets anyone who uses the app vote on a poll for everyone', async () => {
    const { body: poll } = await create(alice, {
      question: '公开投票',
      options: ['好', '不好'],
      audience: 'everyone',
    });
    expect((await get(dave, poll.id)).status).toBe(200);
    expect((await vote(dave, poll.id, 0)).status).toBe(201);
  });

  it('refuses what a client can get wrong with a problem', async () => {
    expectProblem(await create(alice, { options: ['只有一个'] }), 400, 'validation_failed');
    expectProblem(await create(alice, { closesAt: closesIn(-1000) }), 400, 'validation_failed');
    expectProblem(await get(bob, 'no-such-poll'), 404, 'not_found');
    const { body: poll } = await create(alice, { question: '选项越界', options: ['是', '否'] });
    expectProblem(await vote(bob, poll.id, 2), 400, 'validation_failed');
    expectProblem(await vote(bob, poll.id, '0' as unknown as number), 400, 'validation_failed');
  });

  it('stops working for a user who uninstalls it', async () => {
    await kit.uninstallFor(carol, 'polls');
    expectProblem(await kit.call(carol, 'GET', `${API}/polls`), 403, 'forbidden');
  });
});
