import { type ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isId } from './ids';
import { malformedInPath } from './problem';

/** A malformed id in a path names nothing, so it is reported as 404 like any id that does not exist. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    if (!isId(value)) throw malformedInPath(`${metadata?.data ?? 'the id'} must be a UUID`);
    return value.toLowerCase();
  }
}
