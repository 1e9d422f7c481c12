import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AlbumsModule } from '../albums/albums.module';
import { AppCenterModule } from '../app-center/app-center.module';
import { AppsModule } from '../apps/apps.module';
import { EconomyModule } from '../economy/economy.module';
import { FriendsModule } from '../friends/friends.module';
import { PostsModule } from '../posts/posts.module';
import { SpacesModule } from '../spaces/spaces.module';
import { DemoService } from './demo.service';

@Module({
  imports: [
    AccountsModule,
    AlbumsModule,
    AppsModule,
    AppCenterModule,
    FriendsModule,
    PostsModule,
    SpacesModule,
    EconomyModule,
  ],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
