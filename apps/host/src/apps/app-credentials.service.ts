import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { conflict } from '../common/problem';
import { ChangeCache, ChangeFeed } from '../database/change-feed';
import { AppRegistry } from './app-registry.service';
import { AppsRepository } from './apps.repository';
import { newClientSecret, secretMatches } from './client-secrets';
import type { RegisteredApp } from './registered-app';

/** Apps' client credentials: how a client proves who it is, and how its developer replaces its secret. */
@Injectable()
export class AppCredentialsService {
  /** Each client's credentials and app by client id, until the app (or its owner's name) changes. */
  private readonly clients: ChangeCache<{ secretHash: string | null; app: RegisteredApp }>;

  constructor(
    private readonly em: EntityManager,
    private readonly registry: AppRegistry,
    private readonly repository: AppsRepository,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.clients = changes.cache('clients', LIMITS.changeCacheEntries);
  }

  /** Null when the client is unknown, or confidential and the secret is missing or wrong. */
  async authenticateClient(clientId: string, secret: string | undefined): Promise<RegisteredApp | null> {
    const client = await this.clients.read(clientId, async () => {
      const row = await this.repository.client(clientId);
      if (!row) return null;
      const [app] = await this.registry.toApps([row]);
      return {
        value: { secretHash: row.secret_hash, app },
        tags: [`app:${app.id}`, `user:${app.ownerId}`],
      };
    });
    if (!client) return null;
    if (client.app.clientType === 'confidential' && !secretMatches(client.secretHash, secret)) return null;
    return client.app;
  }

  /** A new secret replaces the old one at once; it is shown this one time and stored only as a hash. */
  async rotateSecret(developerId: string, appId: string): Promise<string> {
    return this.em.transactional(async () => {
      const app = await this.registry.owned(developerId, appId, true);
      if (app.clientType !== 'confidential') {
        throw conflict('conflict', 'A public client has no secret; it authenticates with PKCE alone');
      }
      const credentials = newClientSecret();
      await this.repository.setSecretHash(appId, credentials.hash, this.clock.now());
      return credentials.secret;
    });
  }
}
