import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { PostApp } from '../../common/post-app.dto';
import { ModerationStatus, ModerationStatusProperty } from '../../moderation/dto/moderation.dto';
import { AudienceChange, AudienceFields } from '../../privacy/dto/audience.dto';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../../common/privacy-level';
import { UserSummary } from '../../profiles/user-directory.service';
import type { PostKind } from '../post.entity';

export class CreateMoodRequest extends AudienceFields {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.moodTextMax, description: 'Plain text' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.moodTextMax)
  text!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: LIMITS.moodPhotosMax,
    description: 'My uploaded photos (POST /photos) not yet on a mood or in an album; they follow the mood',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.moodPhotosMax)
  @IsUUID('all', { each: true })
  photoIds?: string[];
}

export class CreateBlogRequest extends AudienceFields {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.blogTitleMax })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.blogTitleMax)
  title!: string;

  @ApiProperty({ maxLength: LIMITS.blogBodyMax, description: 'Rich text as HTML; sanitized on save' })
  @IsString()
  @MaxLength(LIMITS.blogBodyMax)
  body!: string;
}

export class CreateRepostRequest extends AudienceFields {
  @ApiPropertyOptional({ maxLength: LIMITS.repostCommentMax, description: 'What I say about it' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.repostCommentMax)
  text?: string;
}

export class UpdatePostRequest extends AudienceChange {
  @ApiPropertyOptional({ maxLength: LIMITS.moodTextMax, description: 'Moods and reposts' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moodTextMax)
  text?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.blogTitleMax, description: 'Blogs only' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.blogTitleMax)
  title?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.blogBodyMax, description: 'Blogs only' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.blogBodyMax)
  body?: string;
}

const POST_KINDS = ['mood', 'blog', 'repost', 'story'] as const;

export class PostListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: POST_KINDS })
  @IsOptional()
  @IsIn(POST_KINDS)
  kind?: PostKind;
}

export class OriginalPostResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['mood', 'blog', 'story'] }) kind!: string;
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: PostApp, nullable: true, description: 'Stories: the app that posted it' })
  app!: PostApp | null;
  @ApiProperty({ type: String, nullable: true, description: 'Stories: a link the app attached' })
  linkUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Stories: an image the app attached' })
  imageUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PostPhotoResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ description: 'Thumbnail (checked route; the session cookie works for <img>)' })
  thumbUrl!: string;
  @ApiProperty({ description: 'Web-size copy' }) webUrl!: string;
  @ApiProperty({ description: 'Full size, metadata stripped' }) originalUrl!: string;
}

export class PostResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: POST_KINDS, description: 'A story is posted by an app for its user' })
  kind!: string;
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty({ type: String, nullable: true, description: 'Blogs only' }) title!: string | null;
  @ApiProperty({ description: 'Mood or story text, sanitized blog HTML, or the repost comment' })
  body!: string;
  @ApiProperty({
    type: PostApp,
    nullable: true,
    description: 'Stories: the app that posted it (null for other posts, or once the app is deleted)',
  })
  app!: PostApp | null;
  @ApiProperty({ type: String, nullable: true, description: 'Stories: an https link the app attached' })
  linkUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Stories: an https image the app attached' })
  imageUrl!: string | null;
  @ApiProperty({ enum: PRIVACY_LEVELS }) privacy!: PrivacyLevel;
  @ApiPropertyOptional({ type: [String], description: 'Chosen groups; shown to the author only' })
  groupIds?: string[];
  @ApiProperty({
    type: OriginalPostResponse,
    nullable: true,
    description: 'For reposts: the original, if the viewer may see it',
  })
  original!: OriginalPostResponse | null;
  @ApiProperty({ description: 'For reposts: the original was deleted or is not visible to the viewer' })
  originalUnavailable!: boolean;
  @ApiProperty() likeCount!: number;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ description: 'Reposts the viewer may see' }) repostCount!: number;
  @ApiProperty() likedByMe!: boolean;
  @ApiProperty({ type: [PostPhotoResponse], description: "A mood's photos (up to 9), in upload order" })
  photos!: PostPhotoResponse[];
  @ModerationStatusProperty('author', 'the post')
  moderation?: ModerationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PostPage extends PageInfo {
  @ApiProperty({ type: [PostResponse] }) items!: PostResponse[];
}

export class CreateCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.commentMax })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.commentMax)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reply to this top-level comment of the same post' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) postId!: string;
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ModerationStatusProperty('author', 'the comment')
  moderation?: ModerationStatus;
}

export class CommentPage extends PageInfo {
  @ApiProperty({ type: [CommentResponse] }) items!: CommentResponse[];
}

export class LikeResponse {
  @ApiProperty() liked!: boolean;
  @ApiProperty() likeCount!: number;
}
