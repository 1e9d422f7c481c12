import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { iso } from '../common/time';
import { UnhealthyWebhookListResponse, WebhookResponse, WebhookSecretResponse } from './dto/webhooks.dto';
import { WebhooksService } from './webhooks.service';

const isoOrNull = (value: Date | null): string | null => (value === null ? null : iso(value));

@ApiTags('webhooks')
@SessionAuth()
@Controller()
export class EventsController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('developer/apps/:appId/webhook')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'getAppWebhook',
    summary: "The app's webhook: URL, signing secret, health and recent deliveries",
    response: WebhookResponse,
    problems: [403, 404],
  })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<WebhookResponse> {
    const webhook = await this.webhooks.overview(user.id, appId);
    return {
      url: webhook.url,
      secret: webhook.secret,
      health: webhook.unhealthySince ? 'unhealthy' : 'healthy',
      unhealthySince: isoOrNull(webhook.unhealthySince),
      deliveries: webhook.deliveries.map((delivery) => ({
        eventId: delivery.eventId,
        type: delivery.type,
        status: delivery.status,
        attempts: delivery.attempts,
        createdAt: iso(delivery.createdAt),
        lastAttemptAt: isoOrNull(delivery.lastAttemptAt),
        nextAttemptAt: isoOrNull(delivery.nextAttemptAt),
        deliveredAt: isoOrNull(delivery.deliveredAt),
        lastError: delivery.lastError,
      })),
    };
  }

  @Post('developer/apps/:appId/webhook/secret')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'rotateAppWebhookSecret',
    summary: 'Replace the webhook signing secret; webhooks sent from now on use the new one',
    response: WebhookSecretResponse,
    problems: [403, 404],
  })
  async rotateSecret(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<WebhookSecretResponse> {
    return { secret: await this.webhooks.rotateSecret(user.id, appId) };
  }

  @Get('admin/webhooks/unhealthy')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'listUnhealthyWebhooks',
    summary: 'Apps whose webhooks gave up after a day of retries, most recent first',
    response: UnhealthyWebhookListResponse,
    problems: [403],
  })
  async unhealthy(): Promise<UnhealthyWebhookListResponse> {
    const apps = await this.webhooks.unhealthyApps();
    return { items: apps.map((app) => ({ ...app, unhealthySince: iso(app.unhealthySince) })) };
  }
}
