import { Injectable } from '@nestjs/common';
import {
  type AppWebhook,
  type EventTargets,
  EventTargetsPort,
  type SharedAuthorization,
} from '../events/event-targets';
import { AppRegistry } from './app-registry.service';
import { appTakingEvent, UNHEALTHY_WEBHOOK_APPS } from './apps.fragments';
import { EventTargetsRepository } from './event-targets.repository';

/**
 * Apps as the receivers of events, for the events module (see EventTargets): events sits below apps, which
 * publishes events, so it declares what it needs and this service plugs itself in when the host starts.
 */
@Injectable()
export class EventTargetsService implements EventTargets {
  readonly unhealthyWebhookApps = UNHEALTHY_WEBHOOK_APPS;

  constructor(
    private readonly repository: EventTargetsRepository,
    private readonly registry: AppRegistry,
    port: EventTargetsPort,
  ) {
    port.plugIn(this);
  }

  webhooks(appIds: string[]): Promise<AppWebhook[]> {
    return this.repository.webhooks(appIds);
  }

  ensureWebhookSecret(appId: string, candidate: string): Promise<string> {
    return this.repository.ensureWebhookSecret(appId, candidate);
  }

  setWebhookSecret(appId: string, secret: string): Promise<void> {
    return this.repository.setWebhookSecret(appId, secret);
  }

  webhookUnhealthySince(appId: string): Promise<Date | null> {
    return this.repository.webhookUnhealthySince(appId);
  }

  markWebhookHealthy(appId: string): Promise<void> {
    return this.repository.markWebhookHealthy(appId);
  }

  markWebhookUnhealthy(appId: string, at: Date): Promise<void> {
    return this.repository.markWebhookUnhealthy(appId, at);
  }

  sharedAuthorizations(userId: string, friendId: string): Promise<SharedAuthorization[]> {
    return this.repository.sharedAuthorizations(userId, friendId);
  }

  async ownedWebhookUrl(developerId: string, appId: string, lock = false): Promise<string | null> {
    return (await this.registry.owned(developerId, appId, lock)).webhookUrl;
  }

  appTakingEvent(appId: string, type: string, anyType: boolean): { sql: string; params: unknown[] } {
    return appTakingEvent(appId, type, anyType);
  }
}
