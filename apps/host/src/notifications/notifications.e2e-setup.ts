import sharp from 'sharp';
import request from 'supertest';
import type { TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/* What the notifications e2e specs share: a host with quick heartbeats, and helpers to act and to look. */

/** Heartbeats of this file's host: short, so a stream notices an ended session within a test. */
export const HEARTBEAT_MS = 300;

/** Starts the file's host, its notification streams beating every HEARTBEAT_MS. */
export function useNotificationsHost(): void {
  useFileHost({ notificationHeartbeatMs: HEARTBEAT_MS });
}

export interface Seen {
  id: string;
  kind: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string | null;
  postId: string | null;
  photoId: string | null;
  read: boolean;
}

/** An unread notification as `seen` lists it: of `kind`, from `actor`, about a subject on a post or photo. */
export const unread = (expected: {
  kind: string;
  actor: TestUser;
  subjectType: string;
  subjectId: string;
  postId?: string;
  photoId?: string;
}): Seen => ({
  id: expect.any(String),
  kind: expected.kind,
  actorId: expected.actor.id,
  subjectType: expected.subjectType,
  subjectId: expected.subjectId,
  postId: expected.postId ?? null,
  photoId: expected.photoId ?? null,
  read: false,
});

/** Every notification with its read state, to assert that a refused request changed nothing. */
export const snapshot = () =>
  host.sql('select id, recipient_id, kind, read_at from notification order by id');

/** What the user sees in their notification list (all of it, newest first). */
export async function seen(user: TestUser, query: Record<string, string | number> = {}): Promise<Seen[]> {
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

export async function unreadCount(user: TestUser): Promise<number> {
  const response = await host.get('/notifications/unread-count', { token: user.token });
  expect(response.status).toBe(200);
  return response.body.count;
}

export async function markRead(user: TestUser, body: object): Promise<number> {
  const response = await host.post('/notifications/read', { token: user.token, body });
  expect(response.status).toBe(200);
  return response.body.updated;
}

export async function comment(
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

export async function like(
  user: TestUser,
  itemId: string,
  items: 'posts' | 'photos' = 'posts',
): Promise<void> {
  expect((await host.put(`/${items}/${itemId}/like`, { token: user.token })).status).toBe(200);
}

/** A photo in a new public album of the owner. */
export async function newPhoto(owner: TestUser): Promise<string> {
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
export async function receiveLikes(
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
