import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { UserSummary } from '../../profiles/user-directory.service';

export class SendFriendRequestRequest {
  @ApiProperty({ format: 'uuid', description: 'Who to befriend' })
  @IsUUID()
  userId!: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.friendRequestNoteMax,
    description: 'A short note shown with the request',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.friendRequestNoteMax)
  note?: string;
}

export class FriendRequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], default: 'incoming' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';
}

export class FriendRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserSummary }) from!: UserSummary;
  @ApiProperty({ type: UserSummary }) to!: UserSummary;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'cancelled'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FriendRequestPage extends PageInfo {
  @ApiProperty({ type: [FriendRequestResponse] }) items!: FriendRequestResponse[];
}

export class FriendResponse {
  @ApiProperty({ type: UserSummary }) user!: UserSummary;
  @ApiProperty({ format: 'date-time', description: 'When the friendship began' }) since!: string;
}

export class FriendPage extends PageInfo {
  @ApiProperty({ type: [FriendResponse] }) items!: FriendResponse[];
}

export class FriendGroupNameRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.friendGroupNameMax, example: 'classmates' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.friendGroupNameMax)
  name!: string;
}

export class FriendGroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [UserSummary] }) members!: UserSummary[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FriendGroupList {
  @ApiProperty({ type: [FriendGroupResponse] }) items!: FriendGroupResponse[];
}

export class BlockResponse {
  @ApiProperty({ type: UserSummary }) user!: UserSummary;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class BlockList {
  @ApiProperty({ type: [BlockResponse] }) items!: BlockResponse[];
}
