import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { type AppListing, canonicalManifest } from './app-manifest';
import { AppRegistry } from './app-registry.service';
import { AppVersionsService } from './app-versions.service';
import { AppsRepository } from './apps.repository';
import type { BuiltInAppSpec, RegisteredApp } from './registered-app';

/** The account that owns the built-in apps: the platform itself, which nobody can sign in as. */
const SYSTEM_USERNAME = 'kongjian';

/** The built-in apps: plugins, registered as published apps that the platform owns. */
@Injectable()
export class BuiltInAppsService {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: AppRegistry,
    private readonly versions: AppVersionsService,
    private readonly apps: AppsRepository,
    private readonly accounts: AccountsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Registers a plugin as a published app owned by the platform, or brings an earlier registration up
   * to date: the listing follows the manifest at every start, and a changed manifest is published as a
   * new version (the platform reviews its own code in the repository). A public client without
   * redirect URIs: plugins get their tokens from the host, never through a browser redirect.
   */
  async registerBuiltIn(spec: BuiltInAppSpec): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const ownerId = await this.accounts.platformAccountId(SYSTEM_USERNAME);
      const listing: AppListing = {
        name: spec.name,
        description: spec.description,
        iconUrl: spec.iconUrl,
        category: spec.category,
      };
      const manifest = canonicalManifest({
        versionName: spec.version,
        scopes: spec.scopes,
        optionalScopes: spec.optionalScopes,
        events: spec.events,
        canvasUrl: spec.canvasUrl,
        pluginId: spec.pluginId,
        webhookUrl: null,
        redirectUris: [],
      });
      const existing = await this.registry.findByPluginId(spec.pluginId, true);
      const id = existing?.id ?? (await this.registry.add(ownerId, listing, 'public', spec.pluginId)).id;
      if (existing) await this.apps.updateListing(id, listing, this.clock.now());
      const published = existing?.publishedVersion
        ? await this.versions.version(id, existing.publishedVersion)
        : null;
      // jsonb reorders keys, so both sides are compared in canonical form.
      if (!published || JSON.stringify(canonicalManifest(published.manifest)) !== JSON.stringify(manifest)) {
        const number = await this.versions.insertVersion(id, manifest, 'approved');
        await this.versions.moveVersion(
          ownerId,
          id,
          number,
          'publish',
          'Built-in plugin, published by the platform',
        );
      }
      return this.registry.current(id);
    });
  }
}
