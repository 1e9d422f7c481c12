import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../accounts/auth-user';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { DatabaseService } from '../database/database.module';
import { NotificationsService } from './notifications.service';
import { UnreadSignal } from './unread-signal';

/** The server-sent event that carries the unread count. */
export const UNREAD_EVENT = 'unread';

/**
 * Live notification streams (server-sent events): each sends `event: unread` with the viewer's unread
 * count when it opens and whenever the count changes, and a comment line as a heartbeat, at which it
 * also checks that its session still holds and ends when it does not. A stream stops listening when
 * its client goes away, and every stream ends when the host shuts down.
 */
@Injectable()
export class NotificationStreams implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationStreams');
  /** How to end each open stream. */
  private readonly open = new Set<() => void>();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly accounts: AccountsService,
    private readonly signal: UnreadSignal,
    private readonly database: DatabaseService,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  /** Takes over the response: it stays open until the client leaves, the session ends or the host stops. */
  start(viewer: AuthUser, response: Response): void {
    response.status(200);
    response.set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();

    let closed = false;
    let lastCount: number | undefined;
    let reading: Promise<void> | undefined;
    let readAgain = false;

    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      this.open.delete(close);
      response.end();
    };

    // Reads run one at a time; signals that arrive meanwhile make one more read afterwards.
    const refresh = (): void => {
      if (closed) return;
      if (reading) {
        readAgain = true;
        return;
      }
      reading = this.database
        .withContext(async () => {
          do {
            readAgain = false;
            const count = await this.notifications.unreadCount(viewer.id);
            if (closed) return;
            if (count !== lastCount) {
              lastCount = count;
              response.write(`event: ${UNREAD_EVENT}\ndata: ${JSON.stringify({ count })}\n\n`);
            }
          } while (readAgain && !closed);
        })
        .catch((error: unknown) => {
          this.logger.warn({ message: 'reading the unread count failed', error: String(error) });
          close();
        })
        .finally(() => (reading = undefined));
    };

    const beat = async (): Promise<void> => {
      try {
        const active = await this.database.withContext(() => this.accounts.sessionActive(viewer.sessionId));
        if (!active) close();
        else if (!closed) response.write(': heartbeat\n\n');
      } catch (error) {
        this.logger.warn({ message: 'checking the session failed', error: String(error) });
        close();
      }
    };

    // The signal may come from inside another request's commit: the read runs later, and in this
    // stream's async context, not in that request's (whose transaction context has just ended).
    const refreshHere = AsyncResource.bind(refresh);
    const unsubscribe = this.signal.subscribe(viewer.id, () => setImmediate(refreshHere));
    const heartbeat = setInterval(
      () => void beat(),
      this.config.notificationHeartbeatMs ?? LIMITS.notificationHeartbeatSeconds * 1000,
    );
    heartbeat.unref();
    this.open.add(close);
    response.on('close', close);
    refresh();
  }

  /** Ends every open stream (a shutdown: the server cannot close while they stay open). */
  endAll(): void {
    for (const close of [...this.open]) close();
  }

  onModuleDestroy(): void {
    this.endAll();
  }
}
