import { Module, OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AppsModule } from '../apps/apps.module';
import { AuthorizationsService } from '../apps/authorizations.service';
import { AuthorizationCodesService } from './authorization-codes.service';
import { AuthorizeController } from './authorize.controller';
import { ClientAuthenticator } from './client-authentication';
import { ConsentTransactionStore } from './consent-transactions.service';
import { MetadataController } from './metadata.controller';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { OAuthRepository } from './oauth.repository';
import { OAuthServer } from './oauth-server';
import { OAuthSweeper } from './oauth-sweeper';
import { OAuthTokensService } from './oauth-tokens.service';
import { TokenEndpoints } from './token-endpoints';

/**
 * The OAuth2 authorization server. Other modules use only `OAuthTokensService.verifyAccessToken`; the host
 * mounts `TokenEndpoints` itself (host.ts).
 */
@Module({
  imports: [AccountsModule, AppsModule, SchedulingModule],
  controllers: [AuthorizeController, MetadataController],
  providers: [
    OAuthTokensService,
    AuthorizationCodesService,
    ConsentTransactionStore,
    ClientAuthenticator,
    OAuthServer,
    OAuthRepository,
    OAuthSweeper,
    TokenEndpoints,
  ],
  exports: [OAuthTokensService, TokenEndpoints],
})
export class OAuthModule implements OnModuleInit {
  constructor(
    private readonly authorizations: AuthorizationsService,
    private readonly tokens: OAuthTokensService,
  ) {}

  /** Withdrawn consent ends the app's tokens for that user, inside the withdrawing transaction. */
  onModuleInit(): void {
    this.authorizations.onRevoked((appId, userId) => this.tokens.revokeUserTokens(appId, userId));
  }
}
