import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SharedStore } from './shared-store';

/**
 * What one instance tells the others: a user's unread count may have changed (their notification streams
 * read it again), the moderation rules changed (rebuild the keyword automaton), a plugin was disabled or
 * enabled (read its state again).
 */
export const SIGNAL_CHANNELS = ['unread', 'moderation-rules', 'plugin-state'] as const;
export type SignalChannel = (typeof SIGNAL_CHANNELS)[number];

type Handler = (message: string) => void;

/**
 * Signals every host instance hears: Redis pub/sub when REDIS_URL is set (on the installation's key prefix),
 * this process alone otherwise — the same code either way. A signal says only that something changed; each
 * listener reads the truth from the database, so a lost or repeated signal costs a read, never correctness.
 * The instance that publishes hears its own signal at once, not through Redis.
 */
@Injectable()
export class Signals implements OnModuleInit {
  private readonly logger = new Logger('Signals');
  /** Tells this instance's messages apart from the others' on the shared channels. */
  private readonly instance = randomUUID();
  private readonly handlers = new Map<SignalChannel, Set<Handler>>();

  constructor(private readonly store: SharedStore) {}

  /** Subscribes to every channel before the host takes requests, so no signal sent after start is missed. */
  async onModuleInit(): Promise<void> {
    await this.store.ready();
    const subscriber = this.store.subscriber();
    if (!subscriber) return;
    subscriber.on('message', (channel: string, raw: string) => this.heard(channel, raw));
    await subscriber.subscribe(...SIGNAL_CHANNELS.map((channel) => this.redisChannel(channel)));
  }

  /** Calls `handler` with each message on `channel`, from any instance, until the returned function is called. */
  on(channel: SignalChannel, handler: Handler): () => void {
    let forChannel = this.handlers.get(channel);
    if (!forChannel) {
      forChannel = new Set();
      this.handlers.set(channel, forChannel);
    }
    const entry: Handler = (message) => handler(message);
    forChannel.add(entry);
    return () => forChannel.delete(entry);
  }

  /** Tells every instance: this one at once, the others through Redis (a failure there is logged). */
  publish(channel: SignalChannel, message: string): void {
    this.deliver(channel, message);
    const redis = this.store.redis;
    if (!redis) return;
    redis
      .publish(this.redisChannel(channel), JSON.stringify({ from: this.instance, message }))
      .catch((error: unknown) =>
        this.logger.warn({ message: 'publishing a signal failed', channel, error: String(error) }),
      );
  }

  private heard(redisChannel: string, raw: string): void {
    const channel = SIGNAL_CHANNELS.find((known) => this.redisChannel(known) === redisChannel);
    if (!channel) return;
    let parsed: { from?: unknown; message?: unknown };
    try {
      parsed = JSON.parse(raw) as { from?: unknown; message?: unknown };
    } catch {
      return;
    }
    if (parsed.from === this.instance || typeof parsed.message !== 'string') return;
    this.deliver(channel, parsed.message);
  }

  private deliver(channel: SignalChannel, message: string): void {
    for (const handler of [...(this.handlers.get(channel) ?? [])]) {
      try {
        handler(message);
      } catch (error) {
        this.logger.warn({ message: 'a signal listener failed', channel, error: String(error) });
      }
    }
  }

  private redisChannel(channel: SignalChannel): string {
    return `${this.store.keyPrefix}signal:${channel}`;
  }
}
