import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { FeedController } from './feed.controller';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';
import { FeedEntry } from './feed-entry.entity';

@Module({
  imports: [MikroOrmModule.forFeature([FeedEntry]), PostsModule],
  controllers: [FeedController],
  providers: [FeedService, FeedRepository],
})
export class FeedModule {}
