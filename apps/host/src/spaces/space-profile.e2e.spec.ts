import { LIMITS } from '../common/limits';
import { factory, host } from '../testing/file-host';
import {
  DAY_MS,
  MISSING_ID,
  befriend,
  block,
  leaveMessage,
  openBoard,
  snapshot,
  useSpacesHost,
} from './spaces.e2e-setup';

describe('spaces (e2e)', () => {
  useSpacesHost();

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
});
