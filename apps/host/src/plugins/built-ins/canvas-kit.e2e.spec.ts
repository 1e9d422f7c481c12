import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PLUGINS_DIR } from '../../config/config';
import { expectProblem } from '../../testing/expect-problem';
import { PluginTestKit } from '../plugins.testing';

const BUILT_INS = ['gifts', 'polls', 'farm'];

describe('the canvas kit the built-in canvases share (e2e)', () => {
  let kit: PluginTestKit;

  beforeAll(async () => {
    kit = await PluginTestKit.start({ plugins: BUILT_INS });
  });

  afterAll(() => kit.close());

  it('serves every kit file a built-in canvas page links, with its content type', async () => {
    for (const plugin of BUILT_INS) {
      const page = readFileSync(path.join(DEFAULT_PLUGINS_DIR, plugin, 'ui', 'index.html'), 'utf8');
      const linked = [...page.matchAll(/(?:href|src)="(\/apps\/_kit\/[^"]+)"/g)].map((match) => match[1]);
      expect(linked.sort()).toEqual(['/apps/_kit/kit.css', '/apps/_kit/kit.js']);
      for (const url of linked) {
        const file = await kit.host.get(url, { raw: true });
        expect(file.status).toBe(200);
        expect(file.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /javascript/);
        expect(file.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it('serves nothing but the kit: no page, no plugin source, nothing outside its folder', async () => {
    for (const url of [
      '/apps/_kit',
      '/apps/_kit/',
      '/apps/_kit/missing.js',
      '/apps/_kit/..%2Fsrc%2Fopen-api.ts',
      '/apps/_kit/%2E%2E/src/app-storage.ts',
      '/apps/_kit/..%2F..%2Fgifts%2Fmanifest.json',
      '/apps/_kit/.hidden',
    ]) {
      expectProblem(await kit.host.get(url, { raw: true }), 404, 'not_found');
    }
  });

  it('is no plugin: the host loads the built-ins, not the shared folder beside them', async () => {
    expect(
      kit.plugins
        .list()
        .map(({ plugin }) => plugin.package.manifest.id)
        .sort(),
    ).toEqual([...BUILT_INS].sort());
  });
});
