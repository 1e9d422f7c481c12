import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { newId } from '../common/ids';
import { currentRequestId } from '../common/request-context';
import { EventTargetsPort } from './event-targets';
import type { AppEvent, EventType } from './event-types';
import { EventsRepository } from './events.repository';
import { webhookRetryWindowMs } from './retry-window';

/** Handles one event for an app whose code runs inside the host (a built-in plugin). */
export type InProcessReceiver = (event: AppEvent, userId: string | null) => Promise<void>;

/**
 * The outbox side of events: `publish` records an event for one app inside the caller's transaction,
 * so the event exists exactly when the change that caused it does. Delivery (webhooks, or in-process
 * receivers for plugins) happens later, from the outbox (see EventDispatcher).
 */
@Injectable()
export class EventsService {
  private readonly receivers = new Map<string, InProcessReceiver>();

  constructor(
    private readonly repository: EventsRepository,
    private readonly targets: EventTargetsPort,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  /**
   * Records `type` for `appId`; call it inside the transaction that makes the change. `data` must name
   * users by the app's openids only. `userId` is the user the event is about: a plugin handles the
   * event acting as that user. `deliverAt` delays delivery (reminders); the default is now. An app
   * gets only the event types its manifest lists: for any other the event is not recorded, and the
   * answer is null instead of the event's id.
   */
  async publish(
    appId: string,
    type: EventType,
    data: Record<string, unknown>,
    userId?: string,
    deliverAt?: Date,
  ): Promise<string | null> {
    const id = newId();
    const now = this.clock.now();
    const due = deliverAt ?? now;
    const listed = await this.repository.insert(
      {
        id,
        appId,
        type,
        userId: userId ?? null,
        data,
        createdAt: now,
        dueAt: due,
        retryUntil: new Date(due.getTime() + webhookRetryWindowMs(this.config)),
        requestId: currentRequestId() ?? null,
      },
      'listed',
    );
    return listed ? id : null;
  }

  /**
   * `friend.added` for every app both users currently authorize, naming both by that app's openids;
   * `userId` (the user who accepted) is who a plugin acts as. Call it in the befriending transaction.
   */
  async publishFriendAdded(userId: string, friendId: string): Promise<void> {
    const shared = await this.targets.get().sharedAuthorizations(userId, friendId);
    for (const app of shared) {
      await this.publish(
        app.appId,
        'friend.added',
        { user: app.userOpenid, friend: app.friendOpenid },
        userId,
      );
    }
  }

  /** How many `type` events were published for the app about the user since `since` (quotas on events). */
  countPublishedSince(appId: string, type: EventType, userId: string, since: Date): Promise<number> {
    return this.repository.countSince(appId, type, userId, since);
  }

  /** Events for `appId` go to `receiver` instead of a webhook (the plugins module registers its plugins). */
  registerInProcessReceiver(appId: string, receiver: InProcessReceiver): void {
    this.receivers.set(appId, receiver);
  }

  inProcessReceiver(appId: string): InProcessReceiver | undefined {
    return this.receivers.get(appId);
  }
}
