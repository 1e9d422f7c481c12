import { HttpStatus } from '@nestjs/common';

/** Stable machine-readable codes of the problems the host reports (RFC 9457 `code` extension). */
export type ProblemCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'route_not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_credentials'
  | 'wrong_password'
  | 'account_suspended'
  | 'already_suspended'
  | 'not_suspended'
  | 'platform_account'
  | 'cannot_remove_own_admin'
  | 'too_many_attempts'
  | 'username_taken'
  | 'unknown_username'
  | 'invalid_cursor'
  | 'conflict'
  | 'already_friends'
  | 'request_pending'
  | 'reverse_request_pending'
  | 'request_not_pending'
  | 'not_friends'
  | 'blocked'
  | 'cannot_target_self'
  | 'group_name_taken'
  | 'group_limit_reached'
  | 'unknown_group'
  | 'board_closed'
  | 'invalid_parent'
  | 'insufficient_funds'
  | 'idempotency_conflict'
  | 'vip_required'
  | 'item_not_owned'
  | 'item_already_owned'
  | 'content_blocked'
  | 'rule_exists'
  | 'already_reported'
  | 'moderation_conflict'
  | 'invalid_image'
  | 'unsupported_image'
  | 'image_too_large'
  | 'quota_exceeded'
  | 'limit_reached'
  | 'invalid_photo'
  | 'review_required'
  | 'app_status_conflict'
  | 'already_installed'
  | 'event_not_listed'
  | 'delivery_pending'
  | 'webhook_missing'
  | 'internal_error'
  // health: the instance may not take traffic now (starting, a failing check, or shutting down)
  | 'not_ready'
  // plugins: a built-in app failed, its circuit breaker disabled it, or another call's fault stopped a call
  | 'plugin_failed'
  | 'plugin_disabled'
  | 'plugin_unavailable'
  | 'order_not_pending'
  | 'order_not_paid'
  | 'order_expired'
  // the Open API (bearer tokens, RFC 6750 error names)
  | 'invalid_request'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'rate_limited'
  | 'precondition_failed'
  | 'already_thanked';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

/** An error a client caused or must be told about; the problem filter turns it into problem+json. */
export class ProblemException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail ?? code);
  }
}

export const notFound = (what: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
/** A path parameter that breaks its format names nothing: 404 like a missing item, saying the format. */
export const malformedInPath = (rule: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not_found', `Not found: ${rule}`);
export const forbidden = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);
export const conflict = (code: ProblemCode, detail: string) =>
  new ProblemException(HttpStatus.CONFLICT, code, detail);
export const badRequest = (code: ProblemCode, detail: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, code, detail);

/** The problem's detail names the first few broken rules, so a developer reading it needs nothing else. */
const RULES_IN_DETAIL = 3;

/** 400 validation_failed for these fields; the detail repeats the first few messages. */
export function invalidRequest(errors: { field: string; message: string }[]): ProblemException {
  const shown = errors.slice(0, RULES_IN_DETAIL).map((entry) => entry.message);
  const more = errors.length - shown.length;
  const detail =
    shown.length === 0
      ? 'The request is not valid'
      : shown.join('; ') + (more > 0 ? `; and ${more} more (see errors)` : '');
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', detail, errors);
}

/** 400 validation_failed for one field; `message` states the rule and starts with the field's name. */
export const invalidField = (field: string, message: string) => invalidRequest([{ field, message }]);
