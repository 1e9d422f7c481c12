import { randomBytes } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

const MISSING = '00000000-0000-7000-8000-000000000000';

interface Found {
  id: string;
  username: string;
  nickname: string;
  avatarUrl: string | null;
  relationship: string;
  friendRequestId: string | null;
}

describe('finding people (e2e)', () => {
  useFileHost();

  /** A word no other test's usernames contain, so each test searches among its own people only. */
  const token = () => `w${randomBytes(3).toString('hex')}`;

  async function register(username: string): Promise<TestUser> {
    const response = await host.post('/accounts', { body: { username, password: factory.password } });
    expect(response.status).toBe(201);
    return { id: response.body.account.id, username, token: response.body.token };
  }

  async function setNickname(user: TestUser, nickname: string): Promise<void> {
    expect((await host.patch('/space/profile', { token: user.token, body: { nickname } })).status).toBe(200);
  }

  async function search(viewer: TestUser, q: string, query: Record<string, string | number> = {}) {
    const response = await host.get('/users', { token: viewer.token, query: { q, ...query } });
    expect(response.status).toBe(200);
    return response.body as { items: Found[]; nextCursor: string | null };
  }

  /** Every result over all pages, following the cursor. */
  async function searchAll(viewer: TestUser, q: string, limit?: number): Promise<Found[]> {
    const found: Found[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(viewer, q, { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) });
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  }

  const names = (found: Found[]) => found.map((person) => person.username);

  describe('search', () => {
    it('finds people by username or nickname in any case, best matches first', async () => {
      const word = token();
      const viewer = await factory.newUser('viewer');
      const exact = await register(word);
      const prefixed = await register(`${word}_b`);
      const inside = await register(`a_${word}`);
      const alsoInside = await register(`c_${word}_x`);
      const byNickname = await factory.newUser('nick');
      await setNickname(byNickname, `Little ${word.toUpperCase()}`);
      const nicknamePrefix = await factory.newUser('nick');
      await setNickname(nicknamePrefix, `${word}ling`);
      await factory.newUser('unrelated');

      const found = await search(viewer, word.toUpperCase());
      expect(names(found.items)).toEqual([
        exact.username,
        // prefixes, by username
        nicknamePrefix.username,
        prefixed.username,
        // the rest, by username
        inside.username,
        alsoInside.username,
        byNickname.username,
      ]);
      expect(found.nextCursor).toBeNull();
      expect(found.items.find((person) => person.id === byNickname.id)).toEqual({
        id: byNickname.id,
        username: byNickname.username,
        nickname: `Little ${word.toUpperCase()}`,
        avatarUrl: null,
        relationship: 'none',
        friendRequestId: null,
      });
      // A user who never edited their space shows their username as nickname.
      expect(found.items[0]).toMatchObject({ nickname: exact.username, avatarUrl: null });
    });

    it('matches nicknames in CJK and regardless of character width, and ignores surrounding spaces', async () => {
      const viewer = await factory.newUser('viewer');
      const chinese = await factory.newUser('zh');
      await setNickname(chinese, '小明的空间');
      const wide = await factory.newUser('wide');
      const word = token();
      // Full-width letters, as an IME may type them.
      await setNickname(wide, [...word].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''));

      expect(names((await search(viewer, '  小明  ')).items)).toContain(chinese.username);
      expect(names((await search(viewer, word)).items)).toEqual([wide.username]);
    });

    it('treats the text literally: % and _ are not wildcards', async () => {
      const viewer = await factory.newUser('viewer');
      await factory.newUser('someone');
      expect((await search(viewer, '%')).items).toEqual([]);
      expect((await search(viewer, '_%_')).items).toEqual([]);
    });

    it('says how I stand to each person, and lists me as myself', async () => {
      const word = token();
      const me = await register(`${word}_me`);
      const friend = await register(`${word}_friend`);
      const asked = await register(`${word}_asked`);
      const asking = await register(`${word}_asking`);
      const stranger = await register(`${word}_stranger`);
      await factory.befriend(me, friend);
      const sentId = await factory.requestFriend(me, asked);
      const receivedId = await factory.requestFriend(asking, me);

      const found = await search(me, word);
      const byId = new Map(found.items.map((person) => [person.id, person]));
      expect(found.items).toHaveLength(5);
      expect(byId.get(me.id)).toMatchObject({ relationship: 'self', friendRequestId: null });
      expect(byId.get(friend.id)).toMatchObject({ relationship: 'friend', friendRequestId: null });
      expect(byId.get(asked.id)).toMatchObject({ relationship: 'requestSent', friendRequestId: sentId });
      expect(byId.get(asking.id)).toMatchObject({
        relationship: 'requestReceived',
        friendRequestId: receivedId,
      });
      expect(byId.get(stranger.id)).toMatchObject({ relationship: 'none', friendRequestId: null });

      // The same people, seen by the one I asked.
      const theirs = new Map((await search(asked, word)).items.map((person) => [person.id, person]));
      expect(theirs.get(me.id)).toMatchObject({ relationship: 'requestReceived', friendRequestId: sentId });
    });

    it('never lists someone who blocked me, or someone I blocked', async () => {
      const word = token();
      const me = await register(`${word}_me`);
      const blocker = await register(`${word}_blocker`);
      const blocked = await register(`${word}_blocked`);
      const bystander = await register(`${word}_bystander`);
      await factory.block(blocker, me);
      await factory.block(me, blocked);

      expect(names(await searchAll(me, word)).sort()).toEqual([me.username, bystander.username].sort());
      // The block hides me from them too, whichever side made it.
      expect(names(await searchAll(blocker, word))).not.toContain(me.username);
      expect(names(await searchAll(blocked, word))).not.toContain(me.username);
      expect(names(await searchAll(bystander, word)).sort()).toEqual(
        [me.username, blocker.username, blocked.username, bystander.username].sort(),
      );
    });

    it('pages 20 at a time by default with an opaque cursor, never repeating or skipping anyone', async () => {
      const word = token();
      const viewer = await factory.newUser('viewer');
      const people: TestUser[] = [];
      for (let i = 0; i < 25; i++) people.push(await register(`${word}_${String(i).padStart(2, '0')}`));

      const first = await search(viewer, word);
      expect(first.items).toHaveLength(LIMITS.pageSizeDefault);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await search(viewer, word, { cursor: first.nextCursor! });
      expect(second.items).toHaveLength(5);
      expect(second.nextCursor).toBeNull();
      expect(names([...first.items, ...second.items])).toEqual(people.map((person) => person.username));

      const bySeven = await searchAll(viewer, word, 7);
      expect(names(bySeven)).toEqual(people.map((person) => person.username));
      // 26 registrations hash 26 passwords with scrypt: slow on a busy machine.
    }, 180_000);

    it.each([
      ['no text', {}, 'validation_failed'],
      ['empty text', { q: '' }, 'validation_failed'],
      ['only spaces', { q: '   ' }, 'validation_failed'],
      ['text over the limit', { q: 'x'.repeat(LIMITS.peopleSearchQueryMax + 1) }, 'validation_failed'],
      ['the text twice', { q: ['a', 'b'] }, 'validation_failed'],
      ['a NUL character', { q: 'a\u0000b' }, 'validation_failed'],
      ['a garbage cursor', { q: 'a', cursor: 'garbage' }, 'invalid_cursor'],
      [
        "another list's cursor",
        {
          q: 'a',
          cursor: Buffer.from(JSON.stringify([new Date().toISOString(), MISSING])).toString('base64url'),
        },
        'invalid_cursor',
      ],
      [
        'a cursor with a bad rank',
        { q: 'a', cursor: Buffer.from(JSON.stringify([7, 'a', MISSING])).toString('base64url') },
        'invalid_cursor',
      ],
      ['limit 0', { q: 'a', limit: 0 }, 'validation_failed'],
      ['an unknown parameter', { q: 'a', kind: 'friends' }, 'validation_failed'],
    ])('refuses %s with 400 %s', async (_case, query, code) => {
      const viewer = await factory.newUser('viewer');
      expectProblem(
        await host.get('/users', { token: viewer.token, query: query as Record<string, string> }),
        400,
        code,
      );
    });

    it('takes text of exactly the limit, spaces around it not counted', async () => {
      const viewer = await factory.newUser('viewer');
      const text = ` ${'x'.repeat(LIMITS.peopleSearchQueryMax)} `;
      expect((await search(viewer, text)).items).toEqual([]);
    });

    it("never lists the platform's own account, which owns the built-in apps", async () => {
      await factory.platformAccount();
      const viewer = await register(`kongjianfan_${token()}`);
      expect(names(await searchAll(viewer, 'kongjian'))).toEqual([viewer.username]);
    });

    it('requires signing in', async () => {
      expectProblem(await host.get('/users', { query: { q: 'a' } }), 401, 'unauthenticated');
    });
  });

  describe('lookup by username', () => {
    it('finds a user in any letter case, with how I stand to them; anonymous visitors too', async () => {
      const word = token();
      const user = await register(`${word}_Mixed`);
      await setNickname(user, 'Mixie');
      const friend = await factory.newUser('friend');
      await factory.befriend(user, friend);

      const asFriend = await host.get(`/users/by-username/${user.username.toUpperCase()}`, {
        token: friend.token,
      });
      expect(asFriend.status).toBe(200);
      expect(asFriend.body).toEqual({
        id: user.id,
        username: user.username,
        nickname: 'Mixie',
        avatarUrl: null,
        relationship: 'friend',
        friendRequestId: null,
      });
      const asSelf = await host.get(`/users/by-username/${user.username.toLowerCase()}`, {
        token: user.token,
      });
      expect(asSelf.body).toMatchObject({ id: user.id, relationship: 'self' });
      const anonymous = await host.get(`/users/by-username/${user.username}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ id: user.id, relationship: 'none', friendRequestId: null });
    });

    it('shows pending requests either way, with the request to answer', async () => {
      const me = await factory.newUser('me');
      const asked = await factory.newUser('asked');
      const requestId = await factory.requestFriend(me, asked);
      expect(
        (await host.get(`/users/by-username/${asked.username}`, { token: me.token })).body,
      ).toMatchObject({
        relationship: 'requestSent',
        friendRequestId: requestId,
      });
      expect(
        (await host.get(`/users/by-username/${me.username}`, { token: asked.token })).body,
      ).toMatchObject({
        relationship: 'requestReceived',
        friendRequestId: requestId,
      });
    });

    it('answers 404 alike for a username nobody has and for someone who blocked me', async () => {
      const me = await factory.newUser('me');
      const blocker = await factory.newUser('blocker');
      await factory.block(blocker, me);
      const blockedMe = await host.get(`/users/by-username/${blocker.username}`, { token: me.token });
      const nobody = await host.get(`/users/by-username/nobody_${token()}`, { token: me.token });
      expectProblem(blockedMe, 404, 'not_found');
      expectProblem(nobody, 404, 'not_found');
      const { instance: _a, ...blockedProblem } = blockedMe.body;
      const { instance: _b, ...nobodyProblem } = nobody.body;
      expect(blockedProblem).toEqual(nobodyProblem);

      // Signed out, or to anyone else, they are there.
      expect((await host.get(`/users/by-username/${blocker.username}`)).status).toBe(200);
      // The one who blocked still finds me: they can unblock me from my page.
      expect(
        (await host.get(`/users/by-username/${me.username}`, { token: blocker.token })).body,
      ).toMatchObject({ id: me.id, relationship: 'blocking' });
    });

    it('finds usernames that read like other routes under /users', async () => {
      const viewer = await factory.newUser('viewer');
      for (const name of ['posts', 'albums', 'by-username']) {
        const user = await register(name);
        const found = await host.get(`/users/by-username/${name}`, { token: viewer.token });
        expect({ name, status: found.status, id: found.body.id }).toEqual({ name, status: 200, id: user.id });
      }
    });

    it.each([
      ['an overlong name', 'x'.repeat(LIMITS.usernameMax + 1)],
      ['a name with characters usernames cannot have', 'no%20spaces'],
      ['an encoded path', '..%2F..%2Fetc'],
      ['a NUL character', 'a%00b'],
    ])('answers 404 for %s', async (_case, name) => {
      expectProblem(await host.get(`/users/by-username/${name}`), 404, 'not_found');
    });
  });
});
