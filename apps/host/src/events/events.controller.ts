import { Controller, Get, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, pageSize } from '../common/pagination';
import { iso } from '../common/time';
import {
  UnhealthyWebhookListResponse,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookDeliveryResponse,
  WebhookResponse,
  WebhookSecretResponse,
} from './dto/webhooks.dto';
import { type Delivery, WebhooksService } from './webhooks.service';

const isoOrNull = (value: Date | null): string | null => (value === null ? null : iso(value));

function toDeliveryResponse(delivery: Delivery): WebhookDeliveryResponse {
  return {
    ...delivery,
    createdAt: iso(delivery.createdAt),
    lastAttemptAt: isoOrNull(delivery.lastAttemptAt),
    nextAttemptAt: isoOrNull(delivery.nextAttemptAt),
    deliveredAt: isoOrNull(delivery.deliveredAt),
  };
}

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
      deliveries: webhook.deliveries.map(toDeliveryResponse),
    };
  }

  @Get('developer/apps/:appId/webhook/deliveries')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'listAppWebhookDeliveries',
    summary:
      "The app's delivery log, newest first: each event's attempts, the receiver's last answer and the next retry",
    response: WebhookDeliveryPage,
    problems: [403, 404],
  })
  async deliveries(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Query() query: WebhookDeliveryQuery,
  ): Promise<WebhookDeliveryPage> {
    const page = await this.webhooks.deliveries(
      user.id,
      appId,
      pageSize(query),
      decodeCursor(query.cursor),
      query.status,
    );
    return { items: page.items.map(toDeliveryResponse), nextCursor: page.nextCursor };
  }

  @Post('developer/apps/:appId/webhook/deliveries/:eventId/redeliver')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'redeliverAppWebhookEvent',
    summary:
      'Send a delivered, failed or undeliverable event again, with the same id, in a fresh round of retries',
    response: WebhookDeliveryResponse,
    status: HttpStatus.ACCEPTED,
    problems: [403, 404, 409],
    problemDescriptions: { 409: 'The event is still being delivered (delivery_pending)' },
  })
  async redeliver(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('eventId', ParseIdPipe) eventId: string,
  ): Promise<WebhookDeliveryResponse> {
    return toDeliveryResponse(await this.webhooks.redeliver(user.id, appId, eventId));
  }

  @Post('developer/apps/:appId/webhook/test')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'sendAppWebhookTestEvent',
    summary:
      'Send a webhook.test event to the app’s webhook, signed and retried like any event (one at a time)',
    response: WebhookDeliveryResponse,
    status: HttpStatus.ACCEPTED,
    problems: [403, 404, 409],
    problemDescriptions: {
      409: 'The app has no webhook URL (webhook_missing), or a test event is still on its way (delivery_pending)',
    },
  })
  async sendTest(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<WebhookDeliveryResponse> {
    return toDeliveryResponse(await this.webhooks.sendTest(user.id, appId));
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
