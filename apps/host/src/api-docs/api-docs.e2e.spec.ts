import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DEFAULT_OPENAPI_DIR } from '../config/config';
import { TestHost } from '../testing/test-host';

const checkedIn = (file: string) => JSON.parse(readFileSync(path.join(DEFAULT_OPENAPI_DIR, file), 'utf8'));

const expectProblem404 = (response: request.Response) => {
  expect(response.status).toBe(404);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
};

describe('the API reference', () => {
  let host: TestHost;
  const get = (url: string) => request(host.app.getHttpServer()).get(url);

  beforeAll(async () => {
    host = await TestHost.start();
  });
  afterAll(() => host.close());

  it.each([
    ['/openapi/host.json', 'host.json'],
    ['/openapi.json', 'host.json'],
    ['/openapi/open-platform.json', 'open-platform.json'],
  ])('serves %s: the checked-in %s, as JSON revalidated on every read', async (url, file) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.body).toEqual(checkedIn(file));

    const again = await get(url).set('If-None-Match', response.headers.etag);
    expect(again.status).toBe(304);
  });

  it.each(['/openapi/secrets.json', '/openapi/..%2fpackage.json', '/openapi/'])(
    'answers %s with a 404 problem',
    async (url) => expectProblem404(await get(url)),
  );

  it('serves the reference page, its scripts and styles from the package, and the documents it switches between', async () => {
    const page = await get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('<div id="swagger-ui"></div>');

    // Everything the page loads is on this host: no CDN, so it works offline.
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toHaveLength(7);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/docs\//);
      const response = await get(asset);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers['content-type']).toMatch(
        asset.endsWith('.js') ? /^text\/javascript/ : asset.endsWith('.css') ? /^text\/css/ : /^image/,
      );
    }
    const bundle = assets.find((asset) => asset.endsWith('/swagger-ui-bundle.js'))!;
    expect((await get(bundle)).headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // The start script opens the host document and offers the Open API beside it.
    const init = await get('/docs/init.js');
    expect(init.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(init.text).toContain('SwaggerUIBundle(');
    const urls = [...init.text.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
    expect(urls).toEqual(['/openapi/host.json', '/openapi/open-platform.json']);
    expect(init.text).toContain('"validatorUrl":null');
  });

  it('serves no other file of the package, and only its installed version', async () => {
    const bundle = [...(await get('/docs')).text.matchAll(/src="([^"]+swagger-ui-bundle\.js)"/g)][0][1];
    const folder = bundle.slice(0, bundle.lastIndexOf('/'));
    expectProblem404(await get(`${folder}/index.html`));
    expectProblem404(await get(`${folder}/package.json`));
    expectProblem404(await get(`${folder}/..%2f..%2fpackage.json`));
    expectProblem404(await get('/docs/swagger-ui/0.0.1/swagger-ui-bundle.js'));
  });
});

describe('the API reference with documents from another folder (KONGJIAN_OPENAPI_DIR)', () => {
  let host: TestHost;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-openapi-'));
    writeFileSync(path.join(dir, 'host.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 'here' } }));
    host = await TestHost.start({ openapiDir: dir });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves what that folder holds, and a missing document is a 404 problem', async () => {
    const served = await request(host.app.getHttpServer()).get('/openapi/host.json');
    expect(served.body.info.title).toBe('here');
    expectProblem404(await request(host.app.getHttpServer()).get('/openapi/open-platform.json'));
  });
});
