import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { FormBrowser, freePort, HostApi, HostProcess, parseForms, signInAndConsent } from '@kongjian/testing';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const START_TIMEOUT_MS = 10_000;

/** Lucky Draw as `npm start` runs it, configured through its environment. */
async function startLuckyDraw(env) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lucky Draw exited while starting:\n${output}`);
    try {
      if ((await fetch(env.PUBLIC_URL)).ok) {
        return {
          stop: async () => {
            if (child.exitCode !== null) return;
            child.kill('SIGTERM');
            await once(child, 'exit');
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Lucky Draw did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

let host;
let luckyDraw;
let hostApi;
let appUrl;
let alice;
let bob;

before(async () => {
  host = await HostProcess.start();
  hostApi = new HostApi(host.baseUrl);
  [alice, bob] = [await hostApi.newUser('alice'), await hostApi.newUser('bob')];
  await hostApi.befriend(alice, bob);
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  const developer = await hostApi.newUser('dev');
  const app = await hostApi.newApp(
    developer,
    {
      name: 'Lucky Draw',
      redirectUris: [`${appUrl}/callback`],
      scopes: ['profile:read', 'friends:read', 'feed:write', 'storage'],
    },
    [alice, bob],
  );
  luckyDraw = await startLuckyDraw({
    KONGJIAN_URL: host.baseUrl,
    CLIENT_ID: app.clientId,
    CLIENT_SECRET: app.clientSecret,
    PORT: String(port),
    PUBLIC_URL: appUrl,
  });
});

after(async () => {
  await luckyDraw?.stop();
  await host?.stop();
});

/** Signs `user` in to Lucky Draw in a fresh browser: /login → Kongjian sign-in → consent → /callback → /. */
async function signInToLuckyDraw(user) {
  const browser = new FormBrowser();
  const page = await signInAndConsent(browser, `${appUrl}/login`, user);
  assert.equal(page.url.href, `${appUrl}/`, `the walk ended on ${page.url} (${page.status}):\n${page.body}`);
  assert.match(page.body, new RegExp(`Hello, ${user.username}!`));
  return { browser, page };
}

test('a user signs in through Kongjian, draws a friend who plays, and the friend sees the story', async () => {
  const first = await fetch(appUrl);
  assert.match(await first.text(), /Sign in with Kongjian/);

  // Bob signs in first, so he is one of Alice's friends who use the app.
  await signInToLuckyDraw(bob);
  const { browser, page } = await signInToLuckyDraw(alice);
  assert.match(page.body, /drawn 0 times/);

  const [drawForm] = parseForms(page).filter((form) => form.action.pathname === '/draw');
  const drawn = await browser.submit(drawForm);
  assert.equal(drawn.url.href, `${appUrl}/`);
  assert.match(drawn.body, new RegExp(`You drew ${bob.username}!`));
  assert.match(drawn.body, /drawn 1 time\b/);

  const feed = await hostApi.feed(bob);
  const story = feed.items.find((item) => item.post.kind === 'story');
  assert.ok(story, 'a story in Bob’s feed');
  assert.equal(story.post.body, `${alice.username} drew ${bob.username} in Lucky Draw!`);
  assert.equal(story.post.author.username, alice.username);
  assert.equal(story.post.app?.name, 'Lucky Draw');

  const again = await browser.submit(parseForms(drawn).find((form) => form.action.pathname === '/draw'));
  assert.match(again.body, /drawn 2 times/);
});

test('a draw without the session’s CSRF token is refused and posts nothing', async () => {
  const { browser, page } = await signInToLuckyDraw(alice);
  const storiesBefore = (await hostApi.feed(bob)).items.length;
  const drawForm = parseForms(page).find((form) => form.action.pathname === '/draw');
  const forged = await browser.submit(drawForm, { values: { csrf: 'guessed' } });
  assert.equal(forged.status, 403);
  const crossSite = await browser.open(`${appUrl}/draw`, {
    method: 'POST',
    body: new URLSearchParams({ csrf: drawForm.fields.find((field) => field.name === 'csrf').value }),
    headers: { origin: 'https://evil.example' },
  });
  assert.equal(crossSite.status, 403);
  assert.equal((await hostApi.feed(bob)).items.length, storiesBefore);
});

test('a callback that does not belong to the visitor’s sign-in is refused', async () => {
  const browser = new FormBrowser();
  const forged = await browser.open(`${appUrl}/callback?code=stolen&state=forged`);
  assert.equal(forged.status, 400);
  assert.match(forged.body, /sign in again/i);
});
