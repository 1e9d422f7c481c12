import { Injectable } from '@nestjs/common';
import { Signals } from '../shared-store/signals';

/**
 * "This user's unread count may have changed": what open notification streams listen for, on every
 * instance (the `unread` signal, with the user's id). It carries no count; each stream reads the count
 * itself, so a lost or repeated signal costs one read.
 */
@Injectable()
export class UnreadSignal {
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(private readonly signals: Signals) {
    signals.on('unread', (userId) => {
      for (const listener of [...(this.listeners.get(userId) ?? [])]) listener();
    });
  }

  /** Tells every stream of the user, on whichever instance it is open, to read the count again. */
  publish(userId: string): void {
    this.signals.publish('unread', userId);
  }

  /** Calls `listener` after each publish for the user until the returned function is called. */
  subscribe(userId: string, listener: () => void): () => void {
    let forUser = this.listeners.get(userId);
    if (!forUser) {
      forUser = new Set();
      this.listeners.set(userId, forUser);
    }
    const entry = () => listener();
    forUser.add(entry);
    return () => {
      const current = this.listeners.get(userId);
      current?.delete(entry);
      if (current?.size === 0) this.listeners.delete(userId);
    };
  }

  /** Listeners registered for a user on this instance (for tests that check nothing is left behind). */
  listenerCount(userId: string): number {
    return this.listeners.get(userId)?.size ?? 0;
  }
}
