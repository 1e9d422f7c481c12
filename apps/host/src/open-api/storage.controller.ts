import { LIMITS } from '../common/limits';
import { AppStorageService } from './app-storage.service';
import { OpenApiController } from './open-api.decorators';
import { StorageItemRoutes } from './storage-item-routes';

/** Data an app keeps for each of its users. */
@OpenApiController('storage', 'storage')
export class StorageController extends StorageItemRoutes<AppStorageService>({
  get: { operationId: 'getStorageItem', summary: 'A value this app stored for the user (with its ETag)' },
  put: {
    operationId: 'putStorageItem',
    summary:
      `Store a JSON value for the user under a key (at most ${LIMITS.storageValueBytes} bytes; ` +
      `${LIMITS.storageKeysPerUser} keys and ${LIMITS.storageBytesPerUser} bytes per user)`,
  },
  delete: { operationId: 'deleteStorageItem', summary: 'Delete a value this app stored for the user' },
}) {
  constructor(storage: AppStorageService) {
    super(storage);
  }
}
