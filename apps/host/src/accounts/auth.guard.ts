import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { LIMITS } from '../common/limits';
import { ProblemException, forbidden } from '../common/problem';
import { AccountsService } from './accounts.service';
import { PUBLIC_ROUTE } from '../common/public.decorator';
import { AuthenticatedRequest, REQUIRED_ROLE, WITHOUT_SESSION } from './auth.decorators';
import type { Role } from './user.entity';

export const SESSION_COOKIE = 'kj_session';

/** Hands a signed-in browser its session: httpOnly, SameSite=Lax, Secure whenever the host is served over https. */
export function setSessionCookie(response: Response, token: string, publicUrl: string): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    path: '/',
    maxAge: LIMITS.sessionTtlDays * 86_400_000,
  });
}

function tokenFrom(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const cookies = request.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE];
}

/**
 * The one global guard: every route needs a session unless it is marked @Public, and @RequireRole
 * routes need the role too. Routes opt out explicitly; none is open by accident.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(WITHOUT_SESSION, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);

    const token = tokenFrom(request);
    if (token) request.viewer = await this.accounts.authenticate(token);
    if (isPublic) return true;
    if (!request.viewer) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'unauthenticated',
        token
          ? 'The session token is unknown or has expired; sign in again'
          : `Sign in first: this route needs a session token (Authorization: Bearer, or the ${SESSION_COOKIE} cookie)`,
      );
    }
    if (role && !request.viewer.roles.includes(role))
      throw forbidden(`Only users with the ${role} role may do this`);
    return true;
  }
}
