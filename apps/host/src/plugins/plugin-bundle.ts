import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin, version as esbuildVersion } from 'esbuild';
import { buildCacheDir, writeCacheFile } from '../common/entry-script';
import { PluginManifestError, type PluginPackage } from './plugin-manifest';
import { PLUGIN_GLOBAL, type PluginSource } from './plugin-protocol';

/** The authoring contract, compiled into each bundle from source so no SDK build is needed. */
const SDK_PLUGIN_SOURCE = path.resolve(__dirname, '../../../../sdk/src/plugin.ts');

/** Marks the resolution `confineImports` asks esbuild for itself, so that it does not recurse. */
const CONFINED = Symbol('confined');

/**
 * Every import must resolve (symlinks followed) inside `roots`: a plugin's bundle may not read other
 * plugins' sources or the host's files (`import secrets from '/etc/passwd' with { type: 'text' }`).
 */
function confineImports(roots: string[]): Plugin {
  const inside = (file: string) => roots.some((root) => file.startsWith(`${root}${path.sep}`));
  return {
    name: 'confine-imports',
    setup(bundler) {
      bundler.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === CONFINED) return undefined;
        const { importer, namespace, resolveDir, kind, with: attributes } = args;
        const resolved = await bundler.resolve(args.path, {
          importer,
          namespace,
          resolveDir,
          kind,
          with: attributes,
          pluginData: CONFINED,
        });
        if (resolved.errors.length > 0 || !resolved.path) return resolved;
        const real = await realpath(resolved.path).catch(() => resolved.path);
        if (inside(real)) return resolved;
        return { errors: [{ text: `"${args.path}" is outside the plugin's folder and plugins/shared` }] };
      });
    },
  };
}

/** A bundle kept from an earlier build, with what it was built from (see cachedBundle). */
interface CachedBundle {
  /** What else the bundle depends on: esbuild's version, the entry, the folders it may import from. */
  key: string;
  /** Each file the bundle was built from, and the SHA-256 of its content. */
  inputs: [file: string, digest: string][];
  /** Each folder holding one of them, and the SHA-256 of its listing. */
  folders: [folder: string, digest: string][];
  code: string;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const listing = (folder: string) => readdirSync(folder).sort().join('\n');

/**
 * The bundle built before from the same entry, roots and esbuild version, if none of the files it was built
 * from changed, and no file was added to or removed from their folders (which could change what an import
 * resolves to). Building costs the host's start time: esbuild's import check (`confineImports`) runs in the
 * host's JavaScript thread, which is busy with Nest's start then, and the workers wait for their bundles.
 */
function cachedBundle(file: string, key: string): string | null {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedBundle;
    const unchanged =
      cached.key === key &&
      cached.inputs.every(([input, digest]) => sha256(readFileSync(input)) === digest) &&
      cached.folders.every(([folder, digest]) => sha256(listing(folder)) === digest);
    return unchanged ? cached.code : null;
  } catch {
    // None yet, or a file it was built from is gone: build.
    return null;
  }
}

function keepBundle(file: string, key: string, inputs: string[], code: string): void {
  const folders = [...new Set(inputs.map((input) => path.dirname(input)))];
  const cached: CachedBundle = {
    key,
    inputs: inputs.map((input) => [input, sha256(readFileSync(input))]),
    folders: folders.map((folder) => [folder, sha256(listing(folder))]),
    code,
  };
  writeCacheFile(file, JSON.stringify(cached));
}

/**
 * Bundles a plugin's TypeScript into one script for a bare V8 isolate: an IIFE that assigns the module
 * to PLUGIN_GLOBAL, with no Node or browser built-ins to lean on (platform neutral). A bundle whose sources
 * did not change since it was last built is taken from the build cache (cachedBundle).
 */
export async function bundlePlugin(plugin: PluginPackage): Promise<PluginSource> {
  // Synchronous, as the cache's reads: a kept bundle is then ready, and its workers started, without waiting
  // for the host's thread to come back from Nest's start.
  const roots = [
    plugin.dir,
    path.join(path.dirname(plugin.dir), 'shared'),
    path.dirname(SDK_PLUGIN_SOURCE),
  ].map((root) => {
    try {
      return realpathSync(root);
    } catch {
      return root;
    }
  });
  const entryPoint = path.join(plugin.dir, plugin.manifest.entry);
  // One file per plugin id, so the cache holds one bundle per plugin however many folders were bundled.
  const cacheFile = path.join(buildCacheDir(), 'plugin-bundles', `${plugin.manifest.id}.json`);
  const key = JSON.stringify([esbuildVersion, entryPoint, roots, SDK_PLUGIN_SOURCE, PLUGIN_GLOBAL]);
  const cached = cachedBundle(cacheFile, key);
  if (cached !== null) return { id: plugin.manifest.id, code: cached };
  try {
    const result = await build({
      entryPoints: [entryPoint],
      bundle: true,
      format: 'iife',
      globalName: PLUGIN_GLOBAL,
      target: 'es2022',
      platform: 'neutral',
      alias: { '@kongjian/sdk/plugin': SDK_PLUGIN_SOURCE },
      plugins: [confineImports(roots)],
      write: false,
      metafile: true,
      logLevel: 'silent',
      charset: 'utf8',
    });
    const code = result.outputFiles[0].text;
    try {
      // The metafile names each input relative to the working folder.
      const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(input));
      keepBundle(cacheFile, key, inputs, code);
    } catch {
      // A cache that cannot be written (a read-only node_modules) only means building again next start.
    }
    return { id: plugin.manifest.id, code };
  } catch (error) {
    const messages = (error as { errors?: { text: string; location?: { file: string; line: number } }[] })
      .errors;
    const detail = messages?.length
      ? messages
          .map((m) => (m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text))
          .join('; ')
      : (error as Error).message;
    throw new PluginManifestError(`Plugin "${plugin.manifest.id}" does not build: ${detail}`);
  }
}
