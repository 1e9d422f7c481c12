import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { TestHost } from '../testing/test-host';

/** What a browser sends when a person opens a page. */
const NAVIGATION = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web app served at /', () => {
  let host: TestHost;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Kongjian app</title>');
    writeFileSync(path.join(webDir, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    host = await TestHost.start({ webDir });
  });

  afterAll(async () => {
    await host.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each(['/', '/u/xiaoming', '/friends', '/notifications', '/posts/1'])(
    'opens the app for a page navigation to %s',
    async (pathname) => {
      const response = await request(host.app.getHttpServer()).get(pathname).set('Accept', NAVIGATION);
      expect(response.status).toBe(200);
      expect(response.text).toContain('Kongjian app');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    },
  );

  it('leaves the same paths to the API when the app fetches them', async () => {
    const response = await request(host.app.getHttpServer()).get('/friends').set('Accept', '*/*');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it.each([
    '/oauth/authorize',
    '/health',
    '/health/ready',
    '/metrics',
    '/apps/farm/',
    '/.well-known/oauth-authorization-server',
    '/docs',
    '/openapi.json',
    '/openapi/host.json',
  ])('leaves the host its own page %s', async (pathname) => {
    const response = await request(host.app.getHttpServer()).get(pathname).set('Accept', NAVIGATION);
    expect(response.text).not.toContain('Kongjian app');
  });

  it('serves hashed files for a year and other files by name', async () => {
    const asset = await request(host.app.getHttpServer()).get('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await request(host.app.getHttpServer()).get('/favicon.svg');
    expect(icon.status).toBe(200);
    const missing = await request(host.app.getHttpServer()).get('/assets/nothing.js').set('Accept', '*/*');
    expect(missing.status).toBe(404);
  });

  it('never serves a file from outside the build', async () => {
    const response = await request(host.app.getHttpServer()).get('/assets/..%2f..%2fetc%2fpasswd');
    expect(response.text).not.toContain('root:');
  });
});

describe('the console served at /console/', () => {
  let host: TestHost;
  let webDir: string;
  let consoleDir: string;

  /** A build of one page and one hashed script, as Vite makes it. */
  function build(title: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-spa-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${title}</title>`);
    writeFileSync(path.join(dir, 'assets', 'console-abc123.js'), 'console.log(2)');
    return dir;
  }

  beforeAll(async () => {
    webDir = build('Kongjian app');
    consoleDir = build('Kongjian console');
    host = await TestHost.start({ webDir, consoleDir });
  });

  afterAll(async () => {
    await host.close();
    for (const dir of [webDir, consoleDir]) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/console', '/console/', '/console/apps/123/versions', '/console/admin/review'])(
    'opens the console for a page navigation to %s',
    async (pathname) => {
      const response = await request(host.app.getHttpServer()).get(pathname).set('Accept', NAVIGATION);
      expect(response.status).toBe(200);
      expect(response.text).toContain('Kongjian console');
      expect(response.headers['x-frame-options']).toBe('DENY');
    },
  );

  it('serves its files under its mount, and the web app keeps the rest', async () => {
    const asset = await request(host.app.getHttpServer()).get('/console/assets/console-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const web = await request(host.app.getHttpServer()).get('/developer/apps').set('Accept', NAVIGATION);
    expect(web.text).toContain('Kongjian app');
  });

  it('leaves the API to the console fetching it', async () => {
    const response = await request(host.app.getHttpServer()).get('/developer/apps').set('Accept', '*/*');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('a host without a built web app', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start({ webDir: path.join(os.tmpdir(), 'kongjian-no-such-build') });
  });

  afterAll(() => host.close());

  it('tells a person how to build it, and the API still works', async () => {
    const page = await request(host.app.getHttpServer()).get('/').set('Accept', NAVIGATION);
    expect(page.status).toBe(503);
    expect(page.text).toContain('npm run build -w apps/web');
    const health = await request(host.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
  });
});
