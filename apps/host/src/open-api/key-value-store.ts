import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { conflict, notFound, ProblemException } from '../common/problem';
import type { AccessContext } from '../access-context/access-context';
import type { StorageItem } from './dto/open-api.dto';
import {
  type StorageRow,
  type StorageRows,
  StorageRepository,
  type StorageUsage,
} from './storage.repository';

export type { StorageUsage };

/** Nesting deeper than this is refused: PostgreSQL's jsonb parser would run out of stack long before 16 KiB. */
const MAX_DEPTH = 64;

/** Conditions of a write (RFC 9110 §13): `If-Match` and `If-None-Match` header values. */
export interface WritePreconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

export interface StoredItem {
  item: StorageItem;
  etag: string;
}

/**
 * One app's storage for one owner (a user, or all its users): the table, the columns that pick the
 * owner's rows, the limits, and how writes are serialized and counted. Writes run one at a time per
 * area, so the totals checked stay true and conditional writes (ETags) compare against the truth.
 */
export interface StorageArea extends StorageRows {
  limits: { keys: number; bytes: number; whose: string };
  /** Takes the area's write lock for the rest of the transaction; answers its totals. */
  lock(repository: StorageRepository): Promise<StorageUsage>;
  /** Records how the transaction's writes changed the totals. */
  record(repository: StorageRepository, change: StorageUsage): Promise<void>;
}

/** One write of a batch. */
export type StorageOperation =
  | ({ op: 'put'; key: string; value: unknown } & WritePreconditions)
  | ({ op: 'delete'; key: string } & WritePreconditions);

export interface StorageOperationResult {
  key: string;
  op: 'put' | 'delete';
  /** The new ETag of a put; null after a delete. */
  etag: string | null;
}

const invalidValue = (field: string, message: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field, message }]);

const preconditionFailed = (key: string, field: string) => {
  const message = `The item "${key}" changed (or does not exist); read it again before writing`;
  return new ProblemException(HttpStatus.PRECONDITION_FAILED, 'precondition_failed', message, [
    { field, message },
  ]);
};

/** The strong ETag of one stored revision. */
const etagOf = (revision: string) => `"${revision}"`;

/** Whether an `If-Match` / `If-None-Match` list names the current ETag (`*`: any current item). */
function matches(header: string, current: string | undefined): boolean {
  if (current === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === current);
}

/**
 * Refuses what jsonb cannot store (NUL characters) and nesting deep enough to exhaust the
 * database's parser, walking iteratively so a deep value cannot exhaust ours.
 */
function assertStorable(value: unknown, field: string): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) throw invalidValue(field, `${field} must not contain NUL characters`);
    } else if (current !== null && typeof current === 'object') {
      if (depth >= MAX_DEPTH) {
        throw invalidValue(field, `${field} must not nest deeper than ${MAX_DEPTH} levels`);
      }
      const children = Array.isArray(current) ? current : Object.values(current);
      const keys = Array.isArray(current) ? [] : Object.keys(current);
      if (keys.some((key) => key.includes('\0'))) {
        throw invalidValue(field, `${field} must not contain NUL characters`);
      }
      for (const child of children) pending.push({ value: child, depth: depth + 1 });
    }
  }
}

/**
 * A JSON value an app hands the host to keep (storage values, reminder data), serialized once
 * checked: storable in jsonb and at most `maxBytes` of UTF-8.
 */
export function serializeAppJson(
  value: unknown,
  field: string,
  maxBytes: number,
): { serialized: string; bytes: number } {
  assertStorable(value, field);
  const serialized = JSON.stringify(value);
  const bytes = Buffer.byteLength(serialized, 'utf8');
  if (bytes > maxBytes) {
    throw new ProblemException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'payload_too_large',
      `${field} may be at most ${maxBytes} bytes of JSON; this one is ${bytes}`,
    );
  }
  return { serialized, bytes };
}

/** The totals of an area while a transaction writes to it: as the lock found them, and now. */
class UsageTally {
  readonly now: StorageUsage;

  constructor(private readonly start: StorageUsage) {
    this.now = { ...start };
  }

  change(): StorageUsage {
    return { keys: this.now.keys - this.start.keys, bytes: this.now.bytes - this.start.bytes };
  }
}

/** A value checked and serialized before the transaction starts, so a bad one costs no lock. */
interface PreparedWrite {
  operation: StorageOperation;
  serialized?: { serialized: string; bytes: number };
  /** Where the operation came from, for the problem's `errors`: `key`, or `operations[2]` of a batch. */
  field: string;
}

/**
 * JSON values under keys with ETags, for any storage area: get, conditional put and delete, prefix
 * listing, and atomic batches. The Open API's per-user and app-wide storage are two areas of it.
 */
@Injectable()
export class KeyValueStore {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: StorageRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(area: StorageArea, key: string): Promise<StoredItem> {
    const row = await this.repository.get(area, key);
    if (!row) throw notFound('Storage key');
    return stored(row);
  }

  /**
   * Items whose keys start with `prefix`, in bytewise key order, after the key `afterKey`. Every key
   * character sorts below "~", so the prefix is the range [prefix, prefix + "~"): an index range
   * on a "C"-collated key column.
   */
  async list(
    area: StorageArea,
    prefix: string,
    limit: number,
    afterKey: string | undefined,
  ): Promise<StoredItem[]> {
    const start = afterKey !== undefined && afterKey >= prefix ? afterKey : prefix;
    const rows = await this.repository.list(area, start, start === afterKey, `${prefix}~`, limit);
    return rows.map(stored);
  }

