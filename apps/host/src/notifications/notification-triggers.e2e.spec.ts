import { factory, host } from '../testing/file-host';
import {
  comment,
  like,
  markRead,
  newPhoto,
  seen,
  snapshot,
  unread,
  unreadCount,
  useNotificationsHost,
} from './notifications.e2e-setup';

describe('notifications (e2e)', () => {
  useNotificationsHost();

  describe('what creates a notification', () => {
    it('tells the recipient about a friend request, and the sender when it is accepted', async () => {
      const alice = await factory.newUser('alice');
      const bob = await factory.newUser('bob');
      const requestId = await factory.requestFriend(alice, bob, 'hello');

      expect(await seen(bob)).toEqual([
        unread({
          kind: 'friend_request_received',
          actor: alice,
          subjectType: 'friend_request',
          subjectId: requestId,
        }),
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
        unread({
          kind: 'friend_request_accepted',
          actor: bob,
          subjectType: 'friend_request',
          subjectId: requestId,
        }),
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
        unread({ kind: 'comment', actor: visitor, subjectType: 'comment', subjectId: commentId, postId }),
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
        unread({ kind: 'reply', actor: replier, subjectType: 'comment', subjectId: replyId, postId }),
      ]);
      expect(await seen(author)).toEqual([
        unread({ kind: 'comment', actor: replier, subjectType: 'comment', subjectId: replyId, postId }),
        unread({ kind: 'comment', actor: commenter, subjectType: 'comment', subjectId: commentId, postId }),
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
        unread({ kind: 'comment', actor: replier, subjectType: 'comment', subjectId: replyId, postId }),
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
        unread({ kind: 'reply', actor: author, subjectType: 'comment', subjectId: replyId, postId }),
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
        unread({ kind: 'like', actor: fan, subjectType: 'post', subjectId: postId, postId }),
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

      expect(await seen(owner)).toEqual([
        unread({ kind: 'comment', actor: replier, subjectType: 'comment', subjectId: replyId, photoId }),
        unread({ kind: 'comment', actor: commenter, subjectType: 'comment', subjectId: commentId, photoId }),
        unread({ kind: 'like', actor: commenter, subjectType: 'photo', subjectId: photoId, photoId }),
      ]);
      expect(await seen(commenter)).toEqual([
        unread({ kind: 'reply', actor: replier, subjectType: 'comment', subjectId: replyId, photoId }),
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
      expect((await seen(owner)).find((item) => item.kind === 'board_message')).toEqual(
        unread({
          kind: 'board_message',
          actor: friend,
          subjectType: 'board_message',
          subjectId: message.body.id,
        }),
      );
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
});
