const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  rootDir: 'src',
  testEnvironment: 'node',
  // `*.cluster.spec.ts` need PostgreSQL and Redis and start several hosts: `npm run test:cluster` runs them.
  testRegex: '.*(?<!\\.cluster)\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Each e2e file boots its own host and database; two workers match the machine's two cores. The
  // project's test target runs the hostile-plugins-*.e2e.spec.ts files afterwards, one at a time: their attacks
  // need the plugin workers' CPU within a call's time, which a second test file running beside them takes away.
  maxWorkers: 2,
  // A worker keeps some of every file's host (PGlite's WebAssembly memory above all) until it exits: after ~50
  // files one held 12 GB and the kernel's OOM killer ended it. Jest measures only the JavaScript heap, which a
  // file's host alone takes past this, so each worker is replaced by a fresh one after a file that started a
  // host (measured: worker RSS stays under 650 MB; the posts and friends files ran no slower). Still needed
  // with the process metrics and the rate limiters no longer keeping a closed host: over 13 files (posts,
  // friends, feed, notifications) a worker's JavaScript heap stayed near 200 MB instead of growing to 310 MB,
  // but its RSS still reached 1.2-1.4 GB (1.6-1.7 GB before).
  workerIdleMemoryLimit: '100MB',
  testTimeout: 60000,
  setupFiles: ['reflect-metadata'],
};
