import type { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { sqlRows } from '../database/sql';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { lockName } from '../database/advisory-lock';
import { AreaStorageService, type StorageArea, type StorageUsage } from './key-value-store';

/**
 * One app's storage for one user. A user's keys are few (LIMITS.storageKeysPerUser), so the totals
 * are counted under an advisory lock rather than kept in a row of their own.
 */
function userArea(access: AccessContext): StorageArea {
  return {
    table: 'app_storage',
    owner: [
      ['app_id', access.appId],
      ['user_id', access.userId],
    ],
    limits: { keys: LIMITS.storageKeysPerUser, bytes: LIMITS.storageBytesPerUser, whose: 'for a user' },
    async lock(em: EntityManager): Promise<StorageUsage> {
      await lockName(em, `app-storage:${access.appId}:${access.userId}`);
      const [usage] = await sqlRows<{ keys: number; bytes: string | number }>(
        em,
        `select count(*)::int as keys, coalesce(sum(bytes), 0) as bytes
           from app_storage where app_id = ? and user_id = ?`,
        [access.appId, access.userId],
      );
      return { keys: usage.keys, bytes: Number(usage.bytes) };
    },
    record: async () => {},
  };
}

/** Per-app, per-user JSON storage: the app's own data about its user, within size limits. */
@Injectable()
export class AppStorageService extends AreaStorageService {
  protected area(access: AccessContext): StorageArea {
    return userArea(access);
  }
}
