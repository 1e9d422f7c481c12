import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
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

/**
 * Bundles a plugin's TypeScript into one script for a bare V8 isolate: an IIFE that assigns the module
 * to PLUGIN_GLOBAL, with no Node or browser built-ins to lean on (platform neutral).
 */
export async function bundlePlugin(plugin: PluginPackage): Promise<PluginSource> {
  const roots = await Promise.all(
    [plugin.dir, path.join(path.dirname(plugin.dir), 'shared'), path.dirname(SDK_PLUGIN_SOURCE)].map((root) =>
      realpath(root).catch(() => root),
    ),
  );
  try {
    const result = await build({
      entryPoints: [path.join(plugin.dir, plugin.manifest.entry)],
      bundle: true,
      format: 'iife',
      globalName: PLUGIN_GLOBAL,
      target: 'es2022',
      platform: 'neutral',
      alias: { '@kongjian/sdk/plugin': SDK_PLUGIN_SOURCE },
      plugins: [confineImports(roots)],
      write: false,
      logLevel: 'silent',
      charset: 'utf8',
    });
    return { id: plugin.manifest.id, code: result.outputFiles[0].text };
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
