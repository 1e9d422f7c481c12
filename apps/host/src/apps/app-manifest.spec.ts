import { ProblemException } from '../common/problem';
import {
  type AppManifest,
  assertOptionalScopesAsked,
  canonicalManifest,
  developerManifest,
} from './app-manifest';

const manifest: AppManifest = {
  versionName: '1.0.0',
  scopes: ['storage', 'profile:read', 'storage'],
  optionalScopes: ['storage'],
  events: ['post.created', 'app.installed', 'post.created'],
  canvasUrl: 'https://app.example/canvas',
  pluginId: null,
  webhookUrl: null,
  redirectUris: ['https://app.example/b', 'https://app.example/a'],
};

describe('app manifests', () => {
  it('compare by what they ask for: scopes in catalog order, events sorted, no duplicates', () => {
    const canonical = canonicalManifest(manifest);
    expect(canonical.scopes).toEqual(['profile:read', 'storage']);
    expect(canonical.events).toEqual(['app.installed', 'post.created']);
    // Redirect URIs are matched exactly, so their order is the developer's.
    expect(canonical.redirectUris).toEqual(['https://app.example/b', 'https://app.example/a']);
    const reordered = canonicalManifest({
      ...manifest,
      scopes: ['profile:read', 'storage'],
      events: ['post.created', 'app.installed'],
    });
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(canonical));
  });

  it('refuses optional scopes the manifest does not ask for, naming them', () => {
    let refused: unknown;
    try {
      assertOptionalScopesAsked({ scopes: ['profile:read'], optionalScopes: ['storage', 'feed:write'] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).errors).toEqual([
      {
        field: 'optionalScopes',
        message: 'optionalScopes must also be listed in scopes: storage, feed:write',
      },
    ]);
    expect(() =>
      assertOptionalScopesAsked({ scopes: ['storage'], optionalScopes: ['storage'] }),
    ).not.toThrow();
  });

  it("keeps only a developer's manifest fields, never a plugin id", () => {
    const details = { ...manifest, pluginId: 'polls', name: 'Listing name', category: 'games' };
    const result = developerManifest(details);
    expect(result.pluginId).toBeNull();
    expect(Object.keys(result).sort()).toEqual(Object.keys(manifest).sort());
    expect(result.scopes).toEqual(['profile:read', 'storage']);
  });
});
