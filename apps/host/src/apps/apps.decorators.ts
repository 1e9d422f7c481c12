import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireRole, SessionAuth } from '../accounts/auth.decorators';
import type { Role } from '../accounts/user.entity';
import { Endpoint, type EndpointOptions } from '../common/endpoint.decorator';

/** A controller of the apps API for signed-in users (developers, admins or any user); paths start with `prefix`. */
export const AppsController = (prefix: string) =>
  applyDecorators(ApiTags('apps'), SessionAuth(), Controller(prefix));

/** A route only users holding `role` may call; it documents the 403 everyone else gets. */
const roleEndpoint =
  (role: Role) =>
  (options: EndpointOptions): MethodDecorator =>
    applyDecorators(
      RequireRole(role),
      Endpoint({ ...options, problems: [403, ...(options.problems ?? [])] }),
    );

/** A developer's route for the apps they own. */
export const DeveloperEndpoint = roleEndpoint('developer');

/** An admin's route for reviewing, suspending and reinstating apps. */
export const AdminEndpoint = roleEndpoint('admin');
