import { Body, Post } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import { AppNotificationsService } from './app-notifications.service';
import { SendNotificationRequest } from './dto/app-notifications.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';

@OpenApiController('notifications', 'notifications')
export class AppNotificationsController {
  constructor(private readonly notifications: AppNotificationsService) {}

  @Post()
  @RequireScope('notifications:send')
  @Endpoint({
    operationId: 'sendNotification',
    summary:
      'Tell an app friend of the user something, as a notification from the user through this app ' +
      `(${LIMITS.appNotificationsPerSenderPerAppPerDay} a day per user; the text is moderated)`,
    problems: openApiProblems(404, 422),
  })
  sendNotification(@Access() access: AccessContext, @Body() body: SendNotificationRequest): Promise<void> {
    return this.notifications.send(access, body);
  }
}
