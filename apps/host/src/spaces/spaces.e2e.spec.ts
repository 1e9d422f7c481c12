import { LIMITS } from '../common/limits';
import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';

const DAY_MS = 24 * 60 * 60 * 1000;
const MISSING_ID = '00000000-0000-7000-8000-000000000000';

describe('spaces (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    // Start each run at 01:00 UTC so minutes added inside a test never cross into the next day.
    const now = host.clock.now();
    const nextMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    host.clock.advance(nextMidnight - now.getTime() + 60 * 60 * 1000);
  });
  afterAll(() => host.close());

  async function befriend(a: TestUser, b: TestUser): Promise<void> {
    const request = await host.post('/friend-requests', { token: a.token, body: { userId: b.id } });
    expect(request.status).toBe(201);
    const accepted = await host.post(`/friend-requests/${request.body.id}/accept`, { token: b.token });
    expect(accepted.status).toBe(200);
  }

  async function block(blocker: TestUser, blocked: TestUser): Promise<void> {
    expect((await host.put(`/blocks/${blocked.id}`, { token: blocker.token })).status).toBe(204);
  }

  async function openBoard(owner: TestUser): Promise<void> {
    const response = await host.patch('/space/decoration', {
      token: owner.token,
      body: { boardAccess: 'everyone' },
    });
    expect(response.status).toBe(200);
  }

  async function leaveMessage(author: TestUser, owner: TestUser, body: string): Promise<string> {
    const response = await host.post(`/spaces/${owner.id}/messages`, { token: author.token, body: { body } });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  /** Everything the space module writes, for asserting that a refused request changed nothing. */
  async function snapshot(userId: string) {
    return {
      space: await host.sql('select * from space where user_id = ?', [userId]),
      counts: await host.sql(
        `select (select count(*)::int from space) as spaces,
                (select count(*)::int from space_visit) as visits,
                (select count(*)::int from board_message) as messages,
                (select count(*)::int from notification) as notifications`,
      ),
    };
  }

  describe('profile and decoration', () => {
    it('shows defaults to anyone for a space never edited, without creating it', async () => {
      const owner = await factory.newUser('owner');
      const response = await host.get(`/spaces/${owner.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: owner.id,
        username: owner.username,
        profile: {
          nickname: owner.username,
          avatarUrl: null,
          signature: null,
          gender: 'unspecified',
          birthday: null,
          location: null,
        },
        decoration: {
          themeId: 'classic',
          musicUrl: null,
          modules: ['profile', 'moods', 'blogs', 'messageBoard', 'visitors', 'friends'],
          boardAccess: 'friends',
        },
        postCount: 0,
        visitorCount: 0,
        visitorsToday: 0,
        relationship: null,
        canReadBoard: false,
        canWriteBoard: false,
        vip: null,
        level: { level: 1, points: expect.any(Number) },
      });
      expect(await host.sql('select 1 from space where user_id = ?', [owner.id])).toHaveLength(0);
    });

    it('creates the space on the first edit, keeps fields not sent, and clears fields sent as null', async () => {
      const owner = await factory.newUser('owner');
      const first = await host.patch('/space/profile', {
        token: owner.token,
        body: {
          nickname: '  Little Dragon ',
          avatarUrl: 'https://img.example.com/me.png',
          signature: 'Rain on the bamboo',
          gender: 'female',
          birthday: '1999-12-31',
          location: 'Chengdu',
        },
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        nickname: 'Little Dragon',
        avatarUrl: 'https://img.example.com/me.png',
        signature: 'Rain on the bamboo',
        gender: 'female',
        birthday: '1999-12-31',
        location: 'Chengdu',
      });

      const second = await host.patch('/space/profile', {
        token: owner.token,
        body: { signature: null, location: '   ', avatarUrl: null },
      });
      expect(second.status).toBe(200);
      expect(second.body).toEqual({
        nickname: 'Little Dragon',
        avatarUrl: null,
        signature: null,
        gender: 'female',
        birthday: '1999-12-31',
        location: null,
      });

      const decoration = await host.patch('/space/decoration', {
        token: owner.token,
        body: {
          themeId: 'sakura',
          musicUrl: 'http://music.example.com/song.mp3',
          modules: ['messageBoard', 'profile'],
        },
      });
      expect(decoration.status).toBe(200);
      expect(decoration.body).toEqual({
        themeId: 'sakura',
        musicUrl: 'http://music.example.com/song.mp3',
        modules: ['messageBoard', 'profile'],
        boardAccess: 'friends',
      });
      expect(
        (await host.patch('/space/decoration', { token: owner.token, body: { musicUrl: null } })).body
          .musicUrl,
      ).toBeNull();

      const seen = await host.get(`/spaces/${owner.id}`);
      expect(seen.body.profile).toEqual(second.body);
      expect(seen.body.decoration).toEqual({
        themeId: 'sakura',
        musicUrl: null,
        modules: ['messageBoard', 'profile'],
        boardAccess: 'friends',
      });
      expect(await host.sql('select count(*)::int as n from space where user_id = ?', [owner.id])).toEqual([
        { n: 1 },
      ]);
    });

    it('shows my nickname and head portrait wherever I appear', async () => {
      const owner = await factory.newUser('owner');
      const author = await factory.newUser('author');
      await openBoard(owner);
      await host.patch('/space/profile', {
        token: author.token,
        body: { nickname: 'Xiao Hong', avatarUrl: 'https://img.example.com/hong.png' },
      });
      await leaveMessage(author, owner, 'hello');
      const board = await host.get(`/spaces/${owner.id}/messages`);
      expect(board.body.items[0].author).toEqual({
        id: author.id,
        username: author.username,
        nickname: 'Xiao Hong',
        avatarUrl: 'https://img.example.com/hong.png',
      });
    });

    it('accepts a birthday of today and refuses tomorrow', async () => {
      const owner = await factory.newUser('owner');
      const today = host.clock.now().toISOString().slice(0, 10);
      const tomorrow = new Date(host.clock.now().getTime() + DAY_MS).toISOString().slice(0, 10);
      expect(
        (await host.patch('/space/profile', { token: owner.token, body: { birthday: today } })).body.birthday,
      ).toBe(today);
      const refused = await host.patch('/space/profile', {
        token: owner.token,
        body: { birthday: tomorrow },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { field: 'birthday', message: 'birthday must not be in the future' },
      ]);
      expect((await host.get(`/spaces/${owner.id}`)).body.profile.birthday).toBe(today);
    });

    it.each([
      ['an oversized nickname', { nickname: 'x'.repeat(LIMITS.nicknameMax + 1) }],
      ['an empty nickname', { nickname: '' }],
      ['a blank nickname', { nickname: '   ' }],
      ['a null nickname', { nickname: null }],
      ['a nickname of the wrong type', { nickname: 42 }],
      ['an avatar that is not a web URL', { avatarUrl: 'ftp://img.example.com/me.png' }],
      ['a script avatar', { avatarUrl: 'javascript:alert(1)' }],
      ['an avatar that is not a URL', { avatarUrl: 'me.png' }],
      ['an oversized avatar URL', { avatarUrl: `https://img.example.com/${'a'.repeat(LIMITS.urlMax)}` }],
      ['an oversized signature', { signature: 's'.repeat(LIMITS.signatureMax + 1) }],
      ['a signature of the wrong type', { signature: ['hi'] }],
      ['an unknown gender', { gender: 'robot' }],
      ['a null gender', { gender: null }],
      ['a birthday that is no date', { birthday: '2000-02-30' }],
      ['a birthday in another format', { birthday: '31/12/1999' }],
      ['a birthday with a time', { birthday: '1999-12-31T00:00:00Z' }],
      ['a birthday in the future', { birthday: '2999-01-01' }],
      ['a birthday before 1900', { birthday: '1899-12-31' }],
      ['an oversized location', { location: 'l'.repeat(LIMITS.locationMax + 1) }],
      ['an unknown field', { nickname: 'fine', level: 99 }],
      ['a decoration field', { themeId: 'sakura' }],
    ])('refuses a profile with %s and changes nothing', async (_case, body) => {
      const owner = await factory.newUser('owner');
      await host.patch('/space/profile', {
        token: owner.token,
        body: { nickname: 'Before', signature: 'unchanged' },
      });
      const before = await snapshot(owner.id);
      const response = await host.patch('/space/profile', { token: owner.token, body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it.each([
      ['an unknown theme', { themeId: 'golden-palace' }],
      ['a theme id that is not an id', { themeId: 'Golden Palace!' }],
      ['a null theme', { themeId: null }],
      ['music that is not a web URL', { musicUrl: 'file:///etc/passwd' }],
      ['oversized music URL', { musicUrl: `https://music.example.com/${'a'.repeat(LIMITS.urlMax)}` }],
      ['a repeated module', { modules: ['profile', 'moods', 'profile'] }],
      ['an unknown module', { modules: ['profile', 'guestbook'] }],
      ['modules that are not a list', { modules: 'profile' }],
      ['null modules', { modules: null }],
      ['modules of the wrong type', { modules: [1, 2] }],
      ['an unknown board access', { boardAccess: 'nobody' }],
      ['an unknown field', { themeId: 'ocean', css: 'body{}' }],
      ['a profile field', { nickname: 'x' }],
    ])('refuses a decoration with %s and changes nothing', async (_case, body) => {
      const owner = await factory.newUser('owner');
      await host.patch('/space/decoration', { token: owner.token, body: { themeId: 'bamboo' } });
      const before = await snapshot(owner.id);
      const response = await host.patch('/space/decoration', { token: owner.token, body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('refuses edits from someone signed out and a first edit that is invalid leaves no space', async () => {
      const owner = await factory.newUser('owner');
      expect((await host.patch('/space/profile', { body: { nickname: 'x' } })).status).toBe(401);
      expect((await host.patch('/space/decoration', { body: { themeId: 'ocean' } })).status).toBe(401);
      expect(
        (await host.patch('/space/profile', { token: owner.token, body: { gender: 'robot' } })).status,
      ).toBe(400);
      expect(await host.sql('select 1 from space where user_id = ?', [owner.id])).toHaveLength(0);
    });

    it('answers 404 for a space of nobody', async () => {
      const missing = await host.get(`/spaces/${MISSING_ID}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('not_found');
      expect((await host.get('/spaces/not-an-id')).status).toBe(404);
    });

    it('tells the viewer how they stand with the owner and counts only posts they may see', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      const stranger = await factory.newUser('stranger');
      const blocked = await factory.newUser('blocked');
      await befriend(owner, friend);
      await block(owner, blocked);
      for (const privacy of ['public', 'friends', 'private']) {
        expect(
          (await host.post('/moods', { token: owner.token, body: { text: `a ${privacy} mood`, privacy } }))
            .status,
        ).toBe(201);
      }

      const asOwner = await host.get(`/spaces/${owner.id}`, { token: owner.token });
      expect(asOwner.body).toMatchObject({
        relationship: 'self',
        postCount: 3,
        canReadBoard: true,
        canWriteBoard: true,
      });
      const asFriend = await host.get(`/spaces/${owner.id}`, { token: friend.token });
      expect(asFriend.body).toMatchObject({
        relationship: 'friend',
        postCount: 2,
        canReadBoard: true,
        canWriteBoard: true,
      });
      const asStranger = await host.get(`/spaces/${owner.id}`, { token: stranger.token });
      expect(asStranger.body).toMatchObject({
        relationship: 'none',
        postCount: 1,
        canReadBoard: false,
        canWriteBoard: false,
      });
      const asBlocked = await host.get(`/spaces/${owner.id}`, { token: blocked.token });
      expect(asBlocked.body).toMatchObject({ relationship: 'blocked', postCount: 1, canWriteBoard: false });
      const asAnonymous = await host.get(`/spaces/${owner.id}`);
      expect(asAnonymous.body).toMatchObject({ relationship: null, postCount: 1 });
      const ownerSeesBlocked = await host.get(`/spaces/${blocked.id}`, { token: owner.token });
      expect(ownerSeesBlocked.body.relationship).toBe('blocking');
    });
  });

  describe('visitor log', () => {
    it('logs one visit per visitor per UTC day, shows the list only to the owner and the count to all', async () => {
      const owner = await factory.newUser('owner');
      const first = await factory.newUser('first');
      const second = await factory.newUser('second');

      await host.get(`/spaces/${owner.id}`, { token: first.token });
      const earlyVisit = (await host.get(`/spaces/${owner.id}/visitors`, { token: owner.token })).body
        .items[0].visitedAt;
      host.clock.advance(60 * 1000);
      const again = await host.get(`/spaces/${owner.id}`, { token: first.token });
      expect(again.body).toMatchObject({ visitorCount: 1, visitorsToday: 1 });
      await host.get(`/spaces/${owner.id}`, { token: owner.token });
      await host.get(`/spaces/${owner.id}`);
      host.clock.advance(60 * 1000);
      await host.get(`/spaces/${owner.id}`, { token: second.token });

      const today = await host.get(`/spaces/${owner.id}/visitors`, { token: owner.token });
      expect(today.status).toBe(200);
      expect(today.body.items.map((item: { visitor: { id: string } }) => item.visitor.id)).toEqual([
        second.id,
        first.id,
      ]);
      expect(new Date(today.body.items[1].visitedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(earlyVisit).getTime() + 60 * 1000,
      );

      host.clock.advance(DAY_MS);
      const nextDay = await host.get(`/spaces/${owner.id}`, { token: first.token });
      expect(nextDay.body).toMatchObject({ visitorCount: 3, visitorsToday: 1 });

      const log = await host.get(`/spaces/${owner.id}/visitors`, { token: owner.token });
      expect(log.body.items.map((item: { visitor: { id: string } }) => item.visitor.id)).toEqual([
        first.id,
        second.id,
        first.id,
      ]);
      expect(log.body.items[0].visitor).toEqual({
        id: first.id,
        username: first.username,
        nickname: first.username,
        avatarUrl: null,
      });
      expect(
        await host.sql('select count(*)::int as n from space_visit where owner_id = ?', [owner.id]),
      ).toEqual([{ n: 3 }]);

      const notOwner = await host.get(`/spaces/${owner.id}/visitors`, { token: first.token });
      expect(notOwner.status).toBe(403);
      expect(notOwner.body.code).toBe('forbidden');
      expect((await host.get(`/spaces/${owner.id}/visitors`)).status).toBe(401);
      expect((await host.get(`/spaces/${owner.id}`)).body.visitorCount).toBe(3);
    });

    it('pages through the visitor log newest first without repeating anyone', async () => {
      const owner = await factory.newUser('owner');
      const visitors: TestUser[] = [];
      for (let index = 0; index < 5; index++) {
        const visitor = await factory.newUser('visitor');
        visitors.push(visitor);
        await host.get(`/spaces/${owner.id}`, { token: visitor.token });
        host.clock.advance(1000);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get(`/spaces/${owner.id}/visitors`, {
          token: owner.token,
          query: { limit: 2, cursor },
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { visitor: { id: string } }) => item.visitor.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(visitors.map((visitor) => visitor.id).reverse());
    });

    it('refuses bad visitor queries', async () => {
      const owner = await factory.newUser('owner');
      expect((await host.get(`/spaces/${MISSING_ID}/visitors`, { token: owner.token })).status).toBe(404);
      expect((await host.get('/spaces/nope/visitors', { token: owner.token })).status).toBe(404);
      const badCursor = await host.get(`/spaces/${owner.id}/visitors`, {
        token: owner.token,
        query: { cursor: 'garbage' },
      });
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.code).toBe('invalid_cursor');
      const badLimit = await host.get(`/spaces/${owner.id}/visitors`, {
        token: owner.token,
        query: { limit: LIMITS.pageSizeMax + 1 },
      });
      expect(badLimit.status).toBe(400);
    });

    it('does not log a visit to a space of nobody', async () => {
      const visitor = await factory.newUser('visitor');
      const before = await host.sql('select count(*)::int as n from space_visit');
      expect((await host.get(`/spaces/${MISSING_ID}`, { token: visitor.token })).status).toBe(404);
      expect(await host.sql('select count(*)::int as n from space_visit')).toEqual(before);
    });
  });

  describe('message board', () => {
    it('is open to the owner and friends by default, and closed to others', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      const stranger = await factory.newUser('stranger');
      await befriend(owner, friend);

      const written = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: '  Happy birthday!  ' },
      });
      expect(written.status).toBe(201);
      expect(written.body).toMatchObject({
        body: 'Happy birthday!',
        deletable: true,
        author: { id: friend.id },
      });
      await leaveMessage(owner, owner, 'Thanks everyone');

      const asFriend = await host.get(`/spaces/${owner.id}/messages`, { token: friend.token });
      expect(asFriend.status).toBe(200);
      expect(asFriend.body.items.map((item: { body: string }) => item.body)).toEqual([
        'Thanks everyone',
        'Happy birthday!',
      ]);
      expect(asFriend.body.items.map((item: { deletable: boolean }) => item.deletable)).toEqual([
        false,
        true,
      ]);
      const asOwner = await host.get(`/spaces/${owner.id}/messages`, { token: owner.token });
      expect(asOwner.body.items.map((item: { deletable: boolean }) => item.deletable)).toEqual([true, true]);

      for (const token of [stranger.token, undefined]) {
        const closed = await host.get(`/spaces/${owner.id}/messages`, { token });
        expect(closed.status).toBe(403);
        expect(closed.body.code).toBe('board_closed');
      }
      const before = await snapshot(owner.id);
      const refused = await host.post(`/spaces/${owner.id}/messages`, {
        token: stranger.token,
        body: { body: 'hi' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('board_closed');
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('tells the owner about a new message, but not about their own', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      await befriend(owner, friend);
      const ownerUnreadBefore = (
        await host.get('/notifications', { token: owner.token, query: { unread: 'true' } })
      ).body.items;
      const messageId = await leaveMessage(friend, owner, 'Come to the farm');
      await leaveMessage(owner, owner, 'note to self');

      const notifications = await host.get('/notifications', {
        token: owner.token,
        query: { unread: 'true' },
      });
      const boardNotes = notifications.body.items.filter(
        (item: { kind: string }) => item.kind === 'board_message',
      );
      expect(boardNotes).toHaveLength(1);
      expect(boardNotes[0]).toMatchObject({ subjectId: messageId, actor: { id: friend.id }, read: false });
      expect(notifications.body.items.length).toBe(ownerUnreadBefore.length + 1);
    });

    it("with boardAccess 'everyone' anyone may read and any signed-in user may write", async () => {
      const owner = await factory.newUser('owner');
      const stranger = await factory.newUser('stranger');
      await openBoard(owner);
      const view = await host.get(`/spaces/${owner.id}`, { token: stranger.token });
      expect(view.body).toMatchObject({ canReadBoard: true, canWriteBoard: true });

      await leaveMessage(stranger, owner, 'Passing by, nice space');
      const anonymous = await host.get(`/spaces/${owner.id}/messages`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.items).toHaveLength(1);
      expect(anonymous.body.items[0].deletable).toBe(false);

      const signedOut = await host.post(`/spaces/${owner.id}/messages`, { body: { body: 'anonymous' } });
      expect(signedOut.status).toBe(401);

      await host.patch('/space/decoration', { token: owner.token, body: { boardAccess: 'friends' } });
      expect((await host.get(`/spaces/${owner.id}/messages`)).status).toBe(403);
      expect(
        (await host.post(`/spaces/${owner.id}/messages`, { token: stranger.token, body: { body: 'again' } }))
          .status,
      ).toBe(403);
    });

    it('refuses a message from someone the owner blocked, even on an open board', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      await befriend(owner, friend);
      await openBoard(owner);
      await block(owner, friend);

      const before = await snapshot(owner.id);
      const refused = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: 'let me explain' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('blocked');
      expect(await snapshot(owner.id)).toEqual(before);
      expect((await host.get(`/spaces/${owner.id}`, { token: friend.token })).body.canWriteBoard).toBe(false);

      await host.patch('/space/decoration', { token: owner.token, body: { boardAccess: 'friends' } });
      const closed = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: 'still me' },
      });
      expect(closed.status).toBe(403);
      expect(closed.body.code).toBe('blocked');
    });

    it('lets the owner and the author delete a message, and nobody else', async () => {
      const owner = await factory.newUser('owner');
      const author = await factory.newUser('author');
      const other = await factory.newUser('other');
      await openBoard(owner);
      const byAuthor = await leaveMessage(author, owner, 'first');
      const forOwner = await leaveMessage(author, owner, 'second');
      const byOther = await leaveMessage(other, owner, 'third');

      const stranger = await host.delete(`/spaces/${owner.id}/messages/${byAuthor}`, { token: other.token });
      expect(stranger.status).toBe(404);
      expect(stranger.body.code).toBe('not_found');
      expect(
        (await host.delete(`/spaces/${other.id}/messages/${byAuthor}`, { token: other.token })).status,
      ).toBe(404);
      expect((await host.delete(`/spaces/${owner.id}/messages/${byAuthor}`)).status).toBe(401);
      expect(
        await host.sql('select count(*)::int as n from board_message where owner_id = ?', [owner.id]),
      ).toEqual([{ n: 3 }]);

      expect(
        (await host.delete(`/spaces/${owner.id}/messages/${byAuthor}`, { token: author.token })).status,
      ).toBe(204);
      expect(
        (await host.delete(`/spaces/${owner.id}/messages/${forOwner}`, { token: owner.token })).status,
      ).toBe(204);
      expect(
        (await host.delete(`/spaces/${owner.id}/messages/${forOwner}`, { token: owner.token })).status,
      ).toBe(404);

      const left = await host.get(`/spaces/${owner.id}/messages`, { token: owner.token });
      expect(left.body.items.map((item: { id: string }) => item.id)).toEqual([byOther]);
    });

    it('answers 404 for messages and boards that do not exist', async () => {
      const owner = await factory.newUser('owner');
      const before = await snapshot(owner.id);
      for (const [method, url] of [
        ['GET', `/spaces/${MISSING_ID}/messages`],
        ['GET', '/spaces/nope/messages'],
        ['POST', `/spaces/${MISSING_ID}/messages`],
        ['POST', '/spaces/nope/messages'],
        ['DELETE', `/spaces/${owner.id}/messages/${MISSING_ID}`],
        ['DELETE', `/spaces/${owner.id}/messages/nope`],
        ['DELETE', `/spaces/nope/messages/${MISSING_ID}`],
      ]) {
        const response = await host.call(method, url, {
          token: owner.token,
          body: method === 'POST' ? { body: 'hi' } : undefined,
        });
        expect([method, url, response.status]).toEqual([method, url, 404]);
      }
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it.each([
      ['no body', {}],
      ['an empty body', { body: '' }],
      ['a blank body', { body: ' \n\t ' }],
      ['a body of the wrong type', { body: 42 }],
      ['a null body', { body: null }],
      ['an oversized body', { body: 'm'.repeat(LIMITS.boardMessageMax + 1) }],
      ['an unknown field', { body: 'hi', authorId: MISSING_ID }],
    ])('refuses a message with %s and stores nothing', async (_case, body) => {
      const owner = await factory.newUser('owner');
      await openBoard(owner);
      const author = await factory.newUser('author');
      const before = await snapshot(owner.id);
      const response = await host.post(`/spaces/${owner.id}/messages`, { token: author.token, body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(await snapshot(owner.id)).toEqual(before);
    });

    it('takes a message of exactly the maximum length', async () => {
      const owner = await factory.newUser('owner');
      const body = 'm'.repeat(LIMITS.boardMessageMax);
      const response = await host.post(`/spaces/${owner.id}/messages`, {
        token: owner.token,
        body: { body },
      });
      expect(response.status).toBe(201);
      expect(response.body.body).toBe(body);
    });

    it('pages through the board newest first', async () => {
      const owner = await factory.newUser('owner');
      const bodies: string[] = [];
      for (let index = 0; index < 5; index++) {
        bodies.push(`message ${index}`);
        await leaveMessage(owner, owner, `message ${index}`);
      }
      const first = await host.get(`/spaces/${owner.id}/messages`, {
        token: owner.token,
        query: { limit: 3 },
      });
      expect(first.body.items.map((item: { body: string }) => item.body)).toEqual(bodies.slice(2).reverse());
      const second = await host.get(`/spaces/${owner.id}/messages`, {
        token: owner.token,
        query: { limit: 3, cursor: first.body.nextCursor },
      });
      expect(second.body.items.map((item: { body: string }) => item.body)).toEqual(
        bodies.slice(0, 2).reverse(),
      );
      expect(second.body.nextCursor).toBeNull();
    });
  });
});
