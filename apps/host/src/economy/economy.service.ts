import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { ActivityService } from './activity.service';
import type { LevelBadge, VipBadge } from './dto/economy.dto';
import { itemNotOwned, ShopService, vipRequired } from './shop.service';
import { vipBadge, VipService } from './vip.service';

/** What a space shows of its owner's standing. */
export interface SpaceBadges {
  vip: VipBadge | null;
  level: LevelBadge;
}

/**
 * What other modules ask of the economy (spaces, and albums for quotas), so they need not know
 * how memberships, items and points are kept.
 */
@Injectable()
export class EconomyService {
  constructor(
    private readonly vip: VipService,
    private readonly shop: ShopService,
    private readonly activity: ActivityService,
  ) {}

  async badges(userId: string): Promise<SpaceBadges> {
    const [state, level] = await Promise.all([this.vip.state(userId), this.activity.level(userId)]);
    return { vip: state ? vipBadge(state) : null, level };
  }

  /** Whether each user is a yellow-diamond member now, and at which level (null when not active). */
  async vipStatuses(
    userIds: readonly string[],
  ): Promise<Map<string, { active: boolean; level: number | null }>> {
    const states = await this.vip.states(userIds);
    return new Map(
      userIds.map((userId) => {
        const state = states.get(userId);
        // A lapsed membership's level grants nothing, so apps are not given one to honour.
        return [
          userId,
          state?.active ? { active: true, level: state.level } : { active: false, level: null },
        ];
      }),
    );
  }

  /** Album storage the user may use now, by VIP level (see STORAGE_QUOTA_BYTES). */
  storageQuotaBytes(userId: string): Promise<number> {
    return this.vip.storageQuotaBytes(userId);
  }

  /** Whether the user may show this catalog theme or skin now (a lapsed VIP loses VIP-only ones). */
  async themeUsable(userId: string, themeId: string): Promise<boolean> {
    return (await this.shop.themeAccess(userId, themeId)) === 'usable';
  }

  /** The track of a music item the user may play on their space; refuses items they may not use. */
  async usableMusicUrl(userId: string, itemId: string): Promise<string> {
    const { access, url } = await this.shop.musicAccess(userId, itemId);
    if (access === 'unknown' || !url) {
      const message = 'musicItemId must name a music item from the shop';
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [
        { field: 'musicItemId', message },
      ]);
    }
    if (access === 'vip_required') throw vipRequired('This music is for yellow-diamond members');
    if (access === 'not_owned') throw itemNotOwned('Buy this music in the shop before applying it');
    return url;
  }

  /** Refuses a catalog theme or skin the user may not apply; free built-in themes are checked by spaces. */
  async assertThemeUsable(userId: string, themeId: string): Promise<void> {
    const access = await this.shop.themeAccess(userId, themeId);
    if (access === 'unknown') {
      const message = 'themeId must name a free theme, or a theme or skin from the shop';
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [
        { field: 'themeId', message },
      ]);
    }
    if (access === 'vip_required') throw vipRequired('This theme is for yellow-diamond members');
    if (access === 'not_owned') throw itemNotOwned('Buy this theme in the shop before applying it');
  }
}
