import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import type { EmbeddedDatabase } from './embedded-database';

/** The channel the tables' triggers notify on (Migration20261204090000_change_notifications). */
export const CHANGES_CHANNEL = 'kongjian_changes';
/** How many recent changes are remembered, to tell whether one touched a read still in flight. */
const RECENT_CHANGES = 4096;

/** The change feed of each configuration, for the pool's connections (orm-options.ts), which hear changes too. */
const feeds = new WeakMap<object, ChangeFeed>();

/** A change one of the ORM's pooled connections heard (its own commits' among them). */
export function changeHeard(config: object, tag: string): void {
  feeds.get(config)?.heard(tag);
}

/** The embedded database of a configuration, registered by the database module that opened it. */
const embeddedDatabases = new WeakMap<HostConfig, EmbeddedDatabase>();

export function registerEmbeddedDatabase(config: HostConfig, database: EmbeddedDatabase): void {
  embeddedDatabases.set(config, database);
}

export function embeddedDatabase(config: HostConfig): EmbeddedDatabase | undefined {
  return embeddedDatabases.get(config);
}

interface Entry<V> {
  value: V;
  tags: string[];
  storedAt: number;
}

/**
 * What the database says changed, heard by this instance: the tables that hold who may do what notify a
 * tag (`user:<id>`, `session:<id>`, `app:<id>`, `grant:<id>`, `token:<id>`) when a row changes, and
 * PostgreSQL delivers it to every listening instance at commit (never for a rollback). Caches made here
 * drop every entry a change names as soon as it is heard.
 *
 * A cache may store only what this feed will tell it about: while the listening connection is down, a
 * cache stores nothing (and drops everything when the connection goes, since changes may be missed), and
 * a read that a change overtook, or that ran inside a transaction that may still roll back, is not stored.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly caches = new Set<ChangeCache<unknown>>();
  /** Numbers every change and every gap, so a read can tell whether one happened while it ran. */
  private sequence = 0;
  private readonly recent: Array<{ sequence: number; tag: string }> = [];
  /** The sequence number of the last time changes may have been missed. */
  private lastGap = 0;
  private listening = false;
  private client: Client | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    private readonly em: EntityManager,
  ) {
    feeds.set(config, this);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.listening = false;
    await this.stopListening?.().catch(() => undefined);
    await this.client?.end().catch(() => undefined);
  }

  /** A cache whose entries this feed drops when the database says what they were read from changed. */
  cache<V>(name: string, maxEntries: number): ChangeCache<V> {
    const cache = new ChangeCache<V>(name, this, maxEntries);
    this.caches.add(cache as ChangeCache<unknown>);
    return cache;
  }

  /** Whether this instance hears every change now. */
  get live(): boolean {
    return this.listening;
  }

  /** The current position, taken before a read, for `mayStore`. */
  position(): number {
    return this.sequence;
  }

  /**
   * Whether a value read since `position` may be cached under `tags`: only while listening, outside a
   * transaction (its writes may roll back and notify nothing), and when no change of those tags (nor a
   * gap) was heard since the read began — else the read may predate the change.
   */
  mayStore(position: number, tags: readonly string[]): boolean {
    if (!this.listening || this.lastGap > position) return false;
    if (this.em.getTransactionContext()) return false;
    if (this.sequence === position) return true;
    const oldest = this.recent[0]?.sequence ?? this.sequence;
    if (oldest > position + 1) return false;
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i].sequence > position; i--) {
      if (tags.includes(this.recent[i].tag)) return false;
    }
    return true;
  }

  /** A change the database announced (exposed for the tests of caches without a database). */
  heard(tag: string): void {
    this.recent.push({ sequence: ++this.sequence, tag });
    if (this.recent.length > RECENT_CHANGES) this.recent.splice(0, this.recent.length - RECENT_CHANGES);
    for (const cache of this.caches) cache.drop(tag);
  }

  private gap(): void {
    this.lastGap = ++this.sequence;
    for (const cache of this.caches) cache.clear();
  }

  private async listen(): Promise<void> {
    const embedded = embeddedDatabase(this.config);
    if (embedded) {
      // One process owns the embedded database; its notifications arrive with the statement that commits.
      this.stopListening = await embedded.listen(CHANGES_CHANNEL, (tag) => this.heard(tag));
      this.listening = true;
      return;
    }
    if (!this.config.databaseUrl) return;
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) this.heard(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      this.gap();
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({
        message: 'lost the database change feed; caches are off until it is back',
        error: error?.message,
      });
      this.reconnectTimer = setTimeout(() => void this.reconnect(), LIMITS.changeFeedReconnectMs);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}`);
    this.listening = true;
  }

  private async reconnect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.closed) return;
    try {
      await this.listen();
      this.logger.log({ message: 'the database change feed is back' });
    } catch (error) {
      this.client = null;
      this.logger.warn({ message: 'the database change feed is still down', error: String(error) });
      this.reconnectTimer = setTimeout(() => void this.reconnect(), LIMITS.changeFeedReconnectMs);
    }
  }
}

/**
 * Values read from the database, kept in memory until a change of one of their tags is heard (or, as a
 * last line, for LIMITS.changeCacheTtlMs). Only found values are kept: an unknown token stays a read, so
 * guessing cannot fill the cache. At most `maxEntries`, the oldest going first, each with at most
 * LIMITS.changeCacheTagsPerEntry tags (a longer-tagged value is read each time, not kept).
 */
export class ChangeCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();

  constructor(
    readonly name: string,
    private readonly feed: ChangeFeed,
    private readonly maxEntries: number,
  ) {}

  /** The cached value of `key`, or what `load` finds (cached under the tags it names). */
  async read(key: string, load: () => Promise<{ value: V; tags: string[] } | null>): Promise<V | null> {
    const hit = this.fresh(key);
    if (hit) return hit.value;
    const position = this.feed.position();
    const found = await load();
    if (found) this.store(key, found.value, found.tags, position);
    return found?.value ?? null;
  }

  /** The cached value of `key`, without reading the database when there is none. */
  cached(key: string): V | undefined {
    return this.fresh(key)?.value;
  }

  /** Many at once: the cached ones, and one `load` for the rest. */
  async readMany(
    keys: Iterable<string>,
    load: (missing: string[]) => Promise<Map<string, { value: V; tags: string[] }>>,
  ): Promise<Map<string, V>> {
    const result = new Map<string, V>();
    const missing: string[] = [];
    const now = performance.now();
    for (const key of new Set(keys)) {
      const hit = this.fresh(key, now);
      if (hit) result.set(key, hit.value);
      else missing.push(key);
    }
    if (missing.length === 0) return result;
    const position = this.feed.position();
    for (const [key, found] of await load(missing)) {
      this.store(key, found.value, found.tags, position);
      result.set(key, found.value);
    }
    return result;
  }

  /** Replaces a cached value this instance just changed itself (a session's last use); no-op when absent. */
  update(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry) entry.value = value;
  }

  drop(tag: string): void {
    const keys = this.keysByTag.get(tag);
    if (!keys) return;
    for (const key of [...keys]) this.remove(key);
  }

  clear(): void {
    this.entries.clear();
    this.keysByTag.clear();
  }

  private fresh(key: string, now = performance.now()): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > LIMITS.changeCacheTtlMs) {
      this.remove(key);
      return undefined;
    }
    return entry;
  }

  private store(key: string, value: V, tags: string[], position: number): void {
    if (tags.length > LIMITS.changeCacheTagsPerEntry || !this.feed.mayStore(position, tags)) return;
    this.remove(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.remove(oldest.value);
    }
    this.entries.set(key, { value, tags, storedAt: performance.now() });
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
