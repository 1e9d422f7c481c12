import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import { AuthorizationsService } from '../apps/authorizations.service';
import { AreaStorageService, KeyValueStore, type StorageArea } from './key-value-store';
import { StorageRepository } from './storage.repository';

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

/**
 * Per-app, per-user JSON storage: the app's own data about its user, within size limits. An uninstalled
 * app's storage is deleted when the apps module's sweep finds its grace period over.
 */
@Injectable()
export class AppStorageService extends AreaStorageService implements OnModuleInit {
  constructor(
    store: KeyValueStore,
    private readonly authorizations: AuthorizationsService,
    private readonly repository: StorageRepository,
  ) {
    super(store);
  }

  onModuleInit(): void {
    this.authorizations.eraseStorageWith((appId, userId) => this.repository.deleteUserStorage(appId, userId));
  }

  protected area(access: AccessContext): StorageArea {
    return userArea(access);
  }
}
