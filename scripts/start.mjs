// `npm start`: builds what changed, then runs the host (apps/host/dist/main.js) in this process, which npm
// starts with V8's young generation capped at 2 × 8 MiB (the default 2 × 16 MiB stays resident after the
// start-up's allocations: 15 MiB of idle RSS, see docs/benchmarks.md).
// Asking nx whether its builds are current costs about a second on every start (it hashes every input of
// the host, the SDK, the web app and the console), so this script asks it only when a file under those
// projects is newer than the last build this script saw succeed: the newest modification time of their
// files and folders (a folder's changes when a file is added, removed or renamed in it) is kept in
// node_modules/.cache/kongjian/start.json. A git checkout, an edit or an `npm ci` moves it; nx then
// rebuilds or restores what its own hashes say changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the running platform is built from, and the folders whose contents are built or kept data, not sources. */
const INPUTS = ['apps/host', 'apps/web', 'apps/console', 'sdk', 'libs/client', 'plugins', 'openapi'];
const ROOT_FILES = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'nx.json'];
const SKIPPED = new Set(['node_modules', 'dist', 'data', '.nx', 'coverage', 'test-results']);
/** What must exist for the host to run: its own build and the two single-page apps it serves. */
const OUTPUTS = ['apps/host/dist/main.js', 'apps/web/dist/index.html', 'apps/console/dist/index.html'];
const STAMP = path.join(ROOT, 'node_modules/.cache/kongjian/start.json');

function newestIn(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const newestSource = () =>
  Math.max(
    ...INPUTS.map((dir) => newestIn(path.join(ROOT, dir))),
    ...ROOT_FILES.map((file) => statSync(path.join(ROOT, file)).mtimeMs),
  );

const lastBuilt = () => {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).newestSource;
  } catch {
    return null;
  }
};

const current = lastBuilt() === newestSource() && OUTPUTS.every((file) => existsSync(path.join(ROOT, file)));
if (!current) {
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'host', 'web', 'console', '--output-style=static'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync(path.dirname(STAMP), { recursive: true });
  // Read after the build, which replaces the projects' dist folders (and so their folders' times).
  writeFileSync(STAMP, JSON.stringify({ newestSource: newestSource() }));
}

// The host runs from its own folder, as `npm start -w apps/host` would: its default data folder is apps/host/data.
process.chdir(path.join(ROOT, 'apps/host'));
createRequire(import.meta.url)(path.join(ROOT, 'apps/host/dist/main.js'));
