import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { ProfilesRepository } from './profiles.repository';
import { Space } from './space.entity';

/**
 * A user's space row (profile and decoration) for the space page: how it looks before the first change
 * and how a change is stored. What may change, and how, is the space page's rule (SpacesService).
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: ProfilesRepository,
    private readonly accounts: AccountsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The user's space row; null until their first change. */
  find(userId: string): Promise<Space | null> {
    return this.repository.find(userId);
  }

  /** How a space looks before its owner changed anything. */
  defaults(userId: string, username: string, now: Date): Space {
    return Object.assign(new Space(), { userId, nickname: username, updatedAt: now });
  }

  /** The user's own space, with a change applied; the first change creates the row. */
  async edit(userId: string, change: (space: Space) => void): Promise<Space> {
    const user = await this.accounts.getUser(userId);
    return this.em.transactional(async () => {
      const now = this.clock.now();
      const initial = this.defaults(userId, user.username, now);
      // Insert-or-keep first, so two first edits racing each other both end as updates of one row.
      await this.repository.insertIfMissing(initial, now);
      const space = await this.repository.reload(userId);
      change(space);
      space.updatedAt = now;
      await this.em.flush();
      return space;
    });
  }
}
