import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo } from '../../common/pagination';
import { ModerationStatus, ModerationStatusProperty } from '../../moderation/dto/moderation.dto';
import { AudienceChange, AudienceFields } from '../../privacy/dto/audience.dto';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../../common/privacy-level';
import { UserSummary } from '../../profiles/user-directory.service';
import { PHOTO_FORMATS, PHOTO_SIZES, type PhotoSize } from '../../images/image-processing';
import { imageFilePart } from '../../images/image-http';

export class CreateAlbumRequest extends AudienceFields {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.albumTitleMax })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.albumTitleMax)
  title!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.albumDescriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.albumDescriptionMax)
  description?: string;
}

export class UpdateAlbumRequest extends AudienceChange {
  @ApiPropertyOptional({ minLength: 1, maxLength: LIMITS.albumTitleMax })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.albumTitleMax)
  title?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.albumDescriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.albumDescriptionMax)
  description?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A photo of this album; null shows the newest photo',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsUUID()
  coverPhotoId?: string | null;
}

/** The text fields of an upload (multipart fields next to `file`), and of a photo edit. */
export class PhotoTextFields {
  @ApiPropertyOptional({ maxLength: LIMITS.photoTitleMax })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.photoTitleMax)
  title?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.photoDescriptionMax })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.photoDescriptionMax)
  description?: string;
}

export class UpdatePhotoRequest extends PhotoTextFields {}

/** The multipart body of an upload, for the OpenAPI document. */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: imageFilePart(LIMITS.photoFileBytes),
    title: { type: 'string', maxLength: LIMITS.photoTitleMax },
    description: { type: 'string', maxLength: LIMITS.photoDescriptionMax },
  },
};

export class PhotoFileQuery {
  @ApiPropertyOptional({ enum: PHOTO_SIZES, default: 'web' })
  @IsOptional()
  @IsIn(PHOTO_SIZES)
  size?: PhotoSize;
}

export class AlbumResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserSummary }) owner!: UserSummary;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PRIVACY_LEVELS }) privacy!: PrivacyLevel;
  @ApiPropertyOptional({ type: [String], description: 'Chosen groups; shown to the owner only' })
  groupIds?: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The cover the owner chose' })
  coverPhotoId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Thumbnail of the cover (or the newest photo) the viewer may see; null for an empty album',
  })
  coverUrl!: string | null;
  @ApiProperty({ description: 'Photos the viewer may see' }) photoCount!: number;
  @ModerationStatusProperty('owner')
  moderation?: ModerationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AlbumPage extends PageInfo {
  @ApiProperty({ type: [AlbumResponse] }) items!: AlbumResponse[];
}

export class PhotoResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) albumId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The mood it is on' })
  postId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PHOTO_FORMATS, description: 'Recognised from the content' }) format!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty({ description: 'Storage the three files use (counted against the quota)' }) bytes!: number;
  @ApiProperty({ description: 'Checked route; the session cookie works for <img>' }) thumbUrl!: string;
  @ApiProperty() webUrl!: string;
  @ApiProperty() originalUrl!: string;
  @ApiProperty() likeCount!: number;
  @ApiProperty() commentCount!: number;
  @ApiProperty() likedByMe!: boolean;
  @ModerationStatusProperty('owner')
  moderation?: ModerationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PhotoPage extends PageInfo {
  @ApiProperty({ type: [PhotoResponse] }) items!: PhotoResponse[];
}

export class PhotoCommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ModerationStatusProperty('author')
  moderation?: ModerationStatus;
}

export class PhotoCommentPage extends PageInfo {
  @ApiProperty({ type: [PhotoCommentResponse] }) items!: PhotoCommentResponse[];
}

export class StorageUsageResponse {
  @ApiProperty({ description: 'Bytes my photos use' }) usedBytes!: number;
  @ApiProperty({ description: 'Bytes I may use, by VIP level' }) quotaBytes!: number;
}
