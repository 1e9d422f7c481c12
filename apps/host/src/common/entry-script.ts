import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The script a worker process or thread of the host runs: `<name>.js` beside the caller (`dir`) in a build.
 * Under Jest the host runs from TypeScript sources, so the entry and the files it imports are bundled with
 * esbuild (a few milliseconds) into a file named by its content, in node_modules/.cache (buildCacheDir), from
 * where the `external` packages (loaded at run time, never bundled) resolve as they do for the host.
 */
export function entryScript(dir: string, name: string, external: string[]): string {
  const compiled = path.join(dir, `${name}.js`);
  if (existsSync(compiled)) return compiled;
  const output = buildSync({
    entryPoints: [path.join(dir, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0].contents;
  const digest = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const target = path.join(buildCacheDir(), `${name}-${digest}.cjs`);
  if (!existsSync(target)) writeCacheFile(target, code);
  return target;
}

/** Writes a file of the build cache aside and renames it, so a process beside this one never reads half of it. */
export function writeCacheFile(file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * Where the host keeps what it builds at run time (worker scripts under Jest, plugin bundles): the
 * `.cache/kongjian` folder of the node_modules that holds esbuild, which builds them.
 */
export function buildCacheDir(): string {
  const esbuildMain = require.resolve('esbuild');
  const marker = `${path.sep}node_modules${path.sep}`;
  return path.join(
    esbuildMain.slice(0, esbuildMain.lastIndexOf(marker) + marker.length),
    '.cache',
    'kongjian',
  );
}
