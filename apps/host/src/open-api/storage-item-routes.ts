import { Body, Delete, Get, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AccessContext } from '../access-context/access-context';
import { Endpoint } from '../common/endpoint.decorator';
import { PutStorageItemRequest, StorageItem } from './dto/open-api.dto';
import type { AreaStorageService, WritePreconditions } from './key-value-store';
import { Access, openApiProblems, RequireScope } from './open-api.decorators';
import { IfMatch, IfNoneMatch, KeyParam, Preconditions, StorageKeyPipe, withEtag } from './storage-params';

/** What one storage area's item operations are called in the spec (the SDK's method names) and say. */
export interface StorageItemOperations {
  get: { operationId: string; summary: string };
  put: { operationId: string; summary: string };
  delete: { operationId: string; summary: string };
}

/**
 * The item routes of an Open API storage area (`GET`, `PUT` and `DELETE :key`, with ETags and If-Match /
 * If-None-Match preconditions), as the base class of the area's controller: the per-user and the app-wide
 * storage differ only in the service that picks the area and in their operations' names. Each call makes
 * handlers of its own, so each controller's operations keep their own documentation.
 */
export function StorageItemRoutes<Storage extends AreaStorageService>(operations: StorageItemOperations) {
  abstract class StorageItemRoutesBase {
    constructor(protected readonly storage: Storage) {}

    @Get(':key')
    @RequireScope('storage')
    @KeyParam()
    @Endpoint({ ...operations.get, response: StorageItem, problems: openApiProblems(404) })
    async getItem(
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
    @Endpoint({ ...operations.put, response: StorageItem, problems: openApiProblems(409, 412, 413) })
    async putItem(
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
    @Endpoint({ ...operations.delete, problems: openApiProblems(404, 412) })
    deleteItem(
      @Access() access: AccessContext,
      @Param('key', StorageKeyPipe) key: string,
      @Preconditions() { ifMatch }: WritePreconditions,
    ): Promise<void> {
      return this.storage.delete(access, key, { ifMatch });
    }
  }
  return StorageItemRoutesBase;
}
