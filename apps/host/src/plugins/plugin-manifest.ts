import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { APP_CATEGORIES, type AppCategory } from '../apps/apps.service';
import { isScope, normalizeScopes, type Scope } from '../apps/scopes';
import { type EventType, isEventType } from '../events/event-types';
import { ROUTE_METHODS, isRoutePattern } from './plugin-routes';

/** `plugins/<id>/manifest.json`, as validated at load. */
export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  description: string;
  category: AppCategory;
  /** A file under `ui/`, served as the app's icon; null without one. */
  icon: string | null;
  scopes: Scope[];
  optionalScopes: Scope[];
  events: EventType[];
  /** `METHOD /pattern`, e.g. `POST /polls/:id/votes`. */
  routes: string[];
  /** The TypeScript entry, relative to the plugin folder. */
  entry: string;
  /** The canvas page, under `ui/`. */
  canvas: string;
}

/** A plugin folder with its validated manifest. */
export interface PluginPackage {
  manifest: PluginManifest;
  /** The plugin folder (absolute). */
  dir: string;
  /** Where the canvas files live (`<dir>/ui`). */
  uiDir: string;
}

export class PluginManifestError extends Error {}

const ID_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const KEYS = [
  'id',
  'name',
  'version',
  'description',
  'category',
  'icon',
  'scopes',
  'optionalScopes',
  'events',
  'routes',
  'entry',
  'canvas',
] as const;
const REQUIRED = new Set(['id', 'name', 'version', 'description', 'category', 'scopes', 'entry', 'canvas']);

/**
 * Validates a parsed manifest strictly: unknown keys, unknown scopes or events, and malformed routes
 * are refused with an error naming the plugin and the field.
 */
export function validateManifest(folderName: string, raw: unknown): PluginManifest {
  const fail = (field: string, message: string): never => {
    throw new PluginManifestError(`Plugin "${folderName}": manifest.json ${field} ${message}`);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('', 'must be a JSON object');
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(KEYS as readonly string[]).includes(key)) fail(key, 'is not a manifest field');
  }
  for (const key of REQUIRED) if (input[key] === undefined) fail(key, 'is required');

  const text = (field: string, max: number, optional = false): string | null => {
    const value = input[field];
    if (value === undefined && optional) return null;
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
      return fail(field, `must be a non-empty string of at most ${max} characters`);
    }
    return value;
  };
  const list = (field: string): string[] => {
    const value = input[field] ?? [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      return fail(field, 'must be an array of strings');
    }
    if (new Set(value).size !== value.length) fail(field, 'lists an entry twice');
    return value as string[];
  };
  /** A file path inside the plugin folder: relative, forward slashes, no `..`. */
  const file = (field: string, under?: string): string | null => {
    const value = text(field, 200, !REQUIRED.has(field));
    if (value === null) return null;
    const segments = value.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      fail(field, 'must be a relative path inside the plugin folder');
    }
    if (under && segments[0] !== under) fail(field, `must be a file under ${under}/`);
    return value;
  };

  const id = text('id', 31)!;
  if (!ID_PATTERN.test(id)) fail('id', 'must match [a-z][a-z0-9-]{1,30}');
  if (id !== folderName) fail('id', `must equal the folder name "${folderName}"`);
  const version = text('version', 40)!;
  if (!VERSION_PATTERN.test(version)) fail('version', 'must be a semantic version such as 1.0.0');
  const category = input.category;
  if (!(APP_CATEGORIES as readonly unknown[]).includes(category)) {
    fail('category', `must be one of ${APP_CATEGORIES.join(', ')}`);
  }

  const scopes = list('scopes');
  const badScope = scopes.find((scope) => !isScope(scope));
  if (badScope !== undefined) fail('scopes', `has an unknown scope "${badScope}"`);
  const optionalScopes = list('optionalScopes');
  const strayOptional = optionalScopes.find((scope) => !scopes.includes(scope));
  if (strayOptional !== undefined)
    fail('optionalScopes', `has "${strayOptional}", which scopes does not list`);
  const events = list('events');
  const badEvent = events.find((event) => !isEventType(event));
  if (badEvent !== undefined) fail('events', `has an unknown event type "${badEvent}"`);
  const routes = list('routes');
  const badRoute = routes.find((route) => !isRoutePattern(route));
  if (badRoute !== undefined) {
    fail('routes', `has "${badRoute}"; a route is "${ROUTE_METHODS.join('|')} /path/:param"`);
  }

  return {
    id,
    name: text('name', 60)!,
    version,
    description: text('description', 1000)!,
    category: category as AppCategory,
    icon: file('icon', 'ui'),
    scopes: normalizeScopes(scopes as Scope[]),
    optionalScopes: normalizeScopes(optionalScopes as Scope[]),
    events: events as EventType[],
    routes,
    entry: file('entry')!,
    canvas: file('canvas', 'ui')!,
  };
}

/** Reads and validates one plugin folder; the files the manifest names must exist. */
export function loadPluginPackage(dir: string): PluginPackage {
  const folderName = path.basename(dir);
  const manifestPath = path.join(dir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new PluginManifestError(
      `Plugin "${folderName}": manifest.json cannot be read: ${(error as Error).message}`,
    );
  }
  const manifest = validateManifest(folderName, raw);
  for (const field of ['entry', 'canvas', 'icon'] as const) {
    const relative = manifest[field];
    if (relative !== null && !existsSync(path.join(dir, relative))) {
      throw new PluginManifestError(`Plugin "${folderName}": manifest.json ${field} names a missing file`);
    }
  }
  return { manifest, dir, uiDir: path.join(dir, 'ui') };
}

/** Every plugin folder (a folder with a manifest.json) under `root`, or only the `only` ones, by id. */
export function loadPluginPackages(root: string, only?: string[]): PluginPackage[] {
  const folders = readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .filter((name) => existsSync(path.join(root, name, 'manifest.json')));
  const missing = (only ?? []).filter((id) => !folders.includes(id));
  if (missing.length > 0) {
    throw new PluginManifestError(
      `No plugin folder with a manifest.json for ${missing.join(', ')} in ${root}`,
    );
  }
  return folders
    .filter((name) => !only || only.includes(name))
    .sort()
    .map((name) => loadPluginPackage(path.join(root, name)));
}
