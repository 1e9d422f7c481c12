import { ApiProperty } from '@nestjs/swagger';
import { EVENT_TYPES, type EventType } from '../event-types';
import type { DeliveryStatus } from '../webhooks.service';

const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed', 'undeliverable'];

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The event id, sent as Kongjian-Event-Id on every attempt' })
  eventId!: string;
  @ApiProperty({ enum: EVENT_TYPES }) type!: EventType;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description:
      'pending: not yet delivered, retried with backoff; delivered: a receiver answered 2xx; failed: gave up ' +
      'after a day of retries; undeliverable: the app had no webhook URL',
  })
  status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set while pending' })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' })
  lastError!: string | null;
}

export class WebhookResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The app's webhook URL; null: events are not sent",
  })
  url!: string | null;
  @ApiProperty({ description: 'Signs every webhook (Kongjian-Signature); verify it with the SDK' })
  secret!: string;
  @ApiProperty({
    enum: ['healthy', 'unhealthy'],
    description: 'unhealthy: an event failed after a day of retries, and no delivery succeeded since',
  })
  health!: 'healthy' | 'unhealthy';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) unhealthySince!: string | null;
  @ApiProperty({ type: [WebhookDeliveryResponse], description: 'The latest events, newest first' })
  deliveries!: WebhookDeliveryResponse[];
}

export class WebhookSecretResponse {
  @ApiProperty({ description: 'The new signing secret; webhooks sent from now on are signed with it' })
  secret!: string;
}

export class UnhealthyWebhookResponse {
  @ApiProperty({ format: 'uuid' }) appId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ type: String, nullable: true }) webhookUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) unhealthySince!: string;
  @ApiProperty({ description: 'Events that gave up in the last day' }) recentFailures!: number;
}

export class UnhealthyWebhookListResponse {
  @ApiProperty({ type: [UnhealthyWebhookResponse] }) items!: UnhealthyWebhookResponse[];
}
