// The SDK as an outside developer gets it: `npm pack -w sdk`, installed from the tarball into a folder outside
// the repository, imported by plain ESM and type-checked by a TypeScript consumer. Nothing may be found
// through the workspace there, so a dependency that is not declared, or a file left out of `files`, fails.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TSC = path.join(REPO, 'node_modules', '.bin', 'tsc');

/**
 * npm hands its own settings to the scripts it runs (`npm_config_local_prefix` would install into the
 * repository); the consumer's npm gets only those that say where the registry and its cache are.
 */
const KEPT_NPM_SETTINGS = new Set(['cache', 'userconfig', 'globalconfig', 'registry', 'cafile', 'proxy']);
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !name.toLowerCase().startsWith('npm_') ||
      KEPT_NPM_SETTINGS.has(name.toLowerCase().replace(/^npm_config_/, '')),
  ),
);

const CONSUMER_SCRIPT = `
import { createHmac } from 'node:crypto';
import { constructWebhookEvent, createOpenApiClient, KongjianOAuth, unwrap, WebhookSignatureError } from '@kongjian/sdk';
import { isKongjianProblem } from '@kongjian/sdk/problem';
import { definePlugin } from '@kongjian/sdk/plugin';

const secret = 'whsec_outside';
const body = JSON.stringify({ id: 'evt_1', type: 'app.installed', appId: 'app_1', createdAt: new Date().toISOString(), data: { user: 'o_alice' } });
const t = Math.floor(Date.now() / 1000);
const signatureHeader = \`t=\${t},v1=\${createHmac('sha256', secret).update(\`\${t}.\${body}\`).digest('hex')}\`;
const event = await constructWebhookEvent({ secret, body, signatureHeader });
let forged = 'accepted';
try {
  await constructWebhookEvent({ secret: 'another', body, signatureHeader });
} catch (error) {
  if (error instanceof WebhookSignatureError) forged = error.reason;
}

// Discovery and the API through stand-in fetches: no network, but the real oauth4webapi and openapi-fetch.
const issuer = 'https://kongjian.example';
const metadata = {
  issuer,
  authorization_endpoint: issuer + '/oauth/authorize',
  token_endpoint: issuer + '/oauth/token',
  code_challenge_methods_supported: ['S256'],
};
const json = (value) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
const oauth = await KongjianOAuth.discover(issuer, {
  clientId: 'kjc_outside',
  redirectUri: 'https://app.example/callback',
  fetch: async () => json(metadata),
});
const { url } = await oauth.authorizationUrl({ scope: ['profile:read'] });
const api = createOpenApiClient({
  baseUrl: issuer,
  accessToken: 'token',
  fetch: async (request) => json({ openid: 'o_alice', nickname: new URL(request.url).pathname }),
});
const me = unwrap(await api.GET('/open/v1/me'));

console.log(JSON.stringify({
  event: event.type,
  forged,
  authorize: url.origin + url.pathname,
  pkce: url.searchParams.get('code_challenge_method'),
  me: me.nickname,
  problem: isKongjianProblem({ type: 'about:blank', title: 'x', status: 400, code: 'x' }),
  plugin: typeof definePlugin({ routes: {} }),
}));
`;

// Compiles only against real types: the @ts-expect-error lines fail the check if the SDK's types were `any`.
const CONSUMER_TYPES = `
import { createOpenApiClient, type KongjianWebhookEvent, type OpenPlatformComponents } from '@kongjian/sdk';
import type { KongjianProblem } from '@kongjian/sdk/problem';
import { definePlugin } from '@kongjian/sdk/plugin';

const api = createOpenApiClient({ baseUrl: 'https://kongjian.example', accessToken: 'token' });

export async function nickname(): Promise<string> {
  const { data, error } = await api.GET('/open/v1/me');
  if (error) return (error satisfies KongjianProblem).code;
  return data.nickname;
}

export async function story(): Promise<void> {
  // @ts-expect-error the Open API has no such path
  await api.GET('/open/v1/no-such-path');
  // @ts-expect-error a story needs its text
  await api.POST('/open/v1/feed/stories', { body: {} });
}

export const friend: OpenPlatformComponents['schemas'] extends object ? true : false = true;
export const eventType = (event: KongjianWebhookEvent): string => event.type;
export default definePlugin({ routes: { 'GET /ping': async () => ({ body: { pong: true } }) } });
`;

describe('the packed SDK, installed outside the repository', () => {
  let work;
  let consumer;
  let packed;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kongjian-sdk-package-'));
    consumer = path.join(work, 'consumer');
    await mkdir(consumer);
    // Scripts stay off: Nx built dist/ before the tests, and the prepack build would empty dist/ under the
    // other test files running beside this one.
    const { stdout } = await run(
      'npm',
      ['pack', '-w', 'sdk', '--pack-destination', work, '--ignore-scripts', '--json'],
      { cwd: REPO, env: cleanEnv },
    );
    [packed] = JSON.parse(stdout);
    await writeFile(
      path.join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await run(
      'npm',
      ['install', path.join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: consumer, env: cleanEnv },
    );
  });

  after(() => rm(work, { recursive: true, force: true }));

  test('the tarball holds the build, the licence and the README, and is publishable', async () => {
    const files = packed.files.map((file) => file.path);
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    assert.ok(!files.some((file) => file.startsWith('test/') || file.includes('testing')), files.join(' '));
    const manifest = JSON.parse(
      await readFile(path.join(consumer, 'node_modules/@kongjian/sdk/package.json'), 'utf8'),
    );
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.scripts.prepack, 'npm run build');
    // Installed as files, not as a link back into the workspace.
    assert.ok((await lstat(path.join(consumer, 'node_modules/@kongjian/sdk'))).isDirectory());
  });

  test('a plain ESM script imports it and verifies a webhook, builds an authorization URL, calls the API', async () => {
    await writeFile(path.join(consumer, 'check.mjs'), CONSUMER_SCRIPT);
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: consumer });
    assert.deepEqual(JSON.parse(stdout), {
      event: 'app.installed',
      forged: 'signature_mismatch',
      authorize: 'https://kongjian.example/oauth/authorize',
      pkce: 'S256',
      me: '/open/v1/me',
      problem: true,
      plugin: 'object',
    });
  });

  test('the repository’s private test helpers are not part of it', async () => {
    const script = "import('@kongjian/sdk/testing').catch((error) => console.log(error.code))";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
    assert.equal(stdout.trim(), 'ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  test('TypeScript (nodenext) type-checks a consumer against its declarations', async () => {
    await writeFile(path.join(consumer, 'check.ts'), CONSUMER_TYPES);
    await writeFile(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['check.ts'],
      }),
    );
    await run(TSC, ['-p', 'tsconfig.json'], { cwd: consumer }).catch((error) => {
      assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
    });
  });
});
