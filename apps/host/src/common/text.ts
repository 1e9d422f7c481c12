import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem';

/** The text without surrounding whitespace; text that is only whitespace is refused as a 400. */
export function nonBlank(text: string, field: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', `${field} must not be blank`, [
      { field, message: `${field} must not be blank` },
    ]);
  }
  return trimmed;
}
