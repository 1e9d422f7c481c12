import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { LIMITS } from '../common/limits';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { UserDirectoryService } from '../profiles/user-directory.service';
import {
  MarkReadRequest,
  MarkReadResponse,
  NotificationPage,
  NotificationQuery,
  NotificationStreamQuery,
  UnreadCountResponse,
} from './dto/notifications.dto';
import { NotificationAppLabels } from './notification-app-labels';
import { notificationSubject } from './notification-subject';
import { NotificationStreams, UNREAD_EVENT } from './notification-streams';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@SessionAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly streams: NotificationStreams,
    private readonly directory: UserDirectoryService,
    private readonly appLabels: NotificationAppLabels,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'listNotifications',
    summary: 'What I have been told, newest first',
    response: NotificationPage,
  })
  async list(@CurrentUser() viewer: AuthUser, @Query() query: NotificationQuery): Promise<NotificationPage> {
    const limit = pageSize(query);
    const rows = await this.notifications.list(viewer.id, {
      limit,
      after: decodeCursor(query.cursor),
      unreadOnly: query.unread === 'true',
    });
    const [people, apps] = await Promise.all([
      this.directory.summaries(rows.flatMap((row) => (row.actor_id ? [row.actor_id] : []))),
      this.appLabels.of(rows.flatMap((row) => (row.app_id ? [row.app_id] : []))),
    ]);
    return toPage(rows, limit, (row) => {
      const subject = notificationSubject(row);
      return {
        id: row.id,
        kind: row.kind,
        actor: row.actor_id ? (people.get(row.actor_id) ?? null) : null,
        subjectType: subject.type,
        subjectId: subject.id,
        postId: row.post_id,
        photoId: row.photo_id,
        app: row.app_id ? (apps.get(row.app_id) ?? null) : null,
        text: row.text,
        link: row.link_url,
        versionNumber: row.version_number,
        read: row.read_at !== null,
        createdAt: new Date(row.created_at).toISOString(),
      };
    });
  }

  @Get('unread-count')
  @Endpoint({
    operationId: 'countUnreadNotifications',
    summary: 'How many notifications I have not read',
    response: UnreadCountResponse,
  })
  async unread(@CurrentUser() viewer: AuthUser): Promise<UnreadCountResponse> {
    return { count: await this.notifications.unreadCount(viewer.id) };
  }

  @Get('stream')
  @Endpoint({
    operationId: 'streamNotifications',
    summary: 'My unread count, live (server-sent events)',
    stream: {
      mediaType: 'text/event-stream',
      description:
        `Server-sent events: \`event: ${UNREAD_EVENT}\` with \`data: {"count": N}\` on connecting and ` +
        'whenever my unread count changes, and a comment line (`: heartbeat`) every ' +
        `${LIMITS.notificationHeartbeatSeconds} seconds. The stream ends when the session does ` +
        '(noticed at the next heartbeat at the latest).',
    },
  })
  stream(
    @CurrentUser() viewer: AuthUser,
    // Takes no parameters: any is refused (400) before the stream opens.
    @Query() _query: NotificationStreamQuery,
    @Res() response: Response,
  ): void {
    this.streams.start(viewer, response);
  }

  @Post('read')
  @Endpoint({
    operationId: 'markNotificationsRead',
    summary: 'Mark some or all notifications read',
    response: MarkReadResponse,
  })
  async markRead(@CurrentUser() viewer: AuthUser, @Body() body: MarkReadRequest): Promise<MarkReadResponse> {
    return {
      updated: await this.notifications.markRead(
        viewer.id,
        body.ids?.map((id) => id.toLowerCase()),
      ),
    };
  }
}
