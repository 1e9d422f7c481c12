import { HttpStatus, PipeTransform } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import { ProblemException } from '../common/problem';

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
