import {
  Body,
  Controller,
  Delete,
  Get,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { Public } from '../common/public.decorator';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { AccountsService, ClientInfo, IssuedSession } from './accounts.service';
import { toAccountResponse, toSessionResponse } from './accounts.mapper';
import type { AuthUser } from './auth-user';
import { CurrentUser, SessionAuth } from './auth.decorators';
import { SESSION_COOKIE, setSessionCookie } from './auth.guard';
import {
  AccountResponse,
  ChangePasswordRequest,
  LoginRequest,
  RegisterRequest,
  SessionListResponse,
  SignedInResponse,
} from './dto/accounts.dto';

function clientInfo(request: Request): ClientInfo {
  return { ip: request.ip, userAgent: request.get('user-agent') };
}

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  private signIn(issued: IssuedSession, response: Response): SignedInResponse {
    setSessionCookie(response, issued.token, this.config.publicUrl);
    return {
      token: issued.token,
      account: toAccountResponse(issued.user),
      session: toSessionResponse(issued.session, issued.session.id),
    };
  }

  @Post('accounts')
  @Public()
  @Endpoint({
    operationId: 'register',
    summary: 'Create an account and sign in',
    response: SignedInResponse,
    status: HttpStatus.CREATED,
    problems: [409],
  })
  async register(
    @Body() body: RegisterRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInResponse> {
    return this.signIn(
      await this.accounts.register(body.username, body.password, clientInfo(request)),
      response,
    );
  }

  @Post('sessions')
  @Public()
  @Endpoint({
    operationId: 'login',
    summary: 'Sign in with username and password',
    response: SignedInResponse,
    status: HttpStatus.CREATED,
    problems: [403, 429],
    problemDescriptions: {
      401: 'Wrong username or password (`invalid_credentials`)',
      403: 'The account is suspended (`account_suspended`)',
    },
  })
  async login(
    @Body() body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInResponse> {
    return this.signIn(
      await this.accounts.login(body.username, body.password, clientInfo(request)),
      response,
    );
  }

  @Delete('sessions/current')
  @SessionAuth()
  @Endpoint({ operationId: 'logout', summary: 'Sign out of this session' })
  async logout(
    @CurrentUser() viewer: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.accounts.endSession(viewer.id, viewer.sessionId);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('sessions')
  @SessionAuth()
  @Endpoint({ operationId: 'listSessions', summary: 'My signed-in sessions', response: SessionListResponse })
  async listSessions(@CurrentUser() viewer: AuthUser): Promise<SessionListResponse> {
    const sessions = await this.accounts.listSessions(viewer.id);
    return { items: sessions.map((session) => toSessionResponse(session, viewer.sessionId)) };
  }

  @Delete('sessions/:sessionId')
  @SessionAuth()
  @Endpoint({
    operationId: 'endSession',
    summary: 'End one of my sessions (sign a device out)',
    problems: [404],
  })
  async endSession(
    @CurrentUser() viewer: AuthUser,
    @Param('sessionId', ParseIdPipe) sessionId: string,
  ): Promise<void> {
    await this.accounts.endSession(viewer.id, sessionId);
  }

  @Get('account')
  @SessionAuth()
  @Endpoint({ operationId: 'getMyAccount', summary: 'My account', response: AccountResponse })
  async me(@CurrentUser() viewer: AuthUser): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.getUser(viewer.id));
  }

  @Put('account/password')
  @SessionAuth()
  @Endpoint({
    operationId: 'changePassword',
    summary: 'Change my password (signs out my other sessions)',
    problems: [422, 429],
    problemDescriptions: {
      422: 'The current password is wrong (`wrong_password`)',
      429: 'Too many wrong passwords for this account or address; try again later',
    },
  })
  async changePassword(
    @CurrentUser() viewer: AuthUser,
    @Body() body: ChangePasswordRequest,
    @Req() request: Request,
  ): Promise<void> {
    await this.accounts.changePassword(viewer, body.currentPassword, body.newPassword, clientInfo(request));
  }
}
