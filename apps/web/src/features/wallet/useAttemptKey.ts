import { useRef } from 'react';
import { newIdempotencyKey } from './queries';

/**
 * One idempotency key per attempt: asking again for the same thing (a retry after a failure or a lost
 * answer) reuses the key, so the host moves coins at most once; asking for something else, or anything
 * after a success, gets a new key.
 */
export function useAttemptKey() {
  const attempt = useRef<{ request: string; key: string } | null>(null);
  return {
    keyFor(request: string): string {
      if (attempt.current?.request !== request) attempt.current = { request, key: newIdempotencyKey() };
      return attempt.current.key;
    },
    done(): void {
      attempt.current = null;
    },
  };
}
