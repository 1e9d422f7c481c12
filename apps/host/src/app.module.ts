import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { AlbumsModule } from './albums/albums.module';
import { AppCenterModule } from './app-center/app-center.module';
import { AppsModule } from './apps/apps.module';
import { AuditModule } from './audit/audit.module';
import type { Clock } from './common/clock';
import type { HostConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { EconomyModule } from './economy/economy.module';
import { EventsModule } from './events/events.module';
import { FeedModule } from './feed/feed.module';
import { FriendsModule } from './friends/friends.module';
import { GiftsModule } from './gifts/gifts.module';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness.service';
import { MetricsModule } from './metrics/metrics.module';
import { ModerationModule } from './moderation/moderation.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OAuthModule } from './oauth/oauth.module';
import { AppUsageModule } from './open-api/app-usage.module';
import { OpenApiModule } from './open-api/open-api.module';
import { OrdersModule } from './orders/orders.module';
import { PluginsModule } from './plugins/plugins.module';
import { PostsModule } from './posts/posts.module';
import { SharedStoreModule } from './shared-store/shared-store.module';
import { SpacesModule } from './spaces/spaces.module';

@Module({})
export class AppModule {
  static forRoot(config: HostConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        MetricsModule,
        DatabaseModule,
        SharedStoreModule,
        EventsModule,
        // Express tries routes in the order they are registered, one regular expression each: first, the
        // Open API that apps call on every request they serve matches at about the 25th route of ~200 rather
        // than the 155th (no two routes that can match the same path change order).
        OpenApiModule,
        AccountsModule,
        // Before the modules with /users/{userId}/… routes (posts, albums): Express matches in the
        // order routes are registered, and /users/by-username/{username} must win for "posts".
        SpacesModule,
        FriendsModule,
        PostsModule,
        AlbumsModule,
        FeedModule,
        NotificationsModule,
        GiftsModule,
        EconomyModule,
        ModerationModule,
        AppsModule,
        AuditModule,
        AdminModule,
        OAuthModule,
        AppUsageModule,
        AppCenterModule,
        OrdersModule,
        PluginsModule,
        DemoModule,
        ApiDocsModule,
      ],
      controllers: [HealthController],
      providers: [Readiness],
    };
  }
}
