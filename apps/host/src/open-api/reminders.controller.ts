import { Body, HttpStatus, Post } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import { CreateReminderRequest, ReminderResponse } from './dto/reminders.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';
import { RemindersService } from './reminders.service';

@OpenApiController('reminders', 'reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Under `storage`: a reminder is data the app keeps for its user, handed back to the app later. */
  @Post()
  @RequireScope('storage')
  @Endpoint({
    operationId: 'createReminder',
    summary:
      'Have this app receive an app.reminder event about the user at a chosen time (up to ' +
      `${LIMITS.reminderMaxDaysAhead} days ahead; ${LIMITS.remindersPerUserPerAppPerDay} a day per user)`,
    response: ReminderResponse,
    status: HttpStatus.CREATED,
    problems: openApiProblems(409, 413),
    problemDescriptions: {
      409: "The app's manifest does not list app.reminder among its events (event_not_listed)",
    },
  })
  createReminder(
    @Access() access: AccessContext,
    @Body() body: CreateReminderRequest,
  ): Promise<ReminderResponse> {
    return this.reminders.create(access, body);
  }
}
