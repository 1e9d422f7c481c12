import { Body, Controller, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { toAccountResponse } from '../accounts/accounts.mapper';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth } from '../accounts/auth.decorators';
import { AccountResponse } from '../accounts/dto/accounts.dto';
import { Endpoint } from '../common/endpoint.decorator';
import { UpdateAccountSettingsRequest } from './dto/audience.dto';
import { PrivacyService } from './privacy.service';

/**
 * The account's settings, which so far are privacy defaults. They are stored with the account, but
 * served here because their rule is the privacy rule's, and privacy sits above accounts (through
 * friends): accounts cannot ask it.
 */
@ApiTags('accounts')
@SessionAuth()
@Controller()
export class AccountSettingsController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly accounts: AccountsService,
  ) {}

  @Patch('account/settings')
  @Endpoint({
    operationId: 'updateAccountSettings',
    summary: 'Choose the audience preselected for my new posts',
    response: AccountResponse,
  })
  async update(
    @CurrentUser() viewer: AuthUser,
    @Body() body: UpdateAccountSettingsRequest,
  ): Promise<AccountResponse> {
    const groupIds = await this.privacy.checkAudience(viewer.id, body.defaultPrivacy, body.defaultGroupIds, {
      level: 'defaultPrivacy',
      groups: 'defaultGroupIds',
    });
    return toAccountResponse(
      await this.accounts.setDefaultAudience(viewer.id, body.defaultPrivacy, groupIds),
    );
  }
}
