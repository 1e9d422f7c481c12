import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import request from 'supertest';
import { LIMITS } from '../common/limits';
import { TestFactory, type TestUser } from '../testing/factory';
import { EventStreamReader } from '../testing/event-stream-reader';
import { expectProblem } from '../testing/expect-problem';
import { HOST_SPEC_PATH, SpecValidator } from '../testing/spec-validator';
import { TestHost } from '../testing/test-host';
import { UnreadSignal } from './unread-signal';

/** Heartbeats of this file's host: short, so a stream notices an ended session within a test. */
const HEARTBEAT_MS = 300;

interface Seen {
  id: string;
  kind: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string | null;
  postId: string | null;
  photoId: string | null;
  read: boolean;
}

describe('notifications (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;

  beforeAll(async () => {
    host = await TestHost.start({ notificationHeartbeatMs: HEARTBEAT_MS });
    factory = new TestFactory(host);
  });
  afterAll(() => host.close());

  /** Every notification with its read state, to assert that a refused request changed nothing. */
  const snapshot = () => host.sql('select id, recipient_id, kind, read_at from notification order by id');

  /** What the user sees in their notification list (all of it, newest first). */
  async function seen(user: TestUser, query: Record<string, string | number> = {}): Promise<Seen[]> {
    const response = await host.get('/notifications', { token: user.token, query: { limit: 100, ...query } });
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    return response.body.items.map(
      (item: {
        id: string;
        kind: string;
        actor: { id: string } | null;
        subjectType: string;
        subjectId: string;
        postId: string;
        photoId: string;
        read: boolean;
      }) => ({
        id: item.id,
        kind: item.kind,
        actorId: item.actor?.id ?? null,
        subjectType: item.subjectType,
        subjectId: item.subjectId,
        postId: item.postId,
        photoId: item.photoId,
        read: item.read,
      }),
    );
  }

  async function unreadCount(user: TestUser): Promise<number> {
    const response = await host.get('/notifications/unread-count', { token: user.token });
    expect(response.status).toBe(200);
    return response.body.count;
  }

  async function markRead(user: TestUser, body: object): Promise<number> {
    const response = await host.post('/notifications/read', { token: user.token, body });
    expect(response.status).toBe(200);
    return response.body.updated;
  }

  async function comment(
    user: TestUser,
    itemId: string,
    body: string,
    parentId?: string,
    items: 'posts' | 'photos' = 'posts',
  ): Promise<string> {
    const response = await host.post(`/${items}/${itemId}/comments`, {
      token: user.token,
      body: { body, parentId },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function like(user: TestUser, itemId: string, items: 'posts' | 'photos' = 'posts'): Promise<void> {
    expect((await host.put(`/${items}/${itemId}/like`, { token: user.token })).status).toBe(200);
  }

  /** A photo in a new public album of the owner. */
  async function newPhoto(owner: TestUser): Promise<string> {
    const album = await host.post('/albums', {
      token: owner.token,
      body: { title: 'Trip', privacy: 'public' },
    });
    expect(album.status).toBe(201);
    const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#33aa55' } })
      .png()
      .toBuffer();
    const uploaded = await request(host.app.getHttpServer())
      .post(`/albums/${album.body.id}/photos`)
      .set('Authorization', `Bearer ${owner.token}`)
      .attach('file', image, { filename: 'photo.png', contentType: 'image/png' });
    expect(uploaded.status).toBe(201);
    return uploaded.body.id;
  }

  /** Gives `author` one like notification from each of `count` new users, one second apart; returns them oldest first. */
  async function receiveLikes(
    author: TestUser,
    count: number,
  ): Promise<{ postId: string; likers: TestUser[] }> {
    const postId = await factory.newMood(author, 'public');
    const likers: TestUser[] = [];
    for (let i = 0; i < count; i++) {
      const liker = await factory.newUser(`liker${i}`);
      host.clock.advance(1000);
      await like(liker, postId);
      likers.push(liker);
    }
    return { postId, likers };
  }

  describe('what creates a notification', () => {
    it('tells the recipient about a friend request, and the sender when it is accepted', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob, 'hello');

      expect(await seen(bob)).toEqual([
        {
          id: expect.any(String),
          kind: 'friend_request_received',
          actorId: alice.id,
          subjectType: 'friend_request',
          subjectId: requestId,
          postId: null,
          photoId: null,
          read: false,
        },
      ]);
      expect(await seen(alice)).toEqual([]);
      const listed = await host.get('/notifications', { token: bob.token });
      expect(listed.body.items[0].actor).toEqual(
        expect.objectContaining({ id: alice.id, username: alice.username }),
      );

      host.clock.advance(1000);
      expect((await host.post(`/friend-requests/${requestId}/accept`, { token: bob.token })).status).toBe(
        200,
      );
      expect(await seen(alice)).toEqual([
        {
          id: expect.any(String),
          kind: 'friend_request_accepted',
          actorId: bob.id,
          subjectType: 'friend_request',
          subjectId: requestId,
          postId: null,
          photoId: null,
          read: false,
        },
      ]);
      // Accepting tells bob nothing new.
      expect((await seen(bob)).map((item) => item.kind)).toEqual(['friend_request_received']);
    });

    it('does not tell the sender about a declined request', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob);
      expect((await host.post(`/friend-requests/${requestId}/decline`, { token: bob.token })).status).toBe(
        200,
      );
      expect(await seen(alice)).toEqual([]);
      expect(await unreadCount(alice)).toBe(0);
    });

    it('tells the author about a comment on their post', async () => {
      const author = await factory.newUser('author');
      const visitor = await factory.newUser('visitor');
      const postId = await factory.newMood(author, 'public');
      const commentId = await comment(visitor, postId, 'nice');

      expect(await seen(author)).toEqual([
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: visitor.id,
          subjectType: 'comment',
          subjectId: commentId,
          postId,
          photoId: null,
          read: false,
        },
      ]);
      expect(await seen(visitor)).toEqual([]);
    });

    it("tells a comment's author about a reply, and the post's author about the new comment", async () => {
      const author = await factory.newUser('author');
      const commenter = await factory.newUser('commenter');
      const replier = await factory.newUser('replier');
      const postId = await factory.newMood(author, 'public');
      const commentId = await comment(commenter, postId, 'first!');
      host.clock.advance(1000);
      const replyId = await comment(replier, postId, 'second', commentId);

      expect(await seen(commenter)).toEqual([
        {
          id: expect.any(String),
          kind: 'reply',
          actorId: replier.id,
          subjectType: 'comment',
          subjectId: replyId,
          postId,
          photoId: null,
          read: false,
        },
      ]);
      expect(await seen(author)).toEqual([
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: replier.id,
          subjectType: 'comment',
          subjectId: replyId,
          postId,
          photoId: null,
          read: false,
        },
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: commenter.id,
          subjectType: 'comment',
          subjectId: commentId,
          postId,
          photoId: null,
          read: false,
        },
      ]);
      expect(await seen(replier)).toEqual([]);
    });

    it("tells the post's author once, not twice, about a reply to their own comment", async () => {
      const author = await factory.newUser('author');
      const replier = await factory.newUser('replier');
      const postId = await factory.newMood(author, 'public');
      const ownComment = await comment(author, postId, 'my own words');
      const replyId = await comment(replier, postId, 'answer', ownComment);

      expect(await seen(author)).toEqual([
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: replier.id,
          subjectType: 'comment',
          subjectId: replyId,
          postId,
          photoId: null,
          read: false,
        },
      ]);
    });

    it("tells a commenter about the post author's reply, and the author nothing", async () => {
      const author = await factory.newUser('author');
      const commenter = await factory.newUser('commenter');
      const postId = await factory.newMood(author, 'public');
      const commentId = await comment(commenter, postId, 'question?');
      await markRead(author, {});
      const replyId = await comment(author, postId, 'answer.', commentId);

      expect(await seen(commenter)).toEqual([
        {
          id: expect.any(String),
          kind: 'reply',
          actorId: author.id,
          subjectType: 'comment',
          subjectId: replyId,
          postId,
          photoId: null,
          read: false,
        },
      ]);
      expect(await unreadCount(author)).toBe(0);
    });

    it('tells the author about a like only the first time it is given', async () => {
      const author = await factory.newUser('author');
      const fan = await factory.newUser('fan');
      const postId = await factory.newMood(author, 'public');
      await like(fan, postId);
      await like(fan, postId);

      expect(await seen(author)).toEqual([
        {
          id: expect.any(String),
          kind: 'like',
          actorId: fan.id,
          subjectType: 'post',
          subjectId: postId,
          postId,
          photoId: null,
          read: false,
        },
      ]);
    });

    it('links comments, replies and likes on a photo to the photo', async () => {
      const owner = await factory.newUser('owner');
      const commenter = await factory.newUser('commenter');
      const replier = await factory.newUser('replier');
      const photoId = await newPhoto(owner);
      await like(commenter, photoId, 'photos');
      host.clock.advance(1000);
      const commentId = await comment(commenter, photoId, 'lovely light', undefined, 'photos');
      host.clock.advance(1000);
      const replyId = await comment(replier, photoId, 'agreed', commentId, 'photos');

      const about = { postId: null, photoId, read: false };
      expect(await seen(owner)).toEqual([
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: replier.id,
          subjectType: 'comment',
          subjectId: replyId,
          ...about,
        },
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: commenter.id,
          subjectType: 'comment',
          subjectId: commentId,
          ...about,
        },
        {
          id: expect.any(String),
          kind: 'like',
          actorId: commenter.id,
          subjectType: 'photo',
          subjectId: photoId,
          ...about,
        },
      ]);
      expect(await seen(commenter)).toEqual([
        {
          id: expect.any(String),
          kind: 'reply',
          actorId: replier.id,
          subjectType: 'comment',
          subjectId: replyId,
          ...about,
        },
      ]);
    });

    it('names a message on my board as the subject of its notification', async () => {
      const owner = await factory.newUser('owner');
      const friend = await factory.newUser('friend');
      await factory.befriend(owner, friend);
      await markRead(friend, {});
      const message = await host.post(`/spaces/${owner.id}/messages`, {
        token: friend.token,
        body: { body: 'hello!' },
      });
      expect(message.status).toBe(201);
      expect((await seen(owner)).find((item) => item.kind === 'board_message')).toEqual({
        id: expect.any(String),
        kind: 'board_message',
        actorId: friend.id,
        subjectType: 'board_message',
        subjectId: message.body.id,
        postId: null,
        photoId: null,
        read: false,
      });
    });

    it('tells nobody when I comment on, reply on or like my own post', async () => {
      const author = await factory.newUser('author');
      const postId = await factory.newMood(author, 'public');
      const before = await snapshot();
      const commentId = await comment(author, postId, 'talking to myself');
      await comment(author, postId, 'still me', commentId);
      await like(author, postId);
      expect(await seen(author)).toEqual([]);
      expect(await unreadCount(author)).toBe(0);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('listing', () => {
    it('lists newest first, a page at a time, until nextCursor is null', async () => {
      const author = await factory.newUser('author');
      const { postId, likers } = await receiveLikes(author, 5);
      const newestFirst = [...likers].reverse().map((liker) => liker.id);

      const everything = await seen(author);
      expect(everything.map((item) => item.actorId)).toEqual(newestFirst);
      expect(everything.every((item) => item.kind === 'like' && item.postId === postId)).toBe(true);

      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get('/notifications', { token: author.token, query: { limit: 2, cursor } });
        expect(page.status).toBe(200);
        pages.push(page.body.items.map((item: { actor: { id: string } }) => item.actor.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(newestFirst);
    });

    it('gives a full page and no cursor when everything fits', async () => {
      const author = await factory.newUser('author');
      await receiveLikes(author, 3);
      const page = await host.get('/notifications', { token: author.token, query: { limit: 3 } });
      expect(page.body.items).toHaveLength(3);
      expect(page.body.nextCursor).toBeNull();
      const byDefault = await host.get('/notifications', { token: author.token });
      expect(byDefault.body.items).toHaveLength(3);
      expect(byDefault.body.nextCursor).toBeNull();
    });

    it("shows only my own notifications, never someone else's", async () => {
      const author = await factory.newUser('author');
      const other = await factory.newUser('other');
      await receiveLikes(author, 2);
      expect(await seen(other)).toEqual([]);
      expect(await unreadCount(other)).toBe(0);
    });

    it('filters to unread ones with unread=true, also across pages', async () => {
      const author = await factory.newUser('author');
      const { likers } = await receiveLikes(author, 5);
      const all = await seen(author);
      // Read the newest and the middle one; the other three stay unread.
      expect(await markRead(author, { ids: [all[0].id, all[2].id] })).toBe(2);

      const unread = await seen(author, { unread: 'true' });
      expect(unread.map((item) => item.actorId)).toEqual([likers[3].id, likers[1].id, likers[0].id]);
      expect(unread.every((item) => !item.read)).toBe(true);
      expect((await seen(author, { unread: 'false' })).map((item) => item.read)).toEqual([
        true,
        false,
        true,
        false,
        false,
      ]);

      const first = await host.get('/notifications', {
        token: author.token,
        query: { unread: 'true', limit: 2 },
      });
      expect(first.body.items.map((item: { actor: { id: string } }) => item.actor.id)).toEqual([
        likers[3].id,
        likers[1].id,
      ]);
      const second = await host.get('/notifications', {
        token: author.token,
        query: { unread: 'true', limit: 2, cursor: first.body.nextCursor },
      });
      expect(second.body.items.map((item: { actor: { id: string } }) => item.actor.id)).toEqual([
        likers[0].id,
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('counts unread notifications', async () => {
      const author = await factory.newUser('author');
      expect(await unreadCount(author)).toBe(0);
      await receiveLikes(author, 3);
      expect(await unreadCount(author)).toBe(3);
      const [newest] = await seen(author);
      await markRead(author, { ids: [newest.id] });
      expect(await unreadCount(author)).toBe(2);
    });
  });

  describe('marking read', () => {
    it('marks the chosen notifications read, and only those', async () => {
      const author = await factory.newUser('author');
      await receiveLikes(author, 3);
      const [newest, middle, oldest] = await seen(author);

      expect(await markRead(author, { ids: [middle.id] })).toBe(1);
      expect((await seen(author)).map((item) => [item.id, item.read])).toEqual([
        [newest.id, false],
        [middle.id, true],
        [oldest.id, false],
      ]);
      // Marking again changes nothing; an id in capitals is the same id.
      expect(await markRead(author, { ids: [middle.id] })).toBe(0);
      expect(await markRead(author, { ids: [oldest.id.toUpperCase()] })).toBe(1);
      expect(await unreadCount(author)).toBe(1);
    });

    it("ignores someone else's notification ids, and ids that name nothing", async () => {
      const author = await factory.newUser('author');
      const nosy = await factory.newUser('nosy');
      await receiveLikes(author, 2);
      await receiveLikes(nosy, 1);
      const [theirs] = await seen(author);
      const [mine] = await seen(nosy);

      const before = await snapshot();
      expect(await markRead(nosy, { ids: [theirs.id, randomUUID()] })).toBe(0);
      expect(await snapshot()).toEqual(before);
      expect((await seen(author)).every((item) => !item.read)).toBe(true);
      expect(await unreadCount(author)).toBe(2);

      // Mixed with one of my own, only mine is marked.
      expect(await markRead(nosy, { ids: [theirs.id, mine.id] })).toBe(1);
      expect(await unreadCount(author)).toBe(2);
      expect(await unreadCount(nosy)).toBe(0);
    });

    it('marks nothing for an empty list of ids', async () => {
      const author = await factory.newUser('author');
      await receiveLikes(author, 2);
      const before = await snapshot();
      expect(await markRead(author, { ids: [] })).toBe(0);
      expect(await snapshot()).toEqual(before);
      expect(await unreadCount(author)).toBe(2);
    });

    it("marks all of my notifications read with an empty body, and nobody else's", async () => {
      const author = await factory.newUser('author');
      const other = await factory.newUser('other');
      await receiveLikes(author, 3);
      await receiveLikes(other, 2);
      const [first] = await seen(author);
      await markRead(author, { ids: [first.id] });

      expect(await markRead(author, {})).toBe(2);
      expect(await unreadCount(author)).toBe(0);
      expect((await seen(author)).every((item) => item.read)).toBe(true);
      expect(await seen(author, { unread: 'true' })).toEqual([]);
      expect(await unreadCount(other)).toBe(2);
      expect(await markRead(author, {})).toBe(0);
    });
  });

  describe('bad input', () => {
    it.each([
      ['limit 0', { limit: 0 }, 'validation_failed'],
      ['limit 101', { limit: LIMITS.pageSizeMax + 1 }, 'validation_failed'],
      ['a non-numeric limit', { limit: 'abc' }, 'validation_failed'],
      ['a fractional limit', { limit: 2.5 }, 'validation_failed'],
      ['a garbage cursor', { cursor: 'garbage' }, 'invalid_cursor'],
      [
        'a cursor that decodes to the wrong shape',
        { cursor: Buffer.from('["x","y"]').toString('base64url') },
        'invalid_cursor',
      ],
      ['an oversized cursor', { cursor: 'c'.repeat(201) }, 'validation_failed'],
      ['an unread filter that is not true or false', { unread: 'yes' }, 'validation_failed'],
      ['an unknown parameter', { kind: 'like' }, 'validation_failed'],
    ])('refuses to list with %s', async (_case, query, code) => {
      const author = await factory.newUser('author');
      await receiveLikes(author, 1);
      expectProblem(await host.get('/notifications', { token: author.token, query }), 400, code);
    });

    it.each([
      ['ids that are not ids', { ids: ['abc'] }],
      ['one bad id among good ones', { ids: [randomUUID(), 'abc'] }],
      ['ids that are numbers', { ids: [1, 2] }],
      ['ids that are a string', { ids: 'abc' }],
      ['ids that are one id, not a list', { ids: randomUUID() }],
      ['more ids than a page', { ids: Array.from({ length: LIMITS.pageSizeMax + 1 }, () => randomUUID()) }],
      ['ids that are null', { ids: null }],
      ['an unknown field', { all: true }],
      ['an unknown field beside ids', { ids: [], read: true }],
    ])('refuses to mark read with %s, changing nothing', async (_case, body) => {
      const author = await factory.newUser('author');
      await receiveLikes(author, 2);
      const before = await snapshot();
      expectProblem(
        await host.post('/notifications/read', { token: author.token, body }),
        400,
        'validation_failed',
      );
      expect(await snapshot()).toEqual(before);
      expect(await unreadCount(author)).toBe(2);
    });

    it('requires signing in', async () => {
      const author = await factory.newUser('author');
      await receiveLikes(author, 1);
      const before = await snapshot();
      expectProblem(await host.get('/notifications'), 401, 'unauthenticated');
      expectProblem(await host.get('/notifications/unread-count'), 401, 'unauthenticated');
      expectProblem(await host.post('/notifications/read', { body: {} }), 401, 'unauthenticated');
      expectProblem(await host.get('/notifications/stream'), 401, 'unauthenticated');
      expectProblem(
        await host.get('/notifications/stream', { token: 'not-a-session' }),
        401,
        'unauthenticated',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses to open a stream with query parameters', async () => {
      const user = await factory.newUser('user');
      expectProblem(
        await host.get('/notifications/stream', { token: user.token, query: { unread: 'true' } }),
        400,
        'validation_failed',
      );
    });
  });

  describe('the live stream', () => {
    let baseUrl: string;
    const open: AbortController[] = [];

    beforeAll(async () => {
      baseUrl = await host.listen();
    });
    afterEach(() => {
      for (const controller of open.splice(0)) controller.abort();
    });

    /** Opens a stream with the session token, as a browser's EventSource would (the cookie works too). */
    async function connect(token: string): Promise<{ reader: EventStreamReader; close: () => void }> {
      const controller = new AbortController();
      open.push(controller);
      const response = await fetch(`${baseUrl}/notifications/stream`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toMatch(/no-cache/);
      return { reader: new EventStreamReader(response.body!.getReader()), close: () => controller.abort() };
    }

    const listeners = (user: TestUser) => host.app.get(UnreadSignal).listenerCount(user.id);

    async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    it('is documented as text/event-stream', () => {
      const validator = new SpecValidator(HOST_SPEC_PATH);
      expect(
        validator.check(
          'GET',
          '/notifications/stream',
          200,
          'text/event-stream; charset=utf-8',
          'event: unread',
        ),
      ).toEqual([]);
    });

    it('sends the unread count on connecting, on each new notification, and when I read them', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const carol = await factory.newUser('carol');
      const { reader, close } = await connect(bob.token);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 0 } });

      // Sent only after the request is committed: a count read before would still be 0.
      await factory.requestFriend(alice, bob);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 1 } });
      await factory.requestFriend(carol, bob);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 2 } });

      // Someone else's notifications change nothing for me.
      await factory.requestFriend(alice, carol);
      const [newest] = await seen(bob);
      expect(await markRead(bob, { ids: [newest.id] })).toBe(1);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 1 } });
      expect(await markRead(bob, {})).toBe(1);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 0 } });

      expect(listeners(bob)).toBe(1);
      close();
      await eventually(() => listeners(bob) === 0);
    });

    it('reaches every open stream of the user, and a stream opened later starts from the current count', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      await factory.requestFriend(alice, bob);
      const first = await connect(bob.token);
      const second = await connect(bob.token);
      expect(await first.reader.nextEvent()).toEqual({ event: 'unread', data: { count: 1 } });
      expect(await second.reader.nextEvent()).toEqual({ event: 'unread', data: { count: 1 } });
      expect(listeners(bob)).toBe(2);

      const postId = await factory.newMood(bob, 'public');
      await like(alice, postId);
      expect(await first.reader.nextEvent()).toEqual({ event: 'unread', data: { count: 2 } });
      expect(await second.reader.nextEvent()).toEqual({ event: 'unread', data: { count: 2 } });

      first.close();
      await eventually(() => listeners(bob) === 1);
      second.close();
      await eventually(() => listeners(bob) === 0);
    });

    it('sends heartbeats, and ends at the next one once its session is signed out', async () => {
      const bob = await factory.newUser('bob');
      const { reader } = await connect(bob.token);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 0 } });
      expect(await reader.next(HEARTBEAT_MS * 5)).toEqual({ comment: 'heartbeat' });

      expect((await host.delete('/sessions/current', { token: bob.token })).status).toBe(204);
      await reader.untilEnd(HEARTBEAT_MS * 5);
      await eventually(() => listeners(bob) === 0);
    });

    it("ends my other sessions' streams when I change my password, and keeps this one's", async () => {
      const bob = await factory.newUser('bob');
      const other = await host.post('/sessions', {
        body: { username: bob.username, password: factory.password },
      });
      expect(other.status).toBe(201);
      const here = await connect(bob.token);
      const there = await connect(other.body.token);
      expect(await here.reader.nextEvent()).toEqual({ event: 'unread', data: { count: 0 } });
      expect(await there.reader.nextEvent()).toEqual({ event: 'unread', data: { count: 0 } });

      const changed = await host.put('/account/password', {
        token: bob.token,
        body: { currentPassword: factory.password, newPassword: 'a brand new password' },
      });
      expect(changed.status).toBe(204);
      await there.reader.untilEnd(HEARTBEAT_MS * 5);
      // Two heartbeats later this session's stream is still open.
      expect(await here.reader.next(HEARTBEAT_MS * 5)).toEqual({ comment: 'heartbeat' });
      expect(await here.reader.next(HEARTBEAT_MS * 5)).toEqual({ comment: 'heartbeat' });
      here.close();
      await eventually(() => listeners(bob) === 0);
    });
  });
});
