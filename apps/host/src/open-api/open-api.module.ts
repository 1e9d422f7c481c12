import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AppCenterModule } from '../app-center/app-center.module';
import { AppsModule } from '../apps/apps.module';
import { EconomyModule } from '../economy/economy.module';
import { EventsModule } from '../events/events.module';
import { GiftsModule } from '../gifts/gifts.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { FriendsModule } from '../friends/friends.module';
import { OAuthModule } from '../oauth/oauth.module';
import { PostsModule } from '../posts/posts.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AppFriendsController } from './app-friends.controller';
import { AppFriendsService } from './app-friends.service';
import { AppNotificationsController } from './app-notifications.controller';
import { AppNotificationsService } from './app-notifications.service';
import { AppStorageService } from './app-storage.service';
import { AppWideStorageController } from './app-wide-storage.controller';
import { AppWideStorageService } from './app-wide-storage.service';
import { BearerTokenGuard } from './bearer-token.guard';
import { AppGiftsController } from './app-gifts.controller';
import { AppGiftsService } from './app-gifts.service';
import { OpenInvitesController } from './invites.controller';
import { OpenInvitesService } from './invites.service';
import { KeyValueStore } from './key-value-store';
import { LimitsController } from './limits.controller';
import { LimitsService } from './limits.service';
import { MeController } from './me.controller';
import { openApiCors } from './open-api-cors';
import { OPEN_API_PREFIX } from './open-api.decorators';
import { OpenApiUsage } from './open-api-usage';
import { OpenProfilesService } from './open-profiles.service';
import { OpenApiRateLimiter } from './rate-limiter';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { StorageController } from './storage.controller';
import { StorageRepository } from './storage.repository';
import { StoriesController } from './stories.controller';
import { StoriesService } from './stories.service';
import { TextChecksController } from './text-checks.controller';
import { UsageRepository } from './usage.repository';

/**
 * The Open API v1 (`/open/v1`): what third-party apps and built-in plugins call with an OAuth access
 * token. Documented on its own in openapi/open-platform.json.
 */
@Module({
  imports: [
    OAuthModule,
    AppsModule,
    AppCenterModule,
    FriendsModule,
    PostsModule,
    ProfilesModule,
    EconomyModule,
    EventsModule,
    GiftsModule,
    ModerationModule,
    NotificationsModule,
  ],
  controllers: [
    MeController,
    AppFriendsController,
    StoriesController,
    StorageController,
    AppWideStorageController,
    AppGiftsController,
    AppNotificationsController,
    OpenInvitesController,
    RemindersController,
    TextChecksController,
    LimitsController,
  ],
  providers: [
    BearerTokenGuard,
    OpenApiRateLimiter,
    OpenApiUsage,
    UsageRepository,
    OpenProfilesService,
    AppFriendsService,
    StoriesService,
    AppStorageService,
    KeyValueStore,
    StorageRepository,
    AppWideStorageService,
    AppGiftsService,
    AppNotificationsService,
    OpenInvitesService,
    RemindersService,
    LimitsService,
  ],
  // Other modules (orders, plugins) serve Open API operations of their own with the same guard, limits and
  // usage counts; the developer usage page reads the counts and the limits.
  exports: [BearerTokenGuard, OpenApiRateLimiter, OpenApiUsage, UsageRepository, OAuthModule, AppsModule],
})
export class OpenApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(openApiCors).forRoutes({ path: `${OPEN_API_PREFIX}/*path`, method: RequestMethod.ALL });
  }
}
