import { Module } from '@nestjs/common';
import { AppUsageController } from './app-usage.controller';
import { AppUsageService } from './app-usage.service';
import { OpenApiModule } from './open-api.module';

/**
 * The developer's usage page. A module of its own because it is first-party API (openapi/host.json),
 * while OpenApiModule's routes make the open-platform document.
 */
@Module({
  imports: [OpenApiModule],
  controllers: [AppUsageController],
  providers: [AppUsageService],
})
export class AppUsageModule {}
