import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { DatabaseService } from '../database/database.module';
import { OpenApiKit } from '../open-api/open-api.testing';
import { TestFactory, type TestApp, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import { EventDispatcher } from './event-dispatcher.service';
import type { AppEvent, DeliveredEventType, EventType } from './event-types';
import { EventsService } from './events.service';

/* What the webhooks e2e specs share: a receiver an app's backend would run, and the spec's host with helpers. */

export interface Received {
  eventId: string;
  type: string;
  signature: string;
  body: string;
  event: AppEvent;
}

/**
 * A webhook receiver on 127.0.0.1, as an app's backend would run one: it records every request,
 * applies each event at most once (dedupe by event id), and answers what `respond` says.
 */
export class Receiver {
  readonly received: Received[] = [];
  /** Events the receiver acted on, once each however often they arrive. */
  readonly applied = new Map<string, AppEvent>();
  respond: (event: AppEvent, attempt: number) => number = () => 200;
  /** The body of each answer; by default a word for its status. */
  answerBody: (status: number) => string = (status) => (status < 300 ? 'ok' : 'not now');

  url = '';
  private held: Promise<void> | undefined;
  private readonly server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', async () => {
      await this.held;
      const event = JSON.parse(body) as AppEvent;
      const entry: Received = {
        eventId: String(request.headers['kongjian-event-id']),
        type: String(request.headers['kongjian-event-type']),
        signature: String(request.headers['kongjian-signature']),
        body,
        event,
      };
      this.received.push(entry);
      const attempt = this.received.filter((other) => other.eventId === entry.eventId).length;
      const status = this.respond(event, attempt);
      if (status >= 200 && status < 300 && !this.applied.has(entry.eventId))
        this.applied.set(entry.eventId, event);
      response.writeHead(status, { 'content-type': 'text/plain' }).end(this.answerBody(status));
    });
  });

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    receiver.url = `http://127.0.0.1:${port}/kongjian/webhooks`;
    return receiver;
  }

  /**
   * Keeps the receiver from answering until the returned function is called, so that a delivery the
   * host's own dispatcher starts meanwhile stays in flight.
   */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }

  /** Waits until `count` deliveries of `type` arrived (from a test's dispatcher or the host's own). */
  async waitFor(type: DeliveredEventType, count: number): Promise<Received[]> {
    while (this.of(type).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    return this.of(type);
  }

  of(type: DeliveredEventType): Received[] {
    return this.received.filter((entry) => entry.type === type);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** `t` and `v1` of a Kongjian-Signature header. */
export function parseSignature(header: string): { t: number; v1: string } {
  const fields = new Map(header.split(',').map((part) => part.split('=') as [string, string]));
  return { t: Number(fields.get('t')), v1: fields.get('v1')! };
}

export let factory: TestFactory;
export let kit: OpenApiKit;

/** The spec's own `host` variable, which a test that restarts the host replaces. */
export interface HostVariable {
  get(): TestHost;
  set(host: TestHost): void;
}

/** The running spec's `host` variable: the helpers below act on the host it holds at the time. */
let specHost: HostVariable;
const receivers: Receiver[] = [];

/**
 * Starts the spec's host into `host` before its tests (on disk, so a test can restart it on the same PGlite
 * data; PostgreSQL keeps its own), and closes it and the receivers after.
 */
export function useWebhooksHost(host: HostVariable): void {
  specHost = host;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-webhooks-'));

  beforeAll(async () => {
    host.set(await TestHost.start({ dataDir }));
    factory = new TestFactory(host.get());
    kit = new OpenApiKit(host.get(), factory);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await host.get().close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

export const dispatcher = () => specHost.get().app.get(EventDispatcher);

/** Publishes as a module would, in a transaction of its own: the event's id, null if the app does not list the type. */
export const publishOn = (
  on: TestHost,
  appId: string,
  type: EventType,
  data: Record<string, unknown>,
  userId?: string,
): Promise<string | null> =>
  on.app
    .get(DatabaseService)
    .withContext(() =>
      on.app
        .get(EntityManager)
        .transactional(() => on.app.get(EventsService).publish(appId, type, data, userId)),
    );

export async function newReceiver(): Promise<Receiver> {
  const receiver = await Receiver.start();
  receivers.push(receiver);
  return receiver;
}

/** Points the app's webhook at `url` directly in the registry (the app center's manifest flow is tested there). */
export async function setWebhookUrl(on: TestHost, app: { id: string }, url: string | null): Promise<void> {
  await on.sql('update app set webhook_url = ? where id = ?', [url, app.id]);
}

/** An approved app whose webhook goes to a fresh receiver, and a user who authorized it. */
export async function appWithReceiver(): Promise<{
  app: TestApp;
  receiver: Receiver;
  user: TestUser;
  token: string;
}> {
  const app = await kit.approvedApp();
  const receiver = await newReceiver();
  await setWebhookUrl(specHost.get(), app, receiver.url);
  const user = await factory.newUser('player');
  const token = await kit.token(user, app);
  return { app, receiver, user, token };
}

export async function postStory(token: string, text: string): Promise<string> {
  const created = await specHost.get().post('/open/v1/feed/stories', { token, body: { text } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

export const webhookOf = async (app: TestApp, on = specHost.get()) => {
  const response = await on.get(`/developer/apps/${app.id}/webhook`, { token: app.developer.token });
  expect(response.status).toBe(200);
  return response.body;
};

export const deliveryOf = async (app: TestApp, eventId: string, on = specHost.get()) =>
  (await webhookOf(app, on)).deliveries.find((delivery: { eventId: string }) => delivery.eventId === eventId);

/** The delivery once it is no longer pending: the host records the answer just after the receiver gave it. */
export const settledDeliveryOf = async (app: TestApp, eventId: string) => {
  for (;;) {
    const delivery = await deliveryOf(app, eventId);
    if (delivery?.status !== 'pending') return delivery;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * Retries the event until it is no longer pending (or `maxRounds` attempts), moving the clock to each
 * next attempt. Returns the delivery as the developer sees it.
 */
export async function retryUntilSettled(
  app: TestApp,
  eventId: string,
  maxRounds: number,
  on = specHost.get(),
) {
  for (let round = 0; round < maxRounds; round++) {
    await on.app.get(EventDispatcher).deliverDue();
    const delivery = await deliveryOf(app, eventId, on);
    if (delivery.status !== 'pending') return delivery;
    on.clock.advance(Math.max(0, Date.parse(delivery.nextAttemptAt) - on.clock.now().getTime()) + 1);
  }
  return deliveryOf(app, eventId, on);
}
