import request from 'supertest';
import { LIMITS } from '../common/limits';
import { type TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import {
  MISSING,
  count,
  friend,
  getFile,
  newAlbum,
  owner,
  png,
  storedFiles,
  stranger,
  upload,
  useAlbumsHost,
  webp,
} from './albums.e2e-setup';

describe('albums and photos (e2e)', () => {
  useAlbumsHost();

  describe('albums', () => {
    it('creates, edits, lists and deletes albums with the privacy rule deciding who sees them', async () => {
      const open = await newAlbum(owner, 'public');
      const friendsOnly = await newAlbum(owner, 'friends');
      const mine = await newAlbum(owner, 'private');
      const listed = async (viewer: TestUser | null) =>
        (await host.get(`/users/${owner.id}/albums`, { token: viewer?.token })).body.items.map(
          (album: { id: string }) => album.id,
        );
      expect(await listed(owner)).toEqual([mine, friendsOnly, open]);
      expect(await listed(friend)).toEqual([friendsOnly, open]);
      expect(await listed(stranger)).toEqual([open]);
      expect(await listed(null)).toEqual([open]);
      expect((await host.get(`/albums/${friendsOnly}`, { token: stranger.token })).status).toBe(404);
      expect((await host.get(`/albums/${mine}`, { token: friend.token })).status).toBe(404);

      const page1 = await host.get(`/users/${owner.id}/albums`, { token: owner.token, query: { limit: 2 } });
      const page2 = await host.get(`/users/${owner.id}/albums`, {
        token: owner.token,
        query: { limit: 2, cursor: page1.body.nextCursor },
      });
      expect([...page1.body.items, ...page2.body.items].map((album: { id: string }) => album.id)).toEqual([
        mine,
        friendsOnly,
        open,
      ]);

      const edited = await host.patch(`/albums/${mine}`, {
        token: owner.token,
        body: { title: '  Summer ', description: 'by the sea', privacy: 'friends' },
      });
      expect(edited.body).toMatchObject({ title: 'Summer', description: 'by the sea', privacy: 'friends' });
      expect((await host.get(`/albums/${mine}`, { token: friend.token })).status).toBe(200);
      expect(
        (await host.patch(`/albums/${mine}`, { token: friend.token, body: { title: 'x' } })).status,
      ).toBe(404);
      expect((await host.delete(`/albums/${mine}`, { token: friend.token })).status).toBe(404);
      expect((await host.delete(`/albums/${mine}`, { token: owner.token })).status).toBe(204);
      expect((await host.get(`/albums/${mine}`, { token: owner.token })).status).toBe(404);
    });

    it('shows a groups album only to friends in the chosen groups', async () => {
      const other = await factory.newUser('other');
      await factory.befriend(owner, other);
      const group = await factory.newGroup(owner, `close-${Date.now()}`, [friend]);
      const album = await newAlbum(owner, 'groups', { groupIds: [group] });
      expect((await host.get(`/albums/${album}`, { token: friend.token })).status).toBe(200);
      expect((await host.get(`/albums/${album}`, { token: other.token })).status).toBe(404);
      expect((await host.get(`/albums/${album}`, { token: owner.token })).body.groupIds).toEqual([group]);
    });

    it.each([
      ['a missing title', { privacy: 'public' }],
      ['a blank title', { title: '   ', privacy: 'public' }],
      ['a long title', { title: 'x'.repeat(LIMITS.albumTitleMax + 1), privacy: 'public' }],
      ['an unknown privacy', { title: 'a', privacy: 'secret' }],
      ['an unknown field', { title: 'a', privacy: 'public', photos: 3 }],
      ['groups without groups', { title: 'a', privacy: 'groups' }],
      ['a group that is not mine', { title: 'a', privacy: 'groups', groupIds: [MISSING] }],
    ])('refuses an album with %s', async (_case, body) => {
      const before = await count('album');
      const response = await host.post('/albums', { token: owner.token, body });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await count('album')).toBe(before);
    });

    it('needs a session to create and 404s malformed or unknown ids', async () => {
      expect((await host.post('/albums', { body: { title: 'a', privacy: 'public' } })).status).toBe(401);
      expect((await host.get('/albums/nope')).status).toBe(404);
      expect((await host.get(`/albums/${MISSING}`)).status).toBe(404);
      expect((await host.get(`/users/${MISSING}/albums`)).status).toBe(404);
      expect((await host.patch(`/albums/${MISSING}`, { token: owner.token, body: {} })).status).toBe(404);
      expect((await host.get(`/albums/${MISSING}/photos`)).status).toBe(404);
    });
  });

  describe('privacy of photos and files', () => {
    it('serves a photo and its file only to those who may see its album', async () => {
      const album = await newAlbum(owner, 'friends');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      expect((await host.get(`/photos/${photo}`, { token: friend.token })).status).toBe(200);
      expect((await host.get(`/photos/${photo}`, { token: stranger.token })).status).toBe(404);
      expect((await host.get(`/photos/${photo}`)).status).toBe(404);
      const seen = await getFile(friend, photo, 'web');
      expect(seen.status).toBe(200);
      expect(seen.headers['cache-control']).toBe('private, max-age=300');
      expect((await getFile(stranger, photo)).status).toBe(404);
      expect((await getFile(null, photo)).status).toBe(404);
      expect((await host.get(`/albums/${album}/photos`, { token: friend.token })).body.items).toHaveLength(1);
      expect((await host.get(`/albums/${album}/photos`, { token: stranger.token })).status).toBe(404);

      // The session cookie opens files too, for <img> tags.
      const login = await request(host.app.getHttpServer())
        .post('/sessions')
        .send({ username: friend.username, password: factory.password });
      const cookie = login.headers['set-cookie'];
      if (cookie) {
        const byCookie = await request(host.app.getHttpServer())
          .get(`/photos/${photo}/file`)
          .set('Cookie', cookie);
        expect(byCookie.status).toBe(200);
      }

      // Made private, it stops opening at once.
      await host.patch(`/albums/${album}`, { token: owner.token, body: { privacy: 'private' } });
      expect((await getFile(friend, photo)).status).toBe(404);
      expect((await getFile(owner, photo)).status).toBe(200);
    });

    it('refuses bad file queries', async () => {
      const album = await newAlbum(owner, 'public');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      expect((await getFile(owner, photo, 'huge')).status).toBe(400);
      expect((await getFile(owner, MISSING)).status).toBe(404);
      expect((await request(host.app.getHttpServer()).get('/photos/nope/file')).status).toBe(404);
    });

    it('sets covers and counts photos', async () => {
      const album = await newAlbum(owner, 'public');
      const first = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      const second = (await upload(owner, `/albums/${album}/photos`, await webp())).body.id as string;
      let view = await host.get(`/albums/${album}`);
      expect(view.body).toMatchObject({
        photoCount: 2,
        coverPhotoId: null,
        coverUrl: `/photos/${second}/file?size=thumb`,
      });
      view = await host.patch(`/albums/${album}`, { token: owner.token, body: { coverPhotoId: first } });
      expect(view.body).toMatchObject({ coverPhotoId: first, coverUrl: `/photos/${first}/file?size=thumb` });
      const other = await newAlbum(owner, 'public');
      expect(
        (await host.patch(`/albums/${other}`, { token: owner.token, body: { coverPhotoId: first } })).status,
      ).toBe(400);
      const page = await host.get(`/albums/${album}/photos`, { query: { limit: 1 } });
      const rest = await host.get(`/albums/${album}/photos`, {
        query: { limit: 1, cursor: page.body.nextCursor },
      });
      expect([...page.body.items, ...rest.body.items].map((photo: { id: string }) => photo.id)).toEqual([
        second,
        first,
      ]);
      const edited = await host.patch(`/photos/${first}`, {
        token: owner.token,
        body: { title: 'First', description: 'd' },
      });
      expect(edited.body).toMatchObject({ title: 'First', description: 'd' });
      expect((await host.patch(`/photos/${first}`, { token: owner.token, body: { size: 1 } })).status).toBe(
        400,
      );
      expect(
        (await host.patch(`/photos/${first}`, { token: friend.token, body: { title: 'x' } })).status,
      ).toBe(404);
    });
  });

  describe('moods with photos', () => {
    it('carries up to 9 photos that follow the mood privacy, and refuses 10', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 10; index++) {
        ids.push((await upload(owner, '/photos', await png(20 + index, 20))).body.id as string);
      }
      // Unattached uploads are the owner's alone.
      expect((await host.get(`/photos/${ids[0]}`, { token: friend.token })).status).toBe(404);
      const ten = await host.post('/moods', {
        token: owner.token,
        body: { text: 'ten', privacy: 'friends', photoIds: ids },
      });
      expect(ten.status).toBe(400);
      const mood = await host.post('/moods', {
        token: owner.token,
        body: { text: 'nine', privacy: 'friends', photoIds: ids.slice(0, 9) },
      });
      expect(mood.status).toBe(201);
      expect(mood.body.photos.map((photo: { id: string }) => photo.id)).toEqual(ids.slice(0, 9));
      expect(mood.body.photos[0].thumbUrl).toBe(`/photos/${ids[0]}/file?size=thumb`);
      expect((await host.get(`/posts/${mood.body.id}`, { token: friend.token })).body.photos).toHaveLength(9);
      expect((await getFile(friend, ids[0])).status).toBe(200);
      expect((await getFile(stranger, ids[0])).status).toBe(404);
      expect((await host.get(`/photos/${ids[0]}`, { token: friend.token })).body.postId).toBe(mood.body.id);

      // A photo already on a mood, someone else's photo, or an unknown one cannot be attached.
      for (const photoIds of [[ids[0]], [MISSING]]) {
        const refused = await host.post('/moods', {
          token: owner.token,
          body: { text: 'x', privacy: 'public', photoIds },
        });
        expect(refused.status).toBe(400);
      }
      const theirs = await host.post('/moods', {
        token: friend.token,
        body: { text: 'x', privacy: 'public', photoIds: [ids[9]] },
      });
      expect(theirs.status).toBe(400);

      // Deleting the mood deletes its photos and their files, and frees their quota.
      const before = (await host.get('/me/storage', { token: owner.token })).body.usedBytes as number;
      expect((await host.delete(`/posts/${mood.body.id}`, { token: owner.token })).status).toBe(204);
      expect((await host.get(`/photos/${ids[0]}`, { token: owner.token })).status).toBe(404);
      expect(storedFiles().filter((file) => file.includes(ids[0]))).toEqual([]);
      expect((await host.get('/me/storage', { token: owner.token })).body.usedBytes).toBeLessThan(before);
    });
  });

  describe('comments, likes and reports on photos', () => {
    it('uses the same comments and likes as posts, under the photo privacy', async () => {
      const album = await newAlbum(owner, 'friends');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      const comment = await host.post(`/photos/${photo}/comments`, {
        token: friend.token,
        body: { body: '好看！' },
      });
      expect(comment.status).toBe(201);
      expect(comment.body).toMatchObject({ photoId: photo, body: '好看！', parentId: null });
      const reply = await host.post(`/photos/${photo}/comments`, {
        token: owner.token,
        body: { body: '谢谢', parentId: comment.body.id },
      });
      expect(reply.status).toBe(201);
      const nested = await host.post(`/photos/${photo}/comments`, {
        token: friend.token,
        body: { body: 'deeper', parentId: reply.body.id },
      });
      expect(nested.status).toBe(400);
      expect(
        (await host.post(`/photos/${photo}/comments`, { token: stranger.token, body: { body: 'hi' } }))
          .status,
      ).toBe(404);
      expect(
        (await host.post(`/photos/${photo}/comments`, { token: friend.token, body: { body: '' } })).status,
      ).toBe(400);
      expect(
        (await host.post(`/photos/${photo}/comments`, { token: friend.token, body: { body: 'a', x: 1 } }))
          .status,
      ).toBe(400);

      const list = await host.get(`/photos/${photo}/comments`, { token: friend.token });
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([
        reply.body.id,
        comment.body.id,
      ]);
      expect((await host.get(`/photos/${photo}/comments`, { token: stranger.token })).status).toBe(404);

      expect((await host.put(`/photos/${photo}/like`, { token: friend.token })).body).toEqual({
        liked: true,
        likeCount: 1,
      });
      expect((await host.put(`/photos/${photo}/like`, { token: friend.token })).body).toEqual({
        liked: true,
        likeCount: 1,
      });
      expect((await host.put(`/photos/${photo}/like`, { token: stranger.token })).status).toBe(404);
      const seen = await host.get(`/photos/${photo}`, { token: friend.token });
      expect(seen.body).toMatchObject({ likeCount: 1, commentCount: 2, likedByMe: true });
      expect((await host.delete(`/photos/${photo}/like`, { token: friend.token })).body).toEqual({
        liked: false,
        likeCount: 0,
      });

      const notifications = await host.get('/notifications', { token: owner.token });
      expect(notifications.body.items.some((item: { kind: string }) => item.kind === 'comment')).toBe(true);

      // The photo's owner may delete a friend's comment; a stranger may not.
      expect(
        (await host.delete(`/photos/${photo}/comments/${comment.body.id}`, { token: stranger.token })).status,
      ).toBe(404);
      expect(
        (await host.delete(`/photos/${photo}/comments/${comment.body.id}`, { token: owner.token })).status,
      ).toBe(204);
      expect((await host.get(`/photos/${photo}/comments`, { token: friend.token })).body.items).toHaveLength(
        0,
      );
    });

    it('lets users report a photo they can see', async () => {
      const album = await newAlbum(owner, 'public');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      const report = await host.post('/reports', {
        token: stranger.token,
        body: { subjectType: 'photo', subjectId: photo, reason: 'not mine' },
      });
      expect(report.status).toBe(201);
      const hidden = await newAlbum(owner, 'private');
      const secret = (await upload(owner, `/albums/${hidden}/photos`, await png())).body.id as string;
      const refused = await host.post('/reports', {
        token: stranger.token,
        body: { subjectType: 'photo', subjectId: secret, reason: 'x' },
      });
      expect(refused.status).toBe(404);
    });
  });
});
