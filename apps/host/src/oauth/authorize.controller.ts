import { Controller, Get, HttpStatus, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { OAuth2Error } from 'oauth2orize';
import { AccountsService } from '../accounts/accounts.service';
import { type AuthenticatedRequest } from '../accounts/auth.decorators';
import { setSessionCookie } from '../accounts/auth.guard';
import { AppsService } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { LIMITS } from '../common/limits';
import { ProblemException } from '../common/problem';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import type { OAuthTransaction } from './consent-transactions.service';
import {
  runChain,
  type CsrfCookie,
  csrfTokenMatches,
  formField,
  issueCsrfToken,
  parseForm,
  errorPageHandler,
  PageError,
  pageText,
  sendPage,
  type PageTextKey,
} from '../common/pages';
import { Public } from '../common/public.decorator';
import { AuthorizationPageError } from './oauth-errors';
import { consentPage, signInPage } from './oauth-pages';
import { OAuthServer, SignInRequired } from './oauth-server';

/** Double-submit cookie for the sign-in form (see issueCsrfToken). */
const SIGN_IN_CSRF_COOKIE: CsrfCookie = {
  name: 'kj_oauth_signin',
  path: '/oauth',
  maxAgeMs: LIMITS.oauthTransactionTtlSeconds * 1000,
};
/** What a failed sign-in tells the person, by the problem AccountsService reported. */
const SIGN_IN_FAILURES: Partial<Record<string, PageTextKey>> = {
  invalid_credentials: 'signIn.wrong',
  too_many_attempts: 'signIn.throttled',
  account_suspended: 'signIn.suspended',
};
/** The sign-in form only ever returns to the authorization endpoint: no open redirect. */
const RETURN_TO_PATTERN = /^\/oauth\/authorize\?[^#]*$/;

/**
 * The user-facing side of the authorization server: the authorization endpoint with its sign-in and
 * consent pages, and the consent decision. Pages are plain server-rendered HTML.
 */
@ApiExcludeController()
@Public()
@Controller('oauth')
export class AuthorizeController {
  private readonly logger = new Logger('OAuth');

  constructor(
    private readonly server: OAuthServer,
    private readonly accounts: AccountsService,
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  @Get('authorize')
  async authorize(@Req() request: Request, @Res() response: Response): Promise<void> {
    await runChain(request, response, [
      this.server.authorize,
      (req: Request, res: Response) =>
        this.showConsent(req as AuthenticatedRequest & { oauth2: OAuthTransaction }, res),
      (error: unknown, req: Request, res: Response, next: NextFunction) => {
        if (error instanceof SignInRequired) this.showSignIn(req, res, error.app.name);
        else next(error);
      },
      this.server.redirectError,
      this.errorPage,
    ]);
  }

  @Post('authorize/decision')
  async decide(@Req() request: Request, @Res() response: Response): Promise<void> {
    await runChain(request, response, [
      parseForm,
      ...this.server.decision,
      this.server.redirectError,
      this.errorPage,
    ]);
  }

  @Post('sign-in')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    await runChain(request, response, [
      parseForm,
      (req: Request, res: Response) => this.checkCredentials(req, res),
      this.errorPage,
    ]);
  }

  /** The consent page; for an app the user already allowed, what it asks for anew is set apart. */
  private async showConsent(
    request: AuthenticatedRequest & { oauth2: OAuthTransaction },
    response: Response,
  ): Promise<void> {
    const { client, req, transactionID, locals } = request.oauth2;
    const t = pageText(request);
    const allowed = request.viewer
      ? ((await this.authorizations.active(client.id, request.viewer.id))?.scopes ?? null)
      : null;
    sendPage(
      response,
      t,
      HttpStatus.OK,
      t('consent.title', { app: client.name }),
      consentPage(
        {
          app: client,
          username: request.viewer?.username ?? '',
          scopes: req.scope,
          allowedBefore: allowed,
          transactionId: transactionID ?? '',
          csrfToken: locals?.csrfToken ?? '',
        },
        t,
      ),
    );
  }

  private showSignIn(
    request: Request,
    response: Response,
    appName: string | undefined,
    status: number = HttpStatus.OK,
    failure?: { error: PageTextKey; username?: string },
  ): void {
    const csrfToken = issueCsrfToken(
      request,
      response,
      SIGN_IN_CSRF_COOKIE,
      this.config.publicUrl.startsWith('https:'),
    );
    const returnTo = formField(request, 'return_to') ?? request.originalUrl;
    const t = pageText(request);
    const form = {
      returnTo,
      csrfToken,
      appName: appName ?? t('theApp'),
      username: failure?.username,
      error: failure && t(failure.error),
    };
    sendPage(response, t, status, t('signIn.title'), signInPage(form, t));
  }

  /** Signs in with AccountsService (and so its throttling), then returns to the authorization request. */
  private async checkCredentials(request: Request, response: Response): Promise<void> {
    if (!csrfTokenMatches(request, SIGN_IN_CSRF_COOKIE.name)) {
      throw new AuthorizationPageError(HttpStatus.FORBIDDEN, 'signIn.refused.title', 'signIn.refused.forged');
    }
    const returnTo = formField(request, 'return_to');
    if (!returnTo || !RETURN_TO_PATTERN.test(returnTo)) {
      throw new AuthorizationPageError(
        HttpStatus.BAD_REQUEST,
        'signIn.refused.title',
        'signIn.refused.returnTo',
      );
    }
    const clientId = new URL(returnTo, this.config.publicUrl).searchParams.get('client_id');
    const appName = (clientId && (await this.apps.findByClientId(clientId))?.name) || undefined;
    const username = formField(request, 'username');
    const password = formField(request, 'password');
    if (!username || !password) {
      this.showSignIn(request, response, appName, HttpStatus.BAD_REQUEST, {
        error: 'signIn.missing',
        username,
      });
      return;
    }
    try {
      const issued = await this.accounts.login(username, password, {
        ip: request.ip,
        userAgent: request.get('user-agent'),
      });
      setSessionCookie(response, issued.token, this.config.publicUrl);
      response.redirect(HttpStatus.SEE_OTHER, returnTo);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      this.showSignIn(request, response, appName, error.status, {
        error: SIGN_IN_FAILURES[error.code] ?? 'signIn.failed',
        username,
      });
    }
  }

  /** Anything the client cannot be told by redirect is shown to the user; no error ever redirects from here. */
  private readonly errorPage = errorPageHandler(this.logger, 'authorization endpoint failed', (error) =>
    error instanceof OAuth2Error && error.code !== 'server_error'
      ? new PageError(HttpStatus.BAD_REQUEST, 'authorize.invalid.title', 'authorize.invalid.message', {
          detail: error.message,
        })
      : undefined,
  );
}
