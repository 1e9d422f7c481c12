import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import { AreaStorageService, type StorageArea } from './key-value-store';

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
    lock: (repository) => repository.lockUserStorage(access.appId, access.userId),
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
