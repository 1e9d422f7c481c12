import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { OAuthModule } from '../oauth/oauth.module';
import { PluginBreakersService } from './plugin-breakers.service';
import { PluginBridge } from './plugin-bridge';
import { AdminPluginsController, PluginCanvasController, PluginRoutesController } from './plugins.controller';
import { PluginStateRepository } from './plugin-state.repository';
import { PluginsService } from './plugins.service';

/** Built-in apps as sandboxed plugins: the supervisor, its worker processes and plugin routes. */
@Module({
  imports: [AppsModule, AuditModule, EventsModule, OAuthModule],
  // Plugin routes first: `/apps/<id>/api/...` must not fall through to the canvas files.
  controllers: [PluginRoutesController, AdminPluginsController, PluginCanvasController],
  providers: [PluginsService, PluginBreakersService, PluginBridge, PluginStateRepository],
  exports: [PluginsService],
})
export class PluginsModule {}
