import { Body, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
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
import { PutStorageItemRequest, StorageItem } from './dto/open-api.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';
import type { WritePreconditions } from './key-value-store';
import { IfMatch, IfNoneMatch, KeyParam, Preconditions, StorageKeyPipe, withEtag } from './storage-params';

/** Data an app shares between all its users; same semantics as the per-user storage. */
@OpenApiController('app-storage', 'storage')
export class AppWideStorageController {
  constructor(private readonly storage: AppWideStorageService) {}

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

  @Get(':key')
  @RequireScope('storage')
  @KeyParam()
  @Endpoint({
    operationId: 'getAppStorageItem',
    summary: "A value in the app's storage shared by all its users (with its ETag)",
    response: StorageItem,
    problems: openApiProblems(404),
  })
  async getAppStorageItem(
    @Access() access: AccessContext,
    @Param('key', StorageKeyPipe) key: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StorageItem> {
    return withEtag(response, await this.storage.get(access, key));
  }

  @Put(':key')
  @RequireScope('storage')
  @KeyParam()
  @IfMatch('replace')
  @IfNoneMatch()
  @Endpoint({
    operationId: 'putAppStorageItem',
    summary:
      `Store a JSON value shared by all the app's users (at most ${LIMITS.storageValueBytes} bytes; ` +
      `${LIMITS.appWideStorageKeys} keys and ${LIMITS.appWideStorageBytes} bytes per app)`,
    response: StorageItem,
    problems: openApiProblems(409, 412, 413),
  })
  async putAppStorageItem(
    @Access() access: AccessContext,
    @Param('key', StorageKeyPipe) key: string,
    @Body() body: PutStorageItemRequest,
    @Preconditions() conditions: WritePreconditions,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StorageItem> {
    return withEtag(response, await this.storage.put(access, key, body.value, conditions));
  }

  @Delete(':key')
  @RequireScope('storage')
  @KeyParam()
  @IfMatch('delete')
  @Endpoint({
    operationId: 'deleteAppStorageItem',
    summary: "Delete a value from the app's shared storage",
    problems: openApiProblems(404, 412),
  })
  deleteAppStorageItem(
    @Access() access: AccessContext,
    @Param('key', StorageKeyPipe) key: string,
    @Preconditions() { ifMatch }: WritePreconditions,
  ): Promise<void> {
    return this.storage.delete(access, key, { ifMatch });
  }
}
