import { Body, Delete, Get, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Endpoint } from '../common/endpoint.decorator';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import { AppStorageService } from './app-storage.service';
import { PutStorageItemRequest, StorageItem } from './dto/open-api.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';
import type { WritePreconditions } from './key-value-store';
import { IfMatch, IfNoneMatch, KeyParam, Preconditions, StorageKeyPipe, withEtag } from './storage-params';

@OpenApiController('storage', 'storage')
export class StorageController {
  constructor(private readonly storage: AppStorageService) {}

  @Get(':key')
  @RequireScope('storage')
  @KeyParam()
  @Endpoint({
    operationId: 'getStorageItem',
    summary: 'A value this app stored for the user (with its ETag)',
    response: StorageItem,
    problems: openApiProblems(404),
  })
  async getStorageItem(
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
    operationId: 'putStorageItem',
    summary:
      `Store a JSON value for the user under a key (at most ${LIMITS.storageValueBytes} bytes; ` +
      `${LIMITS.storageKeysPerUser} keys and ${LIMITS.storageBytesPerUser} bytes per user)`,
    response: StorageItem,
    problems: openApiProblems(409, 412, 413),
  })
  async putStorageItem(
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
    operationId: 'deleteStorageItem',
    summary: 'Delete a value this app stored for the user',
    problems: openApiProblems(404, 412),
  })
  deleteStorageItem(
    @Access() access: AccessContext,
    @Param('key', StorageKeyPipe) key: string,
    @Preconditions() { ifMatch }: WritePreconditions,
  ): Promise<void> {
    return this.storage.delete(access, key, { ifMatch });
  }
}
