import { Injectable, PipeTransform } from '@nestjs/common';
import { malformedInPath } from '../common/problem';
import { nonBlank } from '../common/text';
import { iso } from '../common/time';
import type { UserDirectoryService } from '../profiles/user-directory.service';
import type { AppListing, AppManifest } from './app-manifest';
import type { AppVersion } from './app-version';
import type { AppResponse } from './dto/app.dto';
import type { AppVersionResponse } from './dto/app-version.dto';
import type { AppListingRequest, AppManifestRequest, EditAppVersionRequest } from './dto/developer-apps.dto';
import type { RegisteredApp } from './registered-app';

export function toListing(body: AppListingRequest): AppListing {
  return {
    name: nonBlank(body.name, 'name'),
    description: body.description ?? '',
    iconUrl: body.iconUrl ?? null,
    category: body.category,
  };
}

export function toManifest(body: AppManifestRequest): Omit<AppManifest, 'pluginId'> {
  return {
    versionName: body.versionName?.trim() || null,
    redirectUris: body.redirectUris,
    scopes: body.scopes,
    optionalScopes: body.optionalScopes ?? [],
    events: body.events ?? [],
    canvasUrl: body.canvasUrl ?? null,
    webhookUrl: body.webhookUrl ?? null,
  };
}

/** The fields a draft edit names, read as `toManifest` reads them; absent fields stay absent. */
export function toManifestPatch(body: EditAppVersionRequest): Partial<Omit<AppManifest, 'pluginId'>> {
  const full = toManifest(body as AppManifestRequest);
  return Object.fromEntries(
    Object.entries(full).filter(([field]) => body[field as keyof EditAppVersionRequest] !== undefined),
  );
}

export function toVersionResponse(version: AppVersion): AppVersionResponse {
  return {
    appId: version.appId,
    number: version.number,
    manifest: version.manifest,
    status: version.status,
    statusReason: version.statusReason,
    submitNote: version.submitNote,
    createdAt: iso(version.createdAt),
    updatedAt: iso(version.updatedAt),
  };
}

/** Apps as their developer and admins see them, each with its developer's summary. */
export async function toAppResponses(
  directory: UserDirectoryService,
  apps: RegisteredApp[],
): Promise<AppResponse[]> {
  const developers = await directory.summaries(apps.map((app) => app.ownerId));
  return apps.map((app) => ({
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    description: app.description,
    iconUrl: app.iconUrl,
    category: app.category,
    redirectUris: app.redirectUris,
    scopes: app.scopes,
    optionalScopes: app.optionalScopes,
    webhookUrl: app.webhookUrl,
    canvasUrl: app.canvasUrl,
    events: app.events,
    pluginId: app.pluginId,
    clientType: app.clientType,
    status: app.status,
    statusReason: app.statusReason,
    publishedVersion: app.publishedVersion,
    developer: developers.get(app.ownerId)!,
    createdAt: iso(app.createdAt),
    updatedAt: iso(app.updatedAt),
  }));
}

/** A version number in a path; anything else names no version, so it is a 404 like a missing one. */
@Injectable()
export class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,8}$/.test(value)) throw malformedInPath('a version number is a whole number from 1');
    return Number(value);
  }
}
