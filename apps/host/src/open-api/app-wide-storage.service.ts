import { HttpStatus, Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { decodeKeyCursor, encodeKeyCursor } from '../common/pagination';
import { ProblemException } from '../common/problem';
import type { AccessContext } from '../access-context/access-context';
import type {
  StorageBatchOperation,
  StorageBatchResponse,
  StorageItemPage,
} from './dto/app-wide-storage.dto';
import { AreaStorageService, type StorageArea } from './key-value-store';
import { STORAGE_KEY } from './storage-params';

/**
 * The storage an app shares between all its users. Its totals live in a usage row whose lock is also
 * the write lock of the app's storage: one app's writes run one at a time, other apps' in parallel.
 */
function appArea(appId: string): StorageArea {
  return {
    table: 'app_wide_storage',
    owner: [['app_id', appId]],
    limits: {
      keys: LIMITS.appWideStorageKeys,
      bytes: LIMITS.appWideStorageBytes,
      whose: 'for all its users',
    },
    lock: (repository) => repository.lockAppWideStorage(appId),
    record: (repository, change) => repository.addAppWideUsage(appId, change),
  };
}

/** The list is in key order, so a page ends at a key. */
const encodeCursor = (key: string): string => encodeKeyCursor('key', key);

const decodeCursor = (cursor: string | undefined): string | undefined =>
  decodeKeyCursor('key', cursor, (key) => STORAGE_KEY.test(key));

/** App-wide JSON storage: data an app without a backend shares between its users (poll votes, farms). */
@Injectable()
export class AppWideStorageService extends AreaStorageService {
  protected area(access: AccessContext): StorageArea {
    return appArea(access.appId);
  }

  async list(
    access: AccessContext,
    prefix: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<StorageItemPage> {
    const rows = await this.store.list(this.area(access), prefix, limit + 1, decodeCursor(cursor));
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ item, etag }) => ({ ...item, etag })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].item.key) : null,
    };
  }

  async batch(access: AccessContext, operations: StorageBatchOperation[]): Promise<StorageBatchResponse> {
    const seen = new Set<string>();
    operations.forEach(({ key }, index) => {
      if (seen.has(key)) {
        const message = `key "${key}" appears twice; a batch may change each key once`;
        throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [
          { field: `operations[${index}].key`, message },
        ]);
      }
      seen.add(key);
    });
    const results = await this.store.batch(
      this.area(access),
      operations.map(({ key, op, value, ifMatch, ifNoneMatch }) =>
        op === 'put' ? { op, key, value, ifMatch, ifNoneMatch } : { op, key, ifMatch, ifNoneMatch },
      ),
    );
    return { results };
  }
}
