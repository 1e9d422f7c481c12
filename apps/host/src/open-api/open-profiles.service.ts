import { Injectable } from '@nestjs/common';
import { EconomyService } from '../economy/economy.service';
import type { AccessContext } from '../access-context/access-context';
import { UserDirectoryService } from '../profiles/user-directory.service';
import type { OpenProfile, OpenVipStatus } from './dto/open-api.dto';

/** The token's user as the app may see them: openid instead of id, no username. */
@Injectable()
export class OpenProfilesService {
  constructor(
    private readonly directory: UserDirectoryService,
    private readonly economy: EconomyService,
  ) {}

  async me(access: AccessContext): Promise<OpenProfile> {
    const [summary, badges, vip] = await Promise.all([
      this.directory.summary(access.userId),
      this.economy.badges(access.userId),
      this.economy.vipStatuses([access.userId]),
    ]);
    return {
      openid: access.openid,
      nickname: summary.nickname,
      headPortraitUrl: summary.avatarUrl,
      level: badges.level.level,
      vip: vip.get(access.userId)!,
    };
  }

  /**
   * The VIP status of people the app may see (QQ's `is_vip`), only for a token with profile:read: what
   * profiles show is that scope's to give. Null otherwise.
   */
  async vipOf(access: AccessContext, userIds: readonly string[]): Promise<Map<string, OpenVipStatus> | null> {
    if (!access.scopes.includes('profile:read')) return null;
    return this.economy.vipStatuses(userIds);
  }
}
