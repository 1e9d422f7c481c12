import { ApiProperty } from '@nestjs/swagger';
import { PageInfo } from '../../common/pagination';
import { CommentResponse, PostResponse } from '../../posts/dto/posts.dto';
import { UserSummary } from '../../profiles/user-directory.service';

export class FeedItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['posted', 'reposted', 'commented'] }) verb!: string;
  @ApiProperty({ type: UserSummary }) actor!: UserSummary;
  @ApiProperty({ type: PostResponse }) post!: PostResponse;
  @ApiProperty({ type: CommentResponse, nullable: true, description: 'For "commented": the comment' })
  comment!: CommentResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FeedPage extends PageInfo {
  @ApiProperty({ type: [FeedItemResponse] }) items!: FeedItemResponse[];
}
