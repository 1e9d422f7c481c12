import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCacheDir } from '../common/entry-script';
import { bundlePlugin } from './plugin-bundle';
import { loadPluginPackage, PluginManifestError, validateManifest } from './plugin-manifest';
import { PluginTestKit } from './plugins.testing';

/** What a plugin's files may reach: only its own folder (and plugins/shared), whatever links it holds. */
describe('plugin files stay inside the plugin', () => {
  let root: string;
  let outside: string;

  /** A plugin folder under `root` with one route, a canvas, and `files` (path → content). */
  async function writePlugin(id: string, files: Record<string, string> = {}): Promise<string> {
    const dir = path.join(root, id);
    await mkdir(path.join(dir, 'src'), { recursive: true });
    await mkdir(path.join(dir, 'ui'), { recursive: true });
    const manifest = {
      id,
      name: id,
      version: '1.0.0',
      description: 'A plugin of the file tests',
      category: 'tools',
      scopes: ['profile:read'],
      routes: ['GET /ok'],
      entry: 'src/index.js',
      canvas: 'ui/index.html',
    };
    const defaults = {
      'manifest.json': JSON.stringify(manifest),
      'src/index.js': "export default { routes: { 'GET /ok': async () => ({ body: { ok: true } }) } };",
      'ui/index.html': `<!doctype html><title>${id}</title>`,
    };
    for (const [file, content] of Object.entries({ ...defaults, ...files })) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    return dir;
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kongjian-plugin-files-'));
    outside = await mkdtemp(path.join(os.tmpdir(), 'kongjian-outside-'));
    await writeFile(path.join(outside, 'secret.js'), "export default 'the host secret';");
    await writeFile(
      path.join(outside, 'plugin.js'),
      "export default { routes: { 'GET /ok': async () => ({ body: 'from outside' }) } };",
    );
    await mkdir(path.join(root, 'shared', 'src'), { recursive: true });
    await mkdir(path.join(root, 'shared', 'ui'), { recursive: true });
    await writeFile(path.join(root, 'shared', 'src', 'greeting.js'), "export const greeting = 'hi';");
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  describe('the manifest', () => {
    const manifest = (routes: string[]) => ({
      id: 'routes',
      name: 'Routes',
      version: '1.0.0',
      description: 'x',
      category: 'tools',
      scopes: [],
      routes,
      entry: 'src/index.js',
      canvas: 'ui/index.html',
    });

    it.each([
      'GET /../admin',
      'GET /a/../../admin',
      'GET /./x',
      'GET /...',
      'GET /%2e%2e/admin',
      'GET /a%2Fb',
      'GET /a\\b',
    ])('refuses the route %s', (route) => {
      expect(() => validateManifest('routes', manifest([route]))).toThrow(
        new PluginManifestError(
          `Plugin "routes": manifest.json routes has "${route}"; a route is "GET|POST|PUT|PATCH|DELETE /path/:param"`,
        ),
      );
    });

    it('accepts dots inside a segment', () => {
      expect(
        validateManifest('routes', manifest(['GET /v1.2/file.json', 'GET /.well-known'])).routes,
      ).toEqual(['GET /v1.2/file.json', 'GET /.well-known']);
    });
  });

  describe('the bundler', () => {
    it('bundles imports from the plugin folder and plugins/shared', async () => {
      const dir = await writePlugin('sharing', {
        'src/index.js':
          "import { greeting } from '../../shared/src/greeting.js';\nimport { name } from './name.js';\nexport default { routes: { 'GET /ok': async () => ({ body: { greeting, name } }) } };",
        'src/name.js': "export const name = 'sharing';",
      });
      const bundle = await bundlePlugin(loadPluginPackage(dir));
      expect(bundle.code).toContain('greeting = "hi"');
    });

    it('keeps a bundle until a file it was built from changes, or a file beside one appears', async () => {
      const dir = await writePlugin('kept', {
        'src/index.js':
          "import { name } from './name';\nexport default { routes: { 'GET /ok': async () => ({ body: { name } }) } };",
        'src/name/index.js': "export const name = 'first';",
      });
      const cacheFile = path.join(buildCacheDir(), 'plugin-bundles', 'kept.json');
      const first = await bundlePlugin(loadPluginPackage(dir));
      expect(first.code).toContain('"first"');
      const kept = await stat(cacheFile);
      // Unchanged: the kept bundle, not a new build.
      expect((await bundlePlugin(loadPluginPackage(dir))).code).toBe(first.code);
      expect((await stat(cacheFile)).mtimeMs).toBe(kept.mtimeMs);
      // A file it was built from changes.
      await writeFile(path.join(dir, 'src', 'name', 'index.js'), "export const name = 'second';");
      expect((await bundlePlugin(loadPluginPackage(dir))).code).toContain('"second"');
      // A new file changes what `./name` resolves to, though no file the bundle was built from changed.
      await writeFile(path.join(dir, 'src', 'name.js'), "export const name = 'third';");
      expect((await bundlePlugin(loadPluginPackage(dir))).code).toContain('"third"');
    });

    it('checks the imports of a plugin again when it changes, whatever bundle was kept', async () => {
      const dir = await writePlugin('rechecked');
      await bundlePlugin(loadPluginPackage(dir));
      await writeFile(
        path.join(dir, 'src', 'index.js'),
        "import x from '../../../../../../etc/passwd' with { type: 'text' };\nexport default { routes: { 'GET /ok': async () => ({ body: { x } }) } };",
      );
      await expect(bundlePlugin(loadPluginPackage(dir))).rejects.toThrow(
        /does not build: .*is outside the plugin's folder and plugins\/shared/,
      );
    });

    it.each([
      ['an absolute path read as text', "import x from '/etc/passwd' with { type: 'text' };"],
      [
        'a relative path out of the folder',
        "import x from '../../../../../../etc/passwd' with { type: 'text' };",
      ],
      ['another plugin’s source', "import x from '../../sharing/src/name.js';"],
      ['a symlink to a file outside', "import x from './link.js';"],
    ])('refuses %s', async (_, source) => {
      const id = `reader-${Math.random().toString(36).slice(2, 8)}`;
      const dir = await writePlugin(id, {
        'src/index.js': `${source}\nexport default { routes: { 'GET /ok': async () => ({ body: { x } }) } };`,
      });
      await symlink(path.join(outside, 'secret.js'), path.join(dir, 'src', 'link.js'));
      await expect(bundlePlugin(loadPluginPackage(dir))).rejects.toThrow(
        /does not build: .*is outside the plugin's folder and plugins\/shared/,
      );
    });

    it('refuses an entry point that is a link to a plugin outside the folder', async () => {
      const dir = await writePlugin('entry-link');
      await rm(path.join(dir, 'src', 'index.js'));
      await symlink(path.join(outside, 'plugin.js'), path.join(dir, 'src', 'index.js'));
      await expect(bundlePlugin(loadPluginPackage(dir))).rejects.toThrow(
        /does not build: .*is outside the plugin's folder and plugins\/shared/,
      );
    });
  });

  describe('static files', () => {
    let kit: PluginTestKit;

    beforeAll(async () => {
      const dir = await writePlugin('linker', { 'ui/app.js': 'console.log("app");' });
      await writePlugin('neighbour', { 'ui/private.txt': 'neighbour data' });
      await symlink('/etc/passwd', path.join(dir, 'ui', 'passwd'));
      await symlink('../..', path.join(dir, 'ui', 'up'));
      await symlink(path.join(outside, 'secret.js'), path.join(dir, 'ui', 'secret.js'));
      // A link that stays inside ui/ is an ordinary file.
      await symlink('app.js', path.join(dir, 'ui', 'alias.js'));
      kit = await PluginTestKit.start({ pluginsDir: root, plugins: ['linker', 'neighbour'] });
    });

    afterAll(() => kit?.close());

    it('serves files inside ui/, links within it included', async () => {
      for (const file of ['app.js', 'alias.js']) {
        const response = await fetch(new URL(`/apps/linker/${file}`, kit.baseUrl));
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('console.log("app");');
      }
    });

    it.each([
      '/apps/linker/passwd',
      '/apps/linker/secret.js',
      '/apps/linker/up/neighbour/ui/private.txt',
      '/apps/linker/up/neighbour/manifest.json',
      '/apps/linker/up/linker/src/index.js',
      '/apps/linker/up%2Fneighbour%2Fmanifest.json',
    ])('answers 404 for %s, which leads outside through a link', async (url) => {
      const response = await fetch(new URL(url, kit.baseUrl));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/root:|neighbour data|"neighbour"|host secret/);
    });
  });
});
