import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { TestFactory, type TestUser } from '../testing/factory';
import { expectProblem } from '../testing/expect-problem';
import { TestHost } from '../testing/test-host';

interface Seen {
  id: string;
  kind: string;
  actorId: string | null;
  subjectId: string | null;
  postId: string | null;
  read: boolean;
}

describe('notifications (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;

  beforeAll(async () => {
    host = await TestHost.start();
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
        subjectId: string;
        postId: string;
        read: boolean;
      }) => ({
        id: item.id,
        kind: item.kind,
        actorId: item.actor?.id ?? null,
        subjectId: item.subjectId,
        postId: item.postId,
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

  async function comment(user: TestUser, postId: string, body: string, parentId?: string): Promise<string> {
    const response = await host.post(`/posts/${postId}/comments`, {
      token: user.token,
      body: { body, parentId },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function like(user: TestUser, postId: string): Promise<void> {
    expect((await host.put(`/posts/${postId}/like`, { token: user.token })).status).toBe(200);
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
          subjectId: requestId,
          postId: null,
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
          subjectId: requestId,
          postId: null,
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
          subjectId: commentId,
          postId,
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
          subjectId: replyId,
          postId,
          read: false,
        },
      ]);
      expect(await seen(author)).toEqual([
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: replier.id,
          subjectId: replyId,
          postId,
          read: false,
        },
        {
          id: expect.any(String),
          kind: 'comment',
          actorId: commenter.id,
          subjectId: commentId,
          postId,
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
          subjectId: replyId,
          postId,
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
          subjectId: replyId,
          postId,
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
        { id: expect.any(String), kind: 'like', actorId: fan.id, subjectId: null, postId, read: false },
      ]);
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
      expect(await snapshot()).toEqual(before);
    });
  });
});
