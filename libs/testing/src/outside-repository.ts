import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root (this file runs from libs/testing/dist). */
const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * npm hands its own settings to the scripts it runs (`npm_config_local_prefix` would install into the
 * repository); npm run outside the repository gets only those that say where the registry and its cache are.
 */
const KEPT_NPM_SETTINGS = new Set(['cache', 'userconfig', 'globalconfig', 'registry', 'cafile', 'proxy']);
export const envOutsideRepository: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !name.toLowerCase().startsWith('npm_') ||
      KEPT_NPM_SETTINGS.has(name.toLowerCase().replace(/^npm_config_/, '')),
  ),
);

export interface PackedSdk {
  /** The tarball's full path. */
  tarball: string;
  /** The paths of the files it holds, relative to the package. */
  files: string[];
}

/** `npm pack -w sdk` into `destination`: the tarball a developer outside the repository installs. */
export async function packSdk(destination: string): Promise<PackedSdk> {
  // Scripts stay off: Nx built dist/ before the tests, and the prepack build would empty dist/ under
  // other tests running beside this one.
  const { stdout } = await run(
    'npm',
    ['pack', '-w', 'sdk', '--pack-destination', destination, '--ignore-scripts', '--json'],
    { cwd: REPOSITORY, env: envOutsideRepository },
  );
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return {
    tarball: path.join(destination, packed!.filename),
    files: packed!.files.map((file) => file.path),
  };
}

/** A package of its own in `folder` (with `package.json` fields), with `specs` installed as an outsider would. */
export async function installOutsideRepository(
  folder: string,
  manifest: Record<string, unknown>,
  specs: string[],
): Promise<void> {
  await writeFile(path.join(folder, 'package.json'), JSON.stringify({ private: true, ...manifest }));
  await run('npm', ['install', ...specs, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: folder,
    env: envOutsideRepository,
  });
}

/**
 * The example app Lucky Draw copied into `folder` and installed on the packed SDK, as a developer who copies
 * it would: nothing reaches back into the workspace. Returns its entry point.
 */
export async function installLuckyDraw(folder: string, sdk: PackedSdk): Promise<string> {
  await cp(path.join(REPOSITORY, 'examples/lucky-draw/src'), path.join(folder, 'src'), { recursive: true });
  await installOutsideRepository(folder, { name: 'lucky-draw', type: 'module' }, [sdk.tarball]);
  return path.join(folder, 'src/main.js');
}

const START_TIMEOUT_MS = 10_000;

/** A Node program started with `env`, ready once `readyUrl` answers 2xx; `stop` ends it. */
export async function startNodeProgram(
  main: string,
  env: NodeJS.ProcessEnv,
  readyUrl: string,
): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [main], {
    cwd: path.dirname(main),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${main} exited while starting:\n${output}`);
    const ready = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false, // not listening yet
    );
    if (ready) {
      return {
        stop: async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${main} did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}
