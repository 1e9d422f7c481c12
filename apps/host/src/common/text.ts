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

/** A byte count as people read it in a limit: "1 MiB", "16 KiB", "300 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
