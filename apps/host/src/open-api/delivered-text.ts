import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import type { ModerationService } from '../moderation/moderation.service';

/**
 * Screens text an app delivers to another person (a gift's message, a notification) under the keyword
 * rules. Such text cannot wait for a reviewer, so what a rule would hold is refused like what it
 * blocks (422 `content_blocked`); flagged text is delivered.
 */
export async function screenDeliveredText(moderation: ModerationService, parts: string[]): Promise<void> {
  const verdict = await moderation.screen(parts);
  if (verdict.action === 'hold') {
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'content_blocked',
      'This text needs a moderator before anyone may read it, so it cannot be delivered',
    );
  }
}

/** Trimmed plain text; a field left blank is a validation error, as if it were empty. */
export function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) {
    const message = `${field} must not be blank`;
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field, message }]);
  }
  return trimmed;
}
