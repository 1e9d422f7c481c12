import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { processIcon } from '../images/image-processing';
import { PhotoStorage } from '../images/photo-storage';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { conflict, invalidField } from '../common/problem';
import { iconKey, UPLOADED_ICON_URL, uploadedIconUrl } from './app-icons';
import { type AppDetails, type AppListing, developerManifest } from './app-manifest';
import { AppRegistry } from './app-registry.service';
import { AppVersionsService } from './app-versions.service';
import { AppsRepository } from './apps.repository';
import type { ClientType, RegisteredApp } from './registered-app';

/**
 * What developers do with their apps outside the versions: become a developer, register an app, edit
 * its listing and icon (listings are not reviewed), delete it.
 */
@Injectable()
export class AppDevelopersService {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: AppRegistry,
    private readonly versions: AppVersionsService,
    private readonly repository: AppsRepository,
    private readonly accounts: AccountsService,
    private readonly storage: PhotoStorage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async registerDeveloper(userId: string): Promise<void> {
    await this.accounts.addRole(userId, 'developer');
  }

  /** Registers an app with its listing and version 1 as a draft; it is in development mode. */
  async create(
    developerId: string,
    details: AppDetails,
    clientType: ClientType,
  ): Promise<{ app: RegisteredApp; clientSecret: string | null }> {
    const manifest = developerManifest(details);
    await this.versions.checkWebhookUrl(manifest);
    return this.em.transactional(async () => {
      // Serialises one developer's registrations so the per-developer cap holds under concurrency.
      await this.accounts.lockAccount(developerId);
      if ((await this.repository.countOwned(developerId)) >= LIMITS.appsPerDeveloper) {
        throw conflict('limit_reached', `A developer can register at most ${LIMITS.appsPerDeveloper} apps`);
      }
      const { id, clientSecret } = await this.registry.add(developerId, details, clientType, null);
      await this.versions.insertVersion(id, manifest, 'draft');
      return { app: await this.registry.current(id), clientSecret };
    });
  }

  /** Edits how the app center lists the app; takes effect at once (listings are not reviewed). */
  async update(developerId: string, appId: string, listing: AppListing): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const app = await this.registry.owned(developerId, appId, true);
      // An uploaded icon's URL may be sent back as it is (the listing is replaced whole), never another's.
      if (
        listing.iconUrl !== null &&
        UPLOADED_ICON_URL.test(listing.iconUrl) &&
        listing.iconUrl !== app.iconUrl
      ) {
        throw invalidField(
          'iconUrl',
          'iconUrl may name only this app’s own uploaded icon; upload a new one instead',
        );
      }
      await this.repository.updateListing(appId, listing, this.clock.now());
      return this.registry.current(appId);
    });
  }

  async delete(developerId: string, appId: string): Promise<void> {
    await this.em.transactional(async () => {
      await this.registry.owned(developerId, appId, true);
      await this.repository.delete(appId);
    });
    await this.storage.delete(iconKey(appId));
  }

  /**
   * Re-encodes an uploaded image into the app's icon (a square WebP, see `processIcon`) and lists the
   * app with it at once, like any listing change. A refused image changes nothing.
   */
  async setIcon(developerId: string, appId: string, upload: Buffer): Promise<RegisteredApp> {
    await this.registry.owned(developerId, appId);
    const icon = await processIcon(upload);
    return this.em.transactional(async () => {
      await this.registry.owned(developerId, appId, true);
      await this.storage.put(iconKey(appId), icon);
      await this.repository.setIconUrl(appId, uploadedIconUrl(appId, icon), this.clock.now());
      return this.registry.current(appId);
    });
  }

  /** The uploaded icon's image (WebP), or null when the app has none. */
  iconImage(appId: string): Promise<Buffer | null> {
    return this.storage.get(iconKey(appId));
  }
}