  async put(
    area: StorageArea,
    key: string,
    value: unknown,
    conditions: WritePreconditions,
  ): Promise<StoredItem> {
    const [write] = this.prepare([{ op: 'put', key, value, ...conditions }], false);
    return this.em.transactional(async () => {
      const usage = new UsageTally(await area.lock(this.repository));
      const row = await this.apply(area, usage, write);
      await this.record(area, usage);
      return stored(row!);
    });
  }

  async delete(area: StorageArea, key: string, conditions: WritePreconditions): Promise<void> {
    const [write] = this.prepare([{ op: 'delete', key, ...conditions }], false);
    await this.em.transactional(async () => {
      const usage = new UsageTally(await area.lock(this.repository));
      await this.apply(area, usage, write);
      await this.record(area, usage);
    });
  }

  /**
   * Applies every operation or none: the first that fails (a precondition, a missing key, a limit)
   * rolls the whole batch back and is named in the problem. Limits hold for the batch's end state.
   */
  async batch(area: StorageArea, operations: StorageOperation[]): Promise<StorageOperationResult[]> {
    const writes = this.prepare(operations, true);
    return this.em.transactional(async () => {
      const usage = new UsageTally(await area.lock(this.repository));
      const results: StorageOperationResult[] = [];
      for (const write of writes) {
        const row = await this.apply(area, usage, write);
        results.push({
          key: write.operation.key,
          op: write.operation.op,
          etag: row ? etagOf(row.revision) : null,
        });
      }
      await this.record(area, usage);
      return results;
    });
  }

  /** Checks and serializes values up front; `inBatch` names fields by their operation's index. */
  private prepare(operations: StorageOperation[], inBatch: boolean): PreparedWrite[] {
    return operations.map((operation, index) => {
      const field = inBatch ? `operations[${index}]` : 'key';
      const valueField = inBatch ? `${field}.value` : 'value';
      return {
        operation,
        field,
        serialized:
          operation.op === 'put'
            ? serializeAppJson(operation.value, valueField, LIMITS.storageValueBytes)
            : undefined,
      };
    });
  }

  /** One write under the area's lock, moving the tally along; returns the written row of a put. */
  private async apply(
    area: StorageArea,
    tally: UsageTally,
    write: PreparedWrite,
  ): Promise<StorageRow | undefined> {
    const usage = tally.now;
    const { operation, field } = write;
    const current = await this.repository.current(area, operation.key);
    if (operation.op === 'delete' && !current) {
      const problem = notFound(`Storage key "${operation.key}"`);
      throw new ProblemException(problem.status, problem.code, problem.detail, [
        { field, message: problem.detail! },
      ]);
    }
    const currentEtag = current ? etagOf(current.revision) : undefined;
    if (operation.ifMatch !== undefined && !matches(operation.ifMatch, currentEtag)) {
      throw preconditionFailed(operation.key, field);
    }
    if (operation.ifNoneMatch !== undefined && matches(operation.ifNoneMatch, currentEtag)) {
      throw preconditionFailed(operation.key, field);
    }
    if (operation.op === 'delete') {
      await this.repository.delete(area, operation.key);
      usage.keys -= 1;
      usage.bytes -= current!.bytes;
      return undefined;
    }
    const { bytes } = write.serialized!;
    if (!current && usage.keys >= area.limits.keys) {
      throw conflict(
        'limit_reached',
        `An app may keep at most ${area.limits.keys} keys ${area.limits.whose}; delete some first`,
      );
    }
    const totalBytes = usage.bytes - (current?.bytes ?? 0) + bytes;
    if (totalBytes > area.limits.bytes) {
      throw new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'quota_exceeded',
        `An app may keep at most ${area.limits.bytes} bytes ${area.limits.whose}; delete some first`,
      );
    }
    const row = await this.repository.put(area, operation.key, write.serialized!, newId(), this.clock.now());
    if (!current) usage.keys += 1;
    usage.bytes = totalBytes;
    return row;
  }

  private async record(area: StorageArea, tally: UsageTally): Promise<void> {
    const change = tally.change();
    if (change.keys !== 0 || change.bytes !== 0) await area.record(this.repository, change);
  }
}

function stored(row: StorageRow): StoredItem {
  return {
    item: { key: row.key, value: row.value, updatedAt: new Date(row.updated_at).toISOString() },
    etag: etagOf(row.revision),
  };
}

/**
 * An Open API storage service: get, put and delete in the storage area a request's access picks (the
 * user's, or the app's shared one).
 */
@Injectable()
export abstract class AreaStorageService {
  constructor(protected readonly store: KeyValueStore) {}

  /** The area a request with this access reads and writes. */
  protected abstract area(access: AccessContext): StorageArea;

  get(access: AccessContext, key: string): Promise<StoredItem> {
    return this.store.get(this.area(access), key);
  }

  put(
    access: AccessContext,
    key: string,
    value: unknown,
    conditions: WritePreconditions,
  ): Promise<StoredItem> {
    return this.store.put(this.area(access), key, value, conditions);
  }

  delete(access: AccessContext, key: string, conditions: WritePreconditions): Promise<void> {
    return this.store.delete(this.area(access), key, conditions);
  }
}
