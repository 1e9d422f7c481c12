#!/usr/bin/env node
// Fails when the host's modules (the folders of apps/host/src) cross their boundaries (issue 14). Run by
// `npm run lint`. Two rules:
//
// A module's repository is imported only inside its module (DESIGN.md, principle 9): another module asks
// the owning service or uses a typed fragment the owner exports (`*.fragments.ts`). The infrastructure
// below every feature is the exception: database's meta store (the installation's shared keys) and
// scheduling's task lease (what every sweep hands its PeriodicTask) are stores every module is meant to use
// as they are, with no rule of their own for a service to hold, so a pass-through service would only add a
// layer.
//
// Modules import each other in no cycle: a module may use the ones below it, never one that (through
// others) uses it. The order as built, top first: admin, demo, cli, orders, plugins, open-api, app-center,
// gifts, oauth, access-context, feed, spaces, albums, posts, apps, privacy, moderation, friends,
// notifications, events, economy, audit, profiles, accounts, images, scheduling, shared-store, database,
// metrics, config, common (api-docs, api-spec, health and web-app serve the whole host from the top).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Production code only: tests and their helpers may reach across modules to set a scene up. */
const isChecked = (file) => file.endsWith('.ts') && !/\.(spec|testing|e2e-setup)\.ts$/.test(file);

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['testing', 'migrations'].includes(entry.name)) yield* sourceFiles(full);
    } else if (isChecked(entry.name)) yield full;
  }
}

const moduleOf = (file) => {
  const [first, ...rest] = path.relative(src, file).split(path.sep);
  return rest.length ? first : undefined;
};

/** Modules whose repositories are shared infrastructure, importable from any module (see above). */
const SHARED_REPOSITORY_MODULES = new Set(['database', 'scheduling']);

const problems = [];

/** module → module it imports → the files whose imports make that edge. */
const edges = new Map();
for (const file of sourceFiles(src)) {
  const from = moduleOf(file);
  if (!from) continue;
  for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const imported = path.resolve(path.dirname(file), fileName);
    const to = moduleOf(imported);
    if (!to || to === from) continue;
    if (/\.repository(\.[jt]s)?$/.test(imported) && !SHARED_REPOSITORY_MODULES.has(to)) {
      problems.push(
        `${path.relative(src, file)} imports ${path.relative(src, imported)}: a module's repository is for ` +
          `that module alone; ask the ${to} module's service, or use a fragment it exports (*.fragments.ts)`,
      );
    }
    if (!edges.has(from)) edges.set(from, new Map());
    const files = edges.get(from).get(to) ?? new Set();
    files.add(path.relative(src, file));
    edges.get(from).set(to, files);
  }
}

/** Tarjan's strongly connected components of the module graph. */
function cycles() {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

for (const component of cycles()) {
  const inside = new Set(component);
  const lines = component.flatMap((from) =>
    [...(edges.get(from) ?? [])]
      .filter(([to]) => inside.has(to))
      .map(([to, files]) => `    ${from} -> ${to}  (${[...files].join(', ')})`),
  );
  problems.push(`modules in a cycle: ${component.join(', ')}\n${lines.join('\n')}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`no module cycles and no repository imported across modules (${edges.size} modules)`);
