import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';

@Module({
  imports: [PostsModule, PrivacyModule],
  controllers: [FeedController],
  providers: [FeedService],
})
export class FeedModule {}
