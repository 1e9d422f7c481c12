import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import {
  FormBrowser,
  freePort,
  HostApi,
  HostProcess,
  parseForms,
  signInAndConsent,
  startNodeProgram,
} from '@kongjian/testing';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
/** The host's admin, named at start as an operator would, to add moderation rules. */
const ADMIN = { username: 'lucky_admin', password: randomBytes(12).toString('hex') };

let host;
let luckyDraw;
let hostApi;
let appUrl;
let alice;
let bob;
let developer;
let app;

before(async () => {
  host = await HostProcess.start({ KONGJIAN_ADMIN: `${ADMIN.username}:${ADMIN.password}` });
  hostApi = new HostApi(host.baseUrl);
  [alice, bob] = [await hostApi.newUser('alice'), await hostApi.newUser('bob')];
  await hostApi.befriend(alice, bob);
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  developer = await hostApi.newUser('dev');
  app = await hostApi.newApp(
    developer,
    {
      name: 'Lucky Draw',
      redirectUris: [`${appUrl}/callback`],
      scopes: ['profile:read', 'friends:read', 'feed:write', 'storage'],
    },
    [alice, bob],
  );
  // Lucky Draw as `npm start` runs it, configured through its environment.
  luckyDraw = await startNodeProgram(
    MAIN,
    {
      KONGJIAN_URL: host.baseUrl,
      CLIENT_ID: app.clientId,
      CLIENT_SECRET: app.clientSecret,
      PORT: String(port),
      PUBLIC_URL: appUrl,
    },
    appUrl,
  );
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

test('a draw whose story Kongjian’s rules refuse tells the player in words and posts nothing', async () => {
  const [carol, dave] = [await hostApi.newUser('carol'), await hostApi.newUser('dave')];
  await hostApi.befriend(carol, dave);
  for (const tester of [carol, dave]) {
    await hostApi.request('PUT', `/developer/apps/${app.id}/testers/${tester.id}`, {
      token: developer.token,
      expected: 204,
    });
  }
  await signInToLuckyDraw(dave);
  // Dave's nickname then carries words an admin blocks: the draw's story would name him.
  await hostApi.request('PATCH', '/space/profile', {
    token: dave.token,
    body: { nickname: '荒野赌场 Dave' },
  });
  const admin = await hostApi.request('POST', '/sessions', { body: ADMIN });
  await hostApi.request('POST', '/admin/moderation/rules', {
    token: admin.token,
    body: { phrase: '荒野赌场', action: 'block' },
  });

  const { browser, page } = await signInToLuckyDraw(carol);
  const drawn = await browser.submit(parseForms(page).find((form) => form.action.pathname === '/draw'));
  assert.equal(drawn.status, 200);
  assert.match(
    drawn.body,
    /You drew 荒野赌场 Dave! The story was not posted: its words break Kongjian’s rules\./,
  );
  // The draw itself still counts.
  assert.match(drawn.body, /drawn 1 time\b/);
  for (const user of [carol, dave]) {
    const stories = (await hostApi.feed(user)).items.filter((item) => item.post.kind === 'story');
    assert.deepEqual(stories, [], `no story in ${user.username}’s feed`);
  }
});
