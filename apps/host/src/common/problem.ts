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
  | 'event_not_listed'
  | 'delivery_pending'
  | 'webhook_missing'
  | 'internal_error'
  // plugins: a built-in app failed, or its circuit breaker disabled it
  | 'plugin_failed'
  | 'plugin_disabled'
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
export const forbidden = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);
export const conflict = (code: ProblemCode, detail: string) =>
  new ProblemException(HttpStatus.CONFLICT, code, detail);
export const badRequest = (code: ProblemCode, detail: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
