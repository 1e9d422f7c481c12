import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { EventStreamReader } from '../testing/event-stream-reader';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { HOST_SPEC_PATH, SpecValidator } from '../testing/spec-validator';
import {
  HEARTBEAT_MS,
  like,
  markRead,
  receiveLikes,
  seen,
  snapshot,
  unreadCount,
  useNotificationsHost,
} from './notifications.e2e-setup';
import { UnreadSignal } from './unread-signal';

describe('notifications (e2e)', () => {
  useNotificationsHost();

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
