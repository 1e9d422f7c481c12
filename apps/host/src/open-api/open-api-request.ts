import type { Request } from 'express';
import type { AccessContext } from '../access-context/access-context';

/** Metadata key of the scope an Open API operation needs (set by @RequireScope or @AnyScope). */
export const REQUIRED_SCOPE = 'kongjian:open-api-scope';

/** The REQUIRED_SCOPE of an operation any valid token may call, whatever it was granted. */
export const ANY_SCOPE = 'any';

export interface OpenApiRequest extends Request {
  /** Set by the bearer token guard once the token is verified. */
  openApiAccess?: AccessContext;
}
