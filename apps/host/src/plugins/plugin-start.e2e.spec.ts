import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_PLUGINS_DIR, PluginTestKit } from './plugins.testing';

/** Process ids of this process's children that run plugin workers. */
function pluginWorkers(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return (
          parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('no-node-snapshot')
        );
      } catch {
        return false; // It has just exited.
      }
    })
    .map(Number);
}

describe('starting the plugin runtime', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-plugins-'));
    cpSync(path.join(FIXTURE_PLUGINS_DIR, 'echo'), path.join(dir, 'echo'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a worker per plugin while the host runs, and none once it is closed', async () => {
    const kit = await PluginTestKit.start({ pluginsDir: dir, plugins: ['echo'] });
    expect(pluginWorkers()).toHaveLength(1);
    await kit.close();
    expect(pluginWorkers()).toEqual([]);
  });

  it('refuses to start with a plugin whose manifest and handlers disagree, and leaves no worker running', async () => {
    const manifestPath = path.join(dir, 'echo', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { routes: string[] };
    writeFileSync(
      manifestPath,
      JSON.stringify({ ...manifest, routes: [...manifest.routes, 'GET /missing'] }),
    );
    await expect(PluginTestKit.start({ pluginsDir: dir, plugins: ['echo'] })).rejects.toThrow(
      'Plugin "echo": manifest.json routes and definePlugin disagree; no handler for GET /missing',
    );
    expect(pluginWorkers()).toEqual([]);
  });
});
