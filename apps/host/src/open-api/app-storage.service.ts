import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { conflict, notFound, ProblemException } from '../common/problem';
import { sqlRows, sqlRun } from '../database/sql';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { lockName } from './advisory-lock';
import type { StorageItem } from './dto/open-api.dto';

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

interface StorageRow {
  key: string;
  value: unknown;
  bytes: number;
  revision: string;
  updated_at: Date | string;
}

const invalidValue = (message: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field: 'value', message }]);

const preconditionFailed = () =>
  new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    'precondition_failed',
    'The item changed (or does not exist); read it again before writing',
  );

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
function assertStorable(value: unknown): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) throw invalidValue('value must not contain NUL characters');
    } else if (current !== null && typeof current === 'object') {
      if (depth >= MAX_DEPTH) throw invalidValue(`value must not nest deeper than ${MAX_DEPTH} levels`);
      const children = Array.isArray(current) ? current : Object.values(current);
      const keys = Array.isArray(current) ? [] : Object.keys(current);
      if (keys.some((key) => key.includes('\0'))) throw invalidValue('value must not contain NUL characters');
      for (const child of children) pending.push({ value: child, depth: depth + 1 });
    }
  }
}

/** Per-app, per-user JSON storage: the app's own data about its user, within size limits. */
@Injectable()
export class AppStorageService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(access: AccessContext, key: string): Promise<StoredItem> {
    const [row] = await sqlRows<StorageRow>(
      this.em,
      'select key, value, bytes, revision, updated_at from app_storage where app_id = ? and user_id = ? and key = ?',
      [access.appId, access.userId, key],
    );
    if (!row) throw notFound('Storage key');
    return this.stored(row);
  }

  async put(
    access: AccessContext,
    key: string,
    value: unknown,
    conditions: WritePreconditions,
  ): Promise<StoredItem> {
    assertStorable(value);
    const serialized = JSON.stringify(value);
    const bytes = Buffer.byteLength(serialized, 'utf8');
    if (bytes > LIMITS.storageValueBytes) {
      throw new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'payload_too_large',
        `A stored value may be at most ${LIMITS.storageValueBytes} bytes of JSON; this one is ${bytes}`,
      );
    }
    return this.em.transactional(async () => {
      // Writes of one user's storage for one app run one at a time, so the totals checked stay true.
      await lockName(this.em, `app-storage:${access.appId}:${access.userId}`);
      const [usage] = await sqlRows<{
        keys: number;
        bytes: string | number;
        current_bytes: number | null;
        revision: string | null;
      }>(
        this.em,
        `select count(*)::int as keys, coalesce(sum(bytes), 0) as bytes,
                max(bytes) filter (where key = ?) as current_bytes,
                max(revision::text) filter (where key = ?) as revision
           from app_storage where app_id = ? and user_id = ?`,
        [key, key, access.appId, access.userId],
      );
      const exists = usage.revision !== null;
      this.checkPreconditions(conditions, exists ? etagOf(usage.revision!) : undefined);
      if (!exists && usage.keys >= LIMITS.storageKeysPerUser) {
        throw conflict(
          'limit_reached',
          `An app may keep at most ${LIMITS.storageKeysPerUser} keys for a user; delete some first`,
        );
      }
      const totalBytes = Number(usage.bytes) - (usage.current_bytes ?? 0) + bytes;
      if (totalBytes > LIMITS.storageBytesPerUser) {
        throw new ProblemException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          'quota_exceeded',
          `An app may keep at most ${LIMITS.storageBytesPerUser} bytes for a user; delete some first`,
        );
      }
      const [row] = await sqlRows<StorageRow>(
        this.em,
        `insert into app_storage (app_id, user_id, key, value, bytes, revision, updated_at)
         values (?, ?, ?, ?::jsonb, ?, ?, ?)
         on conflict (app_id, user_id, key) do update set
           value = excluded.value, bytes = excluded.bytes, revision = excluded.revision,
           updated_at = excluded.updated_at
         returning key, value, bytes, revision, updated_at`,
        [access.appId, access.userId, key, serialized, bytes, newId(), this.clock.now()],
      );
      return this.stored(row);
    });
  }

  async delete(access: AccessContext, key: string, conditions: WritePreconditions): Promise<void> {
    await this.em.transactional(async () => {
      await lockName(this.em, `app-storage:${access.appId}:${access.userId}`);
      const [row] = await sqlRows<{ revision: string }>(
        this.em,
        'select revision from app_storage where app_id = ? and user_id = ? and key = ?',
        [access.appId, access.userId, key],
      );
      if (!row) throw notFound('Storage key');
      this.checkPreconditions(conditions, etagOf(row.revision));
      await sqlRun(this.em, 'delete from app_storage where app_id = ? and user_id = ? and key = ?', [
        access.appId,
        access.userId,
        key,
      ]);
    });
  }

  private checkPreconditions(conditions: WritePreconditions, currentEtag: string | undefined): void {
    if (conditions.ifMatch !== undefined && !matches(conditions.ifMatch, currentEtag)) {
      throw preconditionFailed();
    }
    if (conditions.ifNoneMatch !== undefined && matches(conditions.ifNoneMatch, currentEtag)) {
      throw preconditionFailed();
    }
  }

  private stored(row: StorageRow): StoredItem {
    return {
      item: { key: row.key, value: row.value, updatedAt: new Date(row.updated_at).toISOString() },
      etag: etagOf(row.revision),
    };
  }
}
