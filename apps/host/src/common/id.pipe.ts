import { Injectable, PipeTransform } from '@nestjs/common';
import { isId } from './ids';
import { notFound } from './problem';

/** A malformed id in a path names nothing, so it is reported as 404 like any id that does not exist. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isId(value)) throw notFound('Resource');
    return value.toLowerCase();
  }
}
