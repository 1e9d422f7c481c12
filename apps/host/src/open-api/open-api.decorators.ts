import {
  applyDecorators,
  Controller,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiOAuth2, ApiTags } from '@nestjs/swagger';
import { WithoutSession } from '../accounts/auth.decorators';
import type { Scope } from '../apps/scopes';
import type { AccessContext } from '../access-context/access-context';
import { BearerTokenGuard } from './bearer-token.guard';
import { OpenApiProblemFilter } from './open-api-problem';
import { ANY_SCOPE, type OpenApiRequest, REQUIRED_SCOPE } from './open-api-request';

/** The name of the OAuth2 security scheme in openapi/open-platform.json. */
export const OAUTH2_SCHEME = 'oauth2';

/** Where the Open API lives; every operation's path starts with it. */
export const OPEN_API_PREFIX = 'open/v1';

/**
 * An Open API controller: bearer tokens only (never the session cookie, so the global session
 * guard stands aside and the bearer guard does the checking), problem+json errors
 * with their WWW-Authenticate and Retry-After headers.
 */
export const OpenApiController = (path: string, tag: string) =>
  applyDecorators(
    Controller(`${OPEN_API_PREFIX}/${path}`),
    WithoutSession(),
    UseGuards(BearerTokenGuard),
    UseFilters(OpenApiProblemFilter),
    ApiTags(tag),
  );

/** The scope an operation needs; documented as the operation's OAuth2 security requirement. */
export const RequireScope = (scope: Scope) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), ApiOAuth2([scope], OAUTH2_SCHEME));

/** An operation every valid token may call, whatever scopes it was granted (a deliberate choice, not a default). */
export const AnyScope = () =>
  applyDecorators(SetMetadata(REQUIRED_SCOPE, ANY_SCOPE), ApiOAuth2([], OAUTH2_SCHEME));

/** Error statuses every Open API operation may answer besides 400 and 401. */
export const openApiProblems = (...more: number[]): number[] => [403, 429, ...more];

/** The verified access token of the request: app, user, openid and granted scopes. */
export const Access = createParamDecorator((_: unknown, context: ExecutionContext): AccessContext => {
  const access = context.switchToHttp().getRequest<OpenApiRequest>().openApiAccess;
  if (!access) throw new Error('Access used on a route without the bearer token guard');
  return access;
});
