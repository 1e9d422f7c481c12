import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import type { Role, User } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, toPage } from '../common/pagination';
import { notFound } from '../common/problem';
import { nonBlank } from '../common/text';
import { iso } from '../common/time';
import { NotificationsService } from '../notifications/notifications.service';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { PeopleService } from '../spaces/people.service';
import type { AdminUserPage, AdminUserResponse } from './dto/admin-users.dto';

/**
 * What admins do with accounts: find and look at them, set roles, suspend and unsuspend. The accounts
 * module keeps the rules; this service runs each change in one transaction with its audit entry.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly people: PeopleService,
    private readonly directory: UserDirectoryService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Accounts matching `q` (best matches first, as people search ranks them), or all, newest first. */
  async list(q: string | undefined, limit: number, cursor: string | undefined): Promise<AdminUserPage> {
    const page =
      q === undefined ? await this.newest(limit, cursor) : await this.people.searchAccounts(q, limit, cursor);
    const users = new Map((await this.accounts.usersByIds(page.ids)).map((user) => [user.id, user]));
    return {
      items: await this.responses(page.ids.flatMap((id) => users.get(id) ?? [])),
      nextCursor: page.nextCursor,
    };
  }

  private async newest(limit: number, cursor: string | undefined) {
    const page = toPage(
      await this.accounts.listAccounts(limit, decodeCursor(cursor)),
      limit,
      (row) => row.id,
    );
    return { ids: page.items, nextCursor: page.nextCursor };
  }

  async get(userId: string): Promise<AdminUserResponse> {
    const [user] = await this.accounts.usersByIds([userId]);
    if (!user) throw notFound('User');
    return (await this.responses([user]))[0];
  }

  async setRoles(adminId: string, userId: string, roles: Role[]): Promise<AdminUserResponse> {
    await this.em.transactional(async () => {
      const { user, previous } = await this.accounts.setRoles(adminId, userId, roles);
      await this.audit.record({
        actorId: adminId,
        action: 'user.roles_set',
        subject: { type: 'user', id: userId },
        details: { roles: user.roles, previousRoles: previous },
      });
    });
    return this.get(userId);
  }

  async suspend(adminId: string, userId: string, reason: string): Promise<AdminUserResponse> {
    const why = nonBlank(reason, 'reason');
    await this.em.transactional(async () => {
      await this.accounts.suspend(adminId, userId, why);
      await this.notifications.actorStandingChanged(userId);
      await this.audit.record({
        actorId: adminId,
        action: 'user.suspend',
        subject: { type: 'user', id: userId },
        reason: why,
      });
    });
    return this.get(userId);
  }

  async unsuspend(adminId: string, userId: string, reason: string | undefined): Promise<AdminUserResponse> {
    await this.em.transactional(async () => {
      const { suspendedAt } = await this.accounts.unsuspend(userId);
      await this.notifications.actorStandingChanged(userId);
      await this.audit.record({
        actorId: adminId,
        action: 'user.unsuspend',
        subject: { type: 'user', id: userId },
        reason,
        details: { suspendedAt: iso(suspendedAt) },
      });
    });
    return this.get(userId);
  }

  private async responses(users: User[]): Promise<AdminUserResponse[]> {
    const people = await this.directory.summaries(
      users.flatMap((user) => [user.id, ...(user.suspendedBy ? [user.suspendedBy] : [])]),
    );
    return users.map((user) => ({
      ...people.get(user.id)!,
      roles: user.roles,
      createdAt: iso(user.createdAt),
      suspension: user.suspendedAt
        ? {
            suspendedAt: iso(user.suspendedAt),
            reason: user.suspensionReason ?? '',
            suspendedBy: (user.suspendedBy && people.get(user.suspendedBy)) || null,
          }
        : null,
    }));
  }
}
