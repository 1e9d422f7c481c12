import { ApiProperty } from '@nestjs/swagger';
import { PageInfo } from '../../common/pagination';
import { PostApp } from '../../common/post-app.dto';
import { UserSummary } from '../../profiles/user-directory.service';

export class GiftThanks {
  @ApiProperty({ description: 'What the recipient wrote back' }) message!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A gift on a gift wall, as people see it in the host. */
export class GiftWallItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'Null once the sender left Kongjian' })
  sender!: UserSummary | null;
  @ApiProperty({ type: PostApp, nullable: true, description: 'The app it was sent with; null once deleted' })
  app!: PostApp | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: GiftThanks, nullable: true }) thanks!: GiftThanks | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class GiftWallPage extends PageInfo {
  @ApiProperty({ type: [GiftWallItem], description: 'Newest first' }) items!: GiftWallItem[];
}
