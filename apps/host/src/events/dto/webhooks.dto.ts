import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { DELIVERED_EVENT_TYPES, type DeliveredEventType, TEST_EVENT_TYPE } from '../event-types';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../events.repository';

export class WebhookDeliveryResponse {
  @ApiProperty({
    format: 'uuid',
    description:
      'The event id, sent as Kongjian-Event-Id on every attempt (and redelivery); names the delivery',
  })
  eventId!: string;
  @ApiProperty({ enum: DELIVERED_EVENT_TYPES, description: `${TEST_EVENT_TYPE}: a test event I sent` })
  type!: DeliveredEventType;
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
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The HTTP status the receiver answered the last attempt with; null when it did not answer',
  })
  lastStatusCode!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: LIMITS.webhookResponseExcerptMax,
    description: `The start of the receiver's last answer (at most ${LIMITS.webhookResponseExcerptMax} characters)`,
  })
  lastResponseExcerpt!: string | null;
}

export class WebhookDeliveryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this state' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class WebhookDeliveryPage extends PageInfo {
  @ApiProperty({ type: [WebhookDeliveryResponse], description: 'Newest first' })
  items!: WebhookDeliveryResponse[];
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
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the latest event that gave up failed its last attempt',
  })
  lastError!: string | null;
}

export class UnhealthyWebhookListResponse {
  @ApiProperty({ type: [UnhealthyWebhookResponse] }) items!: UnhealthyWebhookResponse[];
}
