import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PageInfo } from '../../common/pagination';
import { OPENID_DESCRIPTION } from './open-api.dto';

export class SendInviteRequest {
  @ApiProperty({
    description: 'The openid of a friend of the user who does not use this app (from GET /invitable-friends)',
  })
  @IsString()
  @MaxLength(128)
  to!: string;
}

/** An invite from the token's user to a friend, pending until the friend installs the app. */
export class OpenInvite {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The openid of the user who invited (the token’s user)' }) inviter!: string;
  @ApiProperty({ description: 'The openid of the friend invited: the one they will have once they install' })
  invitee!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InvitableFriend {
  @ApiProperty({ description: OPENID_DESCRIPTION }) openid!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) headPortraitUrl!: string | null;
  @ApiProperty({ description: 'Whether the user’s invite to them is pending (inviting again sends nothing)' })
  invited!: boolean;
}

export class InvitableFriendPage extends PageInfo {
  @ApiProperty({ type: [InvitableFriend], description: 'Ordered by openid' }) items!: InvitableFriend[];
}
