export type {
  components as HostComponents,
  operations as HostOperations,
  paths as HostPaths,
} from './generated/host.js';
export type {
  components as OpenPlatformComponents,
  operations as OpenPlatformOperations,
  paths as OpenPlatformPaths,
} from './generated/open-platform.js';
export { EVENT_TYPES } from './enums.js';
export { createOpenApiClient, type OpenApiClient, type OpenApiClientOptions } from './open-api-client.js';
export {
  discover,
  KongjianOAuth,
  KongjianOAuthError,
  type AuthorizationRequest,
  type AuthorizationServer,
  type FetchLike,
  type KongjianOAuthOptions,
  type KongjianScope,
  type NetworkOptions,
  type PendingAuthorization,
} from './oauth.js';
export {
  isKongjianProblem,
  KongjianApiError,
  unwrap,
  UNEXPECTED_RESPONSE,
  type ApiResult,
  type KongjianProblem,
} from './problem.js';
export {
  DEFAULT_REFRESH_MARGIN_SECONDS,
  TokenSession,
  type AccessTokenSource,
  type TokenGrantor,
  type TokenSessionOptions,
  type TokenSet,
} from './token-session.js';
export {
  constructWebhookEvent,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  isWebhookEventOfType,
  parseWebhookEvent,
  verifyWebhookSignature,
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_EVENT_TYPE_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookSignatureError,
  type KnownKongjianWebhookEvent,
  type KongjianEventData,
  type KongjianEventType,
  type KongjianStoryEventData,
  type KongjianWebhookEvent,
  type KongjianWebhookEventOf,
  type VerifyWebhookOptions,
  type WebhookSignatureProblem,
} from './webhooks.js';
export {
  LaunchTokenError,
  verifyLaunchToken,
  type LaunchContext,
  type VerifyLaunchTokenOptions,
} from './launch.js';
