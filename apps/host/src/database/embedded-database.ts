import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite, Results } from '@electric-sql/pglite';
import { entryScript } from '../common/entry-script';

/** What the host asks of the database's thread (embedded-database-thread.ts). */
type EmbeddedOperation =
  | { op: 'query'; sql: string; params?: unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'listen' | 'unlisten'; channel: string }
  | { op: 'close' };

export type EmbeddedRequest = EmbeddedOperation & { id: number };

export interface SerializedError {
  name?: string;
  message: string;
  fields: Record<string, unknown>;
}

export type EmbeddedReply =
  | { id: number; result?: unknown; error?: SerializedError }
  | { channel: string; payload: string }
  | { ready: boolean; error?: SerializedError };

/**
 * A value from the thread, made of this realm's objects. Messages arrive built of Node's main realm, which
 * is this code's own except when the host runs inside a vm context (Jest's), where a Date, an array or a
 * plain object from the main realm fails the ORM's `instanceof` and prototype checks.
 */
function adopt(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Array.from(value, adopt);
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, adopt(item)]));
}

function revive(error: SerializedError): Error {
  return Object.assign(new Error(error.message), error.fields, error.name ? { name: error.name } : {});
}

/**
 * The embedded database (PGlite) run on a thread of its own: its start, about a second of PostgreSQL in
 * WebAssembly, runs while the host loads its modules, and its queries run beside the host's JavaScript
 * rather than between it. It offers what the ORM's PGlite dialect and the change feed use of PGlite
 * (`waitReady`, `query`, `exec`, `listen`, `close`); results and errors cross as copies, with PostgreSQL's
 * error fields (`code`, `constraint`, `detail`…) kept. Replies come in the order the thread sent them, so a
 * notification arrives before the result of the statement that caused it.
 */
export class EmbeddedDatabase {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  /** Why no more requests can be answered: the thread failed or the database was closed. */
  private ended: Error | null = null;

  constructor(dataDir: string | undefined) {
    this.worker = new Worker(entryScript(__dirname, 'embedded-database-thread', ['@electric-sql/pglite']), {
      workerData: { dataDir },
    });
    // The thread keeps the process alive only while a request waits for it (see request).
    this.worker.unref();
    let ready: { resolve: () => void; reject: (error: Error) => void };
    this.waitReady = new Promise((resolve, reject) => (ready = { resolve, reject }));
    // Awaited by whoever uses the database; a failure must not count as unhandled before then.
    this.waitReady.catch(() => undefined);
    this.worker.on('message', (reply: EmbeddedReply) => {
      if ('ready' in reply) {
        if (reply.ready) ready.resolve();
        else ready.reject(revive(reply.error!));
      } else if ('channel' in reply) {
        for (const listener of this.listeners.get(reply.channel) ?? []) listener(reply.payload);
      } else {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (this.pending.size === 0) this.worker.unref();
        if (reply.error) waiting?.reject(revive(reply.error));
        else
          waiting?.resolve(
            Object.getPrototypeOf(reply) === Object.prototype ? reply.result : adopt(reply.result),
          );
      }
    });
    const end = (error: Error) => {
      this.ended ??= error;
      ready.reject(error);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', (error) => end(new Error(`The embedded database failed: ${error.message}`)));
    this.worker.on('exit', (code) => end(new Error(`The embedded database stopped (exit code ${code})`)));
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Results<T>> {
    return this.request({ op: 'query', sql, params }) as Promise<Results<T>>;
  }

  exec(sql: string): Promise<Results[]> {
    return this.request({ op: 'exec', sql }) as Promise<Results[]>;
  }

  /** Calls `listener` with each notification on `channel`; the function it returns stops that. */
  async listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>> {
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await this.request({ op: 'listen', channel });
    }
    listeners.add(listener);
    return async () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.listeners.get(channel) !== listeners) return;
      this.listeners.delete(channel);
      await this.request({ op: 'unlisten', channel });
    };
  }

  /** Closes the database (PostgreSQL shuts down cleanly) and ends its thread. */
  async close(): Promise<void> {
    if (this.ended) return;
    try {
      await this.request({ op: 'close' });
    } finally {
      this.ended = new Error('The embedded database is closed');
      await this.worker.terminate();
    }
  }

  /** This object as the PGlite instance the ORM's dialect expects (it uses only what this class offers). */
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }

  private request(operation: EmbeddedOperation): Promise<unknown> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...operation, id } satisfies EmbeddedRequest);
    });
  }
}

/** The embedded databases begun before their host (see beginEmbeddedDatabase), by configuration. */
const begun = new WeakMap<object, EmbeddedDatabase>();

/**
 * Opens the embedded database of a configuration now, for the host that starts next with it: `main.ts`
 * calls it before it loads the host's modules, so both start together.
 */
export function beginEmbeddedDatabase(config: { dataDir?: string }): void {
  begun.set(config, new EmbeddedDatabase(embeddedDataDir(config.dataDir)));
}

/** The embedded database of a configuration: the one begun for it, if any, or a new one. */
export function openEmbeddedDatabase(config: { dataDir?: string }): EmbeddedDatabase {
  const early = begun.get(config);
  begun.delete(config);
  return early ?? new EmbeddedDatabase(embeddedDataDir(config.dataDir));
}

/** PGlite's folder under the data folder; none (in memory) without one, as in tests. */
function embeddedDataDir(dataDir: string | undefined): string | undefined {
  return dataDir ? path.join(dataDir, 'pglite') : undefined;
}
