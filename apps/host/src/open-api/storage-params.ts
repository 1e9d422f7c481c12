import { createParamDecorator, ExecutionContext, HttpStatus, PipeTransform } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProblemException } from '../common/problem';
import type { StorageItem } from './dto/open-api.dto';
import type { StoredItem, WritePreconditions } from './key-value-store';

/** Letters, digits and `. _ : -`; `.` and `..` alone are refused because URLs treat them as paths. */
export const STORAGE_KEY = /^(?!\.{1,2}$)[A-Za-z0-9._:-]{1,128}$/;
export const STORAGE_KEY_RULE = '1 to 128 letters, digits, ".", "_", ":" or "-"';

/** Refuses a `key` path parameter that is not a storage key. */
export class StorageKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!STORAGE_KEY.test(value)) {
      const message = `key must be ${STORAGE_KEY_RULE}`;
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [
        { field: 'key', message },
      ]);
    }
    return value;
  }
}

export const KeyParam = () =>
  ApiParam({ name: 'key', schema: { type: 'string', pattern: STORAGE_KEY.source, maxLength: 128 } });

export const IfMatch = (what: string) =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: `Only ${what} if the item's ETag is one of these`,
  });

export const IfNoneMatch = () =>
  ApiHeader({ name: 'If-None-Match', required: false, description: '`*`: only create, never replace' });

/** A write's conditions from its `If-Match` and `If-None-Match` headers (document them with the two above). */
export const Preconditions = createParamDecorator(
  (_: unknown, context: ExecutionContext): WritePreconditions => {
    const { headers } = context.switchToHttp().getRequest<Request>();
    return { ifMatch: headers['if-match'], ifNoneMatch: headers['if-none-match'] };
  },
);

/** Answers a stored item, its ETag in the `ETag` header. */
export function withEtag(response: Response, { item, etag }: StoredItem): StorageItem {
  response.setHeader('ETag', etag);
  return item;
}
