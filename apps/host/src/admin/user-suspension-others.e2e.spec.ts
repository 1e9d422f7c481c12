import sharp from 'sharp';
import request from 'supertest';
import { EventStreamReader } from '../testing/event-stream-reader';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { app, kit, setSuspended, useSuspensionHost } from './user-suspension.e2e-setup';

/** What a suspension does to a user everywhere else: apps and tokens, the OAuth pages, their content. */
describe('a suspended user (e2e)', () => {
  useSuspensionHost();

  describe('what they did to others', () => {
    let bad: TestUser;
    let friend: TestUser;
    let stranger: TestUser;
    let asker: TestUser;
    let third: TestUser;
    let badOpenid: string;
    let friendToken: string;
    let friendMood: string;
    let friendPhoto: string;
    let groupId: string;
    let giftToBad: string;
    let giftFromBad: string;
    let requestFromBad: string;
    let requestToBad: string;

    const created = async (pending: Promise<{ status: number; body: { id?: string } }>) => {
      const response = await pending;
      if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.id!;
    };
    const ok = async (pending: Promise<{ status: number; body: unknown }>) => {
      const response = await pending;
      if (response.status >= 300) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    };

    beforeAll(async () => {
      const pair = await kit.friendsUsingApp(app);
      ({ sender: bad, recipient: friend, senderOpenid: badOpenid, recipientToken: friendToken } = pair);
      stranger = await factory.newUser('stranger');
      asker = await factory.newUser('asker');
      third = await factory.newUser('third');
      friendMood = await factory.newMood(friend, 'public', undefined, 'sunny today');
      const album = await created(
        host.post('/albums', { token: friend.token, body: { title: 'Sea', privacy: 'public' } }),
      );
      const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#35a' } })
        .png()
        .toBuffer();
      friendPhoto = await created(
        request(host.app.getHttpServer())
          .post(`/albums/${album}/photos`)
          .set('Authorization', `Bearer ${friend.token}`)
          .attach('file', image, { filename: 'sea.png', contentType: 'image/png' }),
      );
      // Everything bad does to others, and a third user doing some of it too, so counts stay above 0.
      for (const visitor of [bad, third]) {
        host.clock.advance(1000);
        await ok(host.get(`/spaces/${friend.id}`, { token: visitor.token }));
        await ok(host.put(`/posts/${friendMood}/like`, { token: visitor.token }));
        await ok(host.put(`/photos/${friendPhoto}/like`, { token: visitor.token }));
      }
      await created(host.post(`/posts/${friendMood}/comments`, { token: bad.token, body: { body: 'wow' } }));
      await created(host.post(`/spaces/${friend.id}/messages`, { token: bad.token, body: { body: 'hi!' } }));
      giftFromBad = await created(
        host.post('/open/v1/gifts', {
          token: pair.senderToken,
          body: { to: pair.recipientOpenid, name: 'Rose' },
        }),
      );
      giftToBad = await created(
        host.post('/open/v1/gifts', { token: friendToken, body: { to: badOpenid, name: 'Tulip' } }),
      );
      requestFromBad = await factory.requestFriend(bad, stranger, 'hello');
      requestToBad = await factory.requestFriend(asker, bad);
      groupId = await factory.newGroup(friend, 'close', [bad]);
    });

    /** Every trace of bad that the others find in what is theirs. */
    const traces = async () => {
      const notifications = await host.get('/notifications', { token: friend.token, query: { limit: 100 } });
      const visitors = await host.get(`/spaces/${friend.id}/visitors`, { token: friend.token });
      // Seen by an anonymous visitor, whose visit is not logged.
      const space = await host.get(`/spaces/${friend.id}`);
      const mood = await host.get(`/posts/${friendMood}`);
      const photo = await host.get(`/photos/${friendPhoto}`);
      const groups = await host.get('/friend-groups', { token: friend.token });
      const sentGifts = await host.get('/open/v1/gifts', { token: friendToken, query: { box: 'sent' } });
      const incoming = await host.get('/friend-requests', { token: stranger.token });
      const outgoing = await host.get('/friend-requests', {
        token: asker.token,
        query: { direction: 'outgoing' },
      });
      const strangerNotices = await host.get('/notifications', { token: stranger.token });
      type Notice = { kind: string; actor: { id: string } | null; read: boolean };
      return {
        notifications: (notifications.body.items as Notice[])
          .filter((item) => item.actor?.id === bad.id)
          .map((item) => item.kind)
          .sort(),
        unread: (await host.get('/notifications/unread-count', { token: friend.token })).body.count,
        strangerNotices: (strangerNotices.body.items as Notice[]).map((item) => item.kind),
        visitors: (visitors.body.items as { visitor: { id: string } }[]).map((item) => item.visitor.id),
        visitorCount: [space.body.visitorCount, space.body.visitorsToday],
        likeCounts: [mood.body.likeCount, photo.body.likeCount],
        groupMembers: (groups.body.items as { id: string; members: { id: string }[] }[])
          .find((group) => group.id === groupId)!
          .members.map((member) => member.id),
        sentGifts: (sentGifts.body.items as { id: string }[]).map((gift) => gift.id),
        incoming: (incoming.body.items as { id: string }[]).map((item) => item.id),
        outgoing: (outgoing.body.items as { id: string }[]).map((item) => item.id),
      };
    };

    it('hides them from what others are shown while it lasts, and brings it all back', async () => {
      const before = await traces();
      // Each trace is there to begin with, so each one below is a real one going away.
      expect(before).toEqual({
        notifications: [
          'board_message',
          'comment',
          'friend_request_received',
          'gift_received',
          'like',
          'like',
        ],
        unread: 8,
        strangerNotices: ['friend_request_received'],
        visitors: [third.id, bad.id],
        visitorCount: [2, 2],
        likeCounts: [2, 2],
        groupMembers: [bad.id],
        sentGifts: [giftToBad],
        incoming: [requestFromBad],
        outgoing: [requestToBad],
      });

      await setSuspended(bad, true);
      expect(await traces()).toEqual({
        notifications: [],
        unread: 2,
        strangerNotices: [],
        visitors: [third.id],
        visitorCount: [1, 1],
        likeCounts: [1, 1],
        groupMembers: [],
        sentGifts: [],
        incoming: [],
        outgoing: [],
      });
      // A like, taken back and given again meanwhile, counts only what others see.
      expect((await host.delete(`/posts/${friendMood}/like`, { token: third.token })).body.likeCount).toBe(0);
      expect((await host.put(`/posts/${friendMood}/like`, { token: third.token })).body.likeCount).toBe(1);
      // Marking all read marks the third user's three (the like again is news); bad's six stay unread.
      expect((await host.post('/notifications/read', { token: friend.token, body: {} })).body.updated).toBe(
        3,
      );

      await setSuspended(bad, false);
      expect(await traces()).toEqual({ ...before, unread: 6 });
    });

    it("tells the others' open notification streams of their new unread count at once, both ways", async () => {
      const baseUrl = await host.listen();
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/notifications/stream`, {
        headers: { Authorization: `Bearer ${friend.token}`, Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const stream = new EventStreamReader(response.body!.getReader());
      try {
        const { count } = (await host.get('/notifications/unread-count', { token: friend.token })).body;
        const unread = await host.get('/notifications', {
          token: friend.token,
          query: { unread: 'true', limit: 100 },
        });
        const fromBad = (unread.body.items as { actor: { id: string } | null }[]).filter(
          (item) => item.actor?.id === bad.id,
        ).length;
        expect(fromBad).toBeGreaterThan(0);
        expect(await stream.nextEvent()).toEqual({ event: 'unread', data: { count } });

        await setSuspended(bad, true);
        expect(await stream.nextEvent()).toEqual({ event: 'unread', data: { count: count - fromBad } });
        await setSuspended(bad, false);
        expect(await stream.nextEvent()).toEqual({ event: 'unread', data: { count } });
      } finally {
        controller.abort();
      }
    });

    it('lets nobody reach their requests, gifts or membership by id meanwhile, and changes nothing', async () => {
      await setSuspended(bad, true);
      for (const [user, action] of [
        [stranger, 'accept'],
        [stranger, 'decline'],
        [asker, 'cancel'],
      ] as const) {
        const id = action === 'cancel' ? requestToBad : requestFromBad;
        expectProblem(
          await host.post(`/friend-requests/${id}/${action}`, { token: user.token }),
          404,
          'not_found',
        );
      }
      expectProblem(
        await host.post(`/open/v1/gifts/${giftFromBad}/thanks`, {
          token: friendToken,
          body: { message: 'Thank you' },
        }),
        404,
        'not_found',
      );
      const other = await factory.newGroup(friend, 'other');
      expectProblem(
        await host.put(`/friend-groups/${other}/members/${bad.id}`, { token: friend.token }),
        409,
        'not_friends',
      );

      await setSuspended(bad, false);
      const received = await host.get('/friend-requests', { token: stranger.token });
      expect(received.body.items).toMatchObject([{ id: requestFromBad, status: 'pending' }]);
      const groups = await host.get('/friend-groups', { token: friend.token });
      expect(groups.body.items.find((group: { id: string }) => group.id === other).members).toEqual([]);
      const thanked = await host.post(`/open/v1/gifts/${giftFromBad}/thanks`, {
        token: friendToken,
        body: { message: 'Thank you' },
      });
      expect(thanked.status).toBe(201);
      expect(
        (await host.post(`/friend-requests/${requestToBad}/cancel`, { token: asker.token })).status,
      ).toBe(200);
    });
  });
});
