// The feed's first load, as a person on this machine sees it: builds the web app, starts the host on the
// embedded database with demo data, signs xiaoming in, and opens `/` in Chromium with an empty cache.
// Prints the gzip size of every JavaScript file requested before the first feed item is in the page, and the
// time from navigation to that item (median of several cold loads, and of warm reloads). Targets: ≤ 300 KB, ≤ 1 s.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HostProcess } from '@kongjian/testing';
import { chromium } from 'playwright-core';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(WEB, 'dist');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
/** What the feed renders for each item (features/posts/PostCard). */
const FEED_ITEM = '.kj-post-card';
const TARGET_KB = 300;
const TARGET_MS = 1000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!process.argv.includes('--no-build'))
  execFileSync('npx', ['vite', 'build'], { cwd: WEB, stdio: 'ignore' });

// Only the embedded database: the target is for `npm start` on a laptop.
delete process.env.DATABASE_URL;
const host = await HostProcess.start({ KONGJIAN_WEB_DIR: DIST, KONGJIAN_DEMO_DATA: 'true' });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const signIn = await fetch(`${host.baseUrl}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'xiaoming', password: 'kongjian-demo' }),
  });
  const { token } = await signIn.json();

  const newTab = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await context.addCookies([{ name: 'kj_session', value: token, url: host.baseUrl, httpOnly: true }]);
    await context.addInitScript((selector) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector(selector)) return;
        window.__firstItem = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, FEED_ITEM);
    return context.newPage();
  };
  /**
   * Loads the page and answers when the first item entered the DOM (a MutationObserver notes the moment, in
   * the page's own clock from the start of navigation) and which scripts the page requested before it.
   */
  const firstItem = async (page, load) => {
    await load();
    const moment = await page.waitForFunction(() => window.__firstItem, undefined, { timeout: 30_000 });
    return page.evaluate(
      (at) => {
        const scripts = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime < at && new URL(entry.name).pathname.endsWith('.js'))
          .map((entry) => new URL(entry.name).pathname);
        return { at, scripts };
      },
      await moment.jsonValue(),
    );
  };

  const scripts = new Set();
  const cold = [];
  const warm = [];
  for (let run = 0; run < LOADS; run++) {
    const page = await newTab();
    const first = await firstItem(page, () => page.goto(host.baseUrl + '/'));
    cold.push(first.at);
    if (run === 0) first.scripts.forEach((file) => scripts.add(file));
    warm.push((await firstItem(page, () => page.reload())).at);
    await page.context().close();
  }

  const sizes = [...scripts].map((file) => {
    const bytes = readFileSync(path.join(DIST, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
  sizes.sort((a, b) => b.gzip - a.gzip);
  const totalKb = sizes.reduce((sum, entry) => sum + entry.gzip, 0) / 1024;
  console.log(`JavaScript the page requested before the first feed item (${sizes.length} files):`);
  for (const entry of sizes) {
    console.log(
      `  ${entry.file.padEnd(48)} ${(entry.raw / 1024).toFixed(1).padStart(7)} KB  gzip ${(entry.gzip / 1024).toFixed(1).padStart(6)} KB`,
    );
  }
  console.log(`  total gzip: ${totalKb.toFixed(1)} KB (target ≤ ${TARGET_KB} KB)`);
  console.log(`navigation → first feed item, ${LOADS} loads on PGlite with demo data:`);
  console.log(
    `  cold cache: median ${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)}) (target ≤ ${TARGET_MS} ms)`,
  );
  console.log(
    `  warm cache: median ${median(warm).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`,
  );
  if (totalKb > TARGET_KB || median(cold) > TARGET_MS) process.exitCode = 1;
} finally {
  await browser.close();
  await host.stop();
}
