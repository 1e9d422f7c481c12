import path from 'node:path';
import { build } from 'esbuild';
import { PluginManifestError, type PluginPackage } from './plugin-manifest';
import { PLUGIN_GLOBAL, type PluginSource } from './plugin-protocol';

/** The authoring contract, compiled into each bundle from source so no SDK build is needed. */
const SDK_PLUGIN_SOURCE = path.resolve(__dirname, '../../../../sdk/src/plugin.ts');

/**
 * Bundles a plugin's TypeScript into one script for a bare V8 isolate: an IIFE that assigns the module
 * to PLUGIN_GLOBAL, with no Node or browser built-ins to lean on (platform neutral).
 */
export async function bundlePlugin(plugin: PluginPackage): Promise<PluginSource> {
  try {
    const result = await build({
      entryPoints: [path.join(plugin.dir, plugin.manifest.entry)],
      bundle: true,
      format: 'iife',
      globalName: PLUGIN_GLOBAL,
      target: 'es2022',
      platform: 'neutral',
      alias: { '@kongjian/sdk/plugin': SDK_PLUGIN_SOURCE },
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
