import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { PostApp } from '../../common/post-app.dto';
import { UserSummary } from '../../profiles/user-directory.service';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification.entity';
import { NOTIFICATION_SUBJECT_TYPES, type NotificationSubjectType } from '../notification-subject';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread notifications' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

/** The live stream takes no query parameters. */
export class NotificationStreamQuery {}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({
    type: UserSummary,
    nullable: true,
    description: 'Who did it; null when the platform tells (decisions about my apps)',
  })
  actor!: UserSummary | null;
  @ApiProperty({
    enum: NOTIFICATION_SUBJECT_TYPES,
    description:
      'What subjectId names: a friend request, a comment (on postId or photoId), a post or photo (likes), ' +
      "a message on the recipient's own board, a gift, an order, or an app (invites, app messages, and " +
      "admins' decisions about the recipient's own app)",
  })
  subjectType!: NotificationSubjectType;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The subject of subjectType',
  })
  subjectId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The post a comment, reply or like is on',
  })
  postId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The photo a comment, reply or like is on',
  })
  photoId!: string | null;
  @ApiProperty({
    type: PostApp,
    nullable: true,
    description: 'The app that sent it, or that an admin decided about (app kinds only)',
  })
  app!: PostApp | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "What the app wrote: its message, a gift's name, the thanks (app kinds only); for decisions about " +
      "the recipient's app, the admin's reason",
  })
  text!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where an app message leads (https)' })
  link!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The version of the app (subjectId) an approval or rejection was about',
  })
  versionNumber!: number | null;
  @ApiProperty() read!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NotificationPage extends PageInfo {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
}

export class UnreadCountResponse {
  @ApiProperty() count!: number;
}

export class MarkReadRequest {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Omit to mark everything read' })
  // Only an absent list means "everything": an explicit null is a mistake, not a wildcard.
  @ValidateIf((request: MarkReadRequest) => request.ids !== undefined)
  @IsArray()
  @ArrayMaxSize(LIMITS.pageSizeMax)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class MarkReadResponse {
  @ApiProperty({ description: 'How many notifications became read' }) updated!: number;
}
