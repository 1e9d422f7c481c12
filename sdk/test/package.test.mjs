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
import { installOutsideRepository, packSdk } from '@kongjian/testing';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TSC = path.join(REPO, 'node_modules', '.bin', 'tsc');

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
import {
  createOpenApiClient,
  isWebhookEventOfType,
  type KnownKongjianWebhookEvent,
  type KongjianWebhookEvent,
  type OpenPlatformComponents,
} from '@kongjian/sdk';
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

// Narrowed by type, an event's data is typed as the host sends it.
export function storyFate(event: KongjianWebhookEvent): string | null {
  if (isWebhookEventOfType(event, 'post.removed')) {
    const reason: 'rejected' | 'unpublished' | 'deleted' = event.data.reason;
    // @ts-expect-error a removal carries no text, only the reason
    const text: string = event.data.text;
    return reason + text;
  }
  if (isWebhookEventOfType(event, 'post.held') || isWebhookEventOfType(event, 'post.created')) {
    const privacy: 'public' | 'friends' | 'private' = event.data.privacy;
    const link: string | null = event.data.linkUrl;
    // @ts-expect-error linkUrl may be null
    const always: string = event.data.linkUrl;
    return event.data.text + event.data.postId + privacy + link + always;
  }
  // @ts-expect-error no such event type
  isWebhookEventOfType(event, 'post.exploded');
  return null;
}

export function describeEvent(event: KnownKongjianWebhookEvent): string {
  switch (event.type) {
    case 'app.installed':
      return event.data.user;
    case 'invite.accepted':
      return event.data.acceptedAt;
    case 'order.paid':
      return event.data.order.id;
    default:
      // @ts-expect-error only some events name a post
      return event.data.postId;
  }
}
export default definePlugin({ routes: { 'GET /ping': async () => ({ body: { pong: true } }) } });
`;

/**
 * What the README's TypeScript example leaves to the app around it (its environment, session store, incoming
 * request and routing), so that the example itself type-checks as written.
 */
const README_SURROUNDINGS = `
import type { PendingAuthorization, TokenSession, TokenSet } from '@kongjian/sdk';
declare const process: { env: Record<string, string | undefined> };
declare const session: { pending: PendingAuthorization; tokens: TokenSession };
declare const request: Request;
declare const user: string;
declare function redirect(url: string): void;
declare function saveTokens(user: string, tokens: TokenSet): void;
declare function rewardInviter(inviter: string, invitee: string): Promise<void>;
`;

/** The TypeScript code blocks of a Markdown text. */
const typeScriptBlocks = (markdown) =>
  [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);

describe('the packed SDK, installed outside the repository', () => {
  let work;
  let consumer;
  let packed;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kongjian-sdk-package-'));
    consumer = path.join(work, 'consumer');
    await mkdir(consumer);
    packed = await packSdk(work);
    await installOutsideRepository(consumer, { name: 'consumer', type: 'module' }, [packed.tarball]);
  });

  after(() => rm(work, { recursive: true, force: true }));

  test('the tarball holds the build, the licence and the README, and is publishable', async () => {
    const files = packed.files;
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

  /** Type-checks `files` of the consumer folder with TypeScript (nodenext, strict) against the installed SDK. */
  async function typeCheck(files) {
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
        files,
      }),
    );
    await run(TSC, ['-p', 'tsconfig.json'], { cwd: consumer }).catch((error) => {
      assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
    });
  }

  test('TypeScript (nodenext) type-checks a consumer against its declarations', async () => {
    await writeFile(path.join(consumer, 'check.ts'), CONSUMER_TYPES);
    await typeCheck(['check.ts']);
  });

  test('the README’s TypeScript examples type-check against it as written', async () => {
    const blocks = typeScriptBlocks(
      await readFile(path.join(consumer, 'node_modules/@kongjian/sdk/README.md'), 'utf8'),
    );
    assert.ok(blocks.length > 0, 'the README has TypeScript examples');
    const files = blocks.map((_, index) => `readme-${index + 1}.ts`);
    for (const [index, block] of blocks.entries()) {
      await writeFile(path.join(consumer, files[index]), `${block}\n${README_SURROUNDINGS}`);
    }
    await typeCheck(files);
  });
});
