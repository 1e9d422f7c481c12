/**
 * "This user's unread count may have changed": what open notification streams listen for. It carries
 * no count; each stream reads the count itself, so a lost or repeated signal costs one read.
 */
export abstract class UnreadSignal {
  /** Tells every stream of the user, wherever it is open, to read the count again. */
  abstract publish(userId: string): void;

  /** Calls `listener` after each publish for the user until the returned function is called. */
  abstract subscribe(userId: string, listener: () => void): () => void;
}

/**
 * The signal within one process. It reaches only streams open on this instance; with several
 * instances a Redis pub/sub implementation of UnreadSignal (a channel per user) takes its place.
 */
export class InProcessUnreadSignal extends UnreadSignal {
  private readonly listeners = new Map<string, Set<() => void>>();

  publish(userId: string): void {
    for (const listener of [...(this.listeners.get(userId) ?? [])]) listener();
  }

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

  /** Listeners registered for a user (for tests that check nothing is left behind). */
  listenerCount(userId: string): number {
    return this.listeners.get(userId)?.size ?? 0;
  }
}
