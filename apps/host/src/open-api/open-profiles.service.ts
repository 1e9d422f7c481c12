import { Injectable } from '@nestjs/common';
import { EconomyService } from '../economy/economy.service';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { UserDirectoryService } from '../spaces/user-directory.service';
import type { OpenProfile } from './dto/open-api.dto';

/** The token's user as the app may see them: openid instead of id, no username. */
@Injectable()
export class OpenProfilesService {
  constructor(
    private readonly directory: UserDirectoryService,
    private readonly economy: EconomyService,
  ) {}

  async me(access: AccessContext): Promise<OpenProfile> {
    const [summary, badges] = await Promise.all([
      this.directory.summary(access.userId),
      this.economy.badges(access.userId),
    ]);
    const vipActive = badges.vip?.active ?? false;
    return {
      openid: access.openid,
      nickname: summary.nickname,
      headPortraitUrl: summary.avatarUrl,
      level: badges.level.level,
      // A lapsed membership's level grants nothing, so apps are not given one to honour.
      vip: { active: vipActive, level: vipActive ? badges.vip!.level : null },
    };
  }
}
