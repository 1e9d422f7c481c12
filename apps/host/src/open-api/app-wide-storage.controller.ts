import { Body, Get, Post, Query } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { LIMITS } from '../common/limits';
import { pageSize } from '../common/pagination';
import type { AccessContext } from '../access-context/access-context';
import { AppWideStorageService } from './app-wide-storage.service';
import {
  AppWideStorageQuery,
  StorageBatchRequest,
  StorageBatchResponse,
  StorageItemPage,
} from './dto/app-wide-storage.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';
import { StorageItemRoutes } from './storage-item-routes';

/** Data an app shares between all its users; same semantics as the per-user storage. */
@OpenApiController('app-storage', 'storage')
export class AppWideStorageController extends StorageItemRoutes<AppWideStorageService>({
  get: {
    operationId: 'getAppStorageItem',
    summary: "A value in the app's storage shared by all its users (with its ETag)",
  },
  put: {
    operationId: 'putAppStorageItem',
    summary:
      `Store a JSON value shared by all the app's users (at most ${LIMITS.storageValueBytes} bytes; ` +
      `${LIMITS.appWideStorageKeys} keys and ${LIMITS.appWideStorageBytes} bytes per app)`,
  },
  delete: { operationId: 'deleteAppStorageItem', summary: "Delete a value from the app's shared storage" },
}) {
  constructor(storage: AppWideStorageService) {
    super(storage);
  }

  @Get()
  @RequireScope('storage')
  @Endpoint({
    operationId: 'listAppStorageItems',
    summary: "Items of the app's shared storage (with their ETags), in key order, optionally by key prefix",
    response: StorageItemPage,
    problems: openApiProblems(),
  })
  listAppStorageItems(
    @Access() access: AccessContext,
    @Query() query: AppWideStorageQuery,
  ): Promise<StorageItemPage> {
    return this.storage.list(access, query.prefix ?? '', pageSize(query), query.cursor);
  }

  @Post('batch')
  @RequireScope('storage')
  @Endpoint({
    operationId: 'batchAppStorage',
    summary:
      `Apply up to ${LIMITS.storageBatchOperationsMax} puts and deletes to the app's shared storage ` +
      'atomically: all or none (a failing precondition is 412 naming its key)',
    response: StorageBatchResponse,
    problems: openApiProblems(404, 409, 412, 413),
  })
  batchAppStorage(
    @Access() access: AccessContext,
    @Body() body: StorageBatchRequest,
  ): Promise<StorageBatchResponse> {
    return this.storage.batch(access, body.operations);
  }
}
