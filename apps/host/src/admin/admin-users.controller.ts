import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { SetRolesRequest } from '../accounts/dto/accounts.dto';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { pageSize } from '../common/pagination';
import { AdminUsersService } from './admin-users.service';
import {
  AdminUserPage,
  AdminUserQuery,
  AdminUserResponse,
  SuspendUserRequest,
  UnsuspendUserRequest,
} from './dto/admin-users.dto';

/**
 * Suspension is a pair of actions with a reason each, like an app's suspend and reinstate, rather
 * than a resource to PUT and DELETE: both carry a body for the audit log, which DELETE should not.
 */
@ApiTags('admin')
@SessionAuth()
@RequireRole('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @Endpoint({
    operationId: 'listUsersForAdmin',
    summary: 'Accounts matching q by username or nickname (best first), or all, newest first (admins only)',
    response: AdminUserPage,
    problems: [403],
  })
  list(@Query() query: AdminUserQuery): Promise<AdminUserPage> {
    return this.users.list(query.q, pageSize(query), query.cursor);
  }

  @Get(':userId')
  @Endpoint({
    operationId: 'getUserForAdmin',
    summary: 'An account with its roles and suspension (admins only)',
    response: AdminUserResponse,
    problems: [403, 404],
  })
  get(@Param('userId', ParseIdPipe) userId: string): Promise<AdminUserResponse> {
    return this.users.get(userId);
  }

  @Put(':userId/roles')
  @Endpoint({
    operationId: 'setUserRoles',
    summary: "Set a user's roles; nobody removes their own admin role (admins only)",
    response: AdminUserResponse,
    problems: [403, 404, 409],
    problemDescriptions: {
      400: 'Not valid, or my own admin role left out (`cannot_remove_own_admin`)',
      409: "The platform's own account, which owns the built-in apps (`platform_account`)",
    },
  })
  setRoles(
    @CurrentUser() admin: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() body: SetRolesRequest,
  ): Promise<AdminUserResponse> {
    return this.users.setRoles(admin.id, userId, body.roles);
  }

  @Post(':userId/suspend')
  @Endpoint({
    operationId: 'suspendUser',
    summary:
      'Suspend an account: no sign-in, sessions and app tokens stop at once, content hidden from others (admins only)',
    response: AdminUserResponse,
    problems: [403, 404, 409],
    problemDescriptions: {
      409:
        "Already suspended (`already_suspended`), my own account (`cannot_target_self`), or the platform's " +
        'own account, which owns the built-in apps (`platform_account`)',
    },
  })
  suspend(
    @CurrentUser() admin: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() body: SuspendUserRequest,
  ): Promise<AdminUserResponse> {
    return this.users.suspend(admin.id, userId, body.reason);
  }

  @Post(':userId/unsuspend')
  @Endpoint({
    operationId: 'unsuspendUser',
    summary: 'Lift a suspension: the user may sign in again and their content is back (admins only)',
    response: AdminUserResponse,
    problems: [403, 404, 409],
    problemDescriptions: { 409: 'Not suspended (`not_suspended`)' },
  })
  unsuspend(
    @CurrentUser() admin: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() body: UnsuspendUserRequest,
  ): Promise<AdminUserResponse> {
    return this.users.unsuspend(admin.id, userId, body.reason);
  }
}
