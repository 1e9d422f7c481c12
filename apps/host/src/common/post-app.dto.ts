import { ApiProperty } from '@nestjs/swagger';

/**
 * An app as users see it where something came from it: a story (posts), a gift (gifts), a notification
 * (notifications). Here below those modules so each can describe it; the name is the API schema's, kept
 * from when only stories had one.
 */
export class PostApp {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) iconUrl!: string | null;
}
