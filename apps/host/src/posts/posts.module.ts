import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AppsModule } from '../apps/apps.module';
import { EconomyModule } from '../economy/economy.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { InteractionsRepository } from './interactions.repository';
import { InteractionsService } from './interactions.service';
import { PostActivities } from './post-activity';
import { PostPhotos } from './post-photos';
import { PostStoriesService } from './post-stories.service';
import { PostViewsService } from './post-views.service';
import { PostsModeration } from './posts-moderation';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { AuthorPagesService } from './author-pages.service';
import { PostsService } from './posts.service';
import { Comment } from './comment.entity';
import { PostLike } from './post-like.entity';
import { Post } from './post.entity';

@Module({
  imports: [
    MikroOrmModule.forFeature([Comment, PostLike, Post]),
    AccountsModule,
    PrivacyModule,
    NotificationsModule,
    ProfilesModule,
    EconomyModule,
    ModerationModule,
    AppsModule,
  ],
  controllers: [PostsController],
  providers: [
    PostsService,
    AuthorPagesService,
    PostStoriesService,
    PostViewsService,
    PostsModeration,
    InteractionsService,
    PostActivities,
    PostPhotos,
    PostsRepository,
    InteractionsRepository,
  ],
  exports: [
    PostsService,
    PostStoriesService,
    PostViewsService,
    InteractionsService,
    PostActivities,
    PostPhotos,
  ],
})
export class PostsModule {}
