import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';
import type { Role } from './user.entity';

export const REQUIRED_ROLE = 'kongjian:role';
export const WITHOUT_SESSION = 'kongjian:without-session';

/**
 * The route authenticates callers its own way (OAuth bearer tokens on the Open API): the session
 * guard neither requires a session nor spends a lookup on the Authorization header.
 */
export const WithoutSession = () => SetMetadata(WITHOUT_SESSION, true);

/** Only users holding this role may call the route. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** Documents that a route accepts the session cookie or its bearer form. */
export const SessionAuth = () => applyDecorators(ApiCookieAuth('session'), ApiBearerAuth('session-token'));

export interface AuthenticatedRequest extends Request {
  viewer?: AuthUser;
}

/** The signed-in user; only on routes that are not @Public. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const viewer = context.switchToHttp().getRequest<AuthenticatedRequest>().viewer;
  if (!viewer) throw new Error('CurrentUser used on a route without authentication');
  return viewer;
});

/** The signed-in user, or null for an anonymous visitor on a @Public route. */
export const Viewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser | null =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().viewer ?? null,
);
