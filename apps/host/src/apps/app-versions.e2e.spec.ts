import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { admin, developer, useReviewHost } from './apps.e2e-setup';

describe('app versions: partial draft edits, decisions told to the developer, the diff against the published version', () => {
  useReviewHost();

  const draftOf = async (app: TestApp, number = 1) =>
    (
      await host.sql<{ manifest: Record<string, unknown>; updated_at: Date }>(
        'select manifest, updated_at from app_version where app_id = ? and number = ?',
        [app.id, number],
      )
    )[0];
  const edit = (app: TestApp, body: unknown, number = 1, token = developer.token) =>
    host.patch(`/developer/apps/${app.id}/versions/${number}`, { token, body });
  const move = async (app: TestApp, number: number, action: 'submit' | 'approve' | 'publish') => {
    const url =
      action === 'approve'
        ? `/admin/apps/${app.id}/versions/${number}/approve`
        : `/developer/apps/${app.id}/versions/${number}/${action}`;
    const token = action === 'approve' ? admin.token : developer.token;
    expect((await host.post(url, { token, body: {} })).status).toBe(200);
  };

  describe('editing a draft', () => {
    it('changes only the fields the edit names, and null clears a URL', async () => {
      const app = await factory.newApp({
        developer,
        scopes: ['profile:read', 'storage'],
        optionalScopes: ['storage'],
        redirectUris: ['https://app.example/callback'],
      });
      const first = await edit(app, {
        versionName: '1.1',
        webhookUrl: 'https://app.example/hooks',
        canvasUrl: 'https://app.example/canvas',
      });
      expect(first.status).toBe(200);
      expect(first.body.manifest).toMatchObject({
        versionName: '1.1',
        scopes: ['profile:read', 'storage'],
        optionalScopes: ['storage'],
        redirectUris: ['https://app.example/callback'],
        webhookUrl: 'https://app.example/hooks',
        canvasUrl: 'https://app.example/canvas',
      });

      const second = await edit(app, { canvasUrl: null, events: ['app.installed'] });
      expect(second.body.manifest).toMatchObject({
        versionName: '1.1',
        scopes: ['profile:read', 'storage'],
        optionalScopes: ['storage'],
        webhookUrl: 'https://app.example/hooks',
        canvasUrl: null,
        events: ['app.installed'],
      });
      // The app follows its newest draft in development, so the developer tries what they wrote.
      expect((await host.get(`/developer/apps/${app.id}`, { token: developer.token })).body).toMatchObject({
        webhookUrl: 'https://app.example/hooks',
        canvasUrl: null,
        events: ['app.installed'],
      });
      expect((await edit(app, {})).body.manifest).toEqual(second.body.manifest);
    });

    it('refuses bad edits, other developers, non-developers and non-drafts, changing nothing', async () => {
      const app = await factory.newApp({
        developer,
        scopes: ['profile:read', 'feed:write'],
        optionalScopes: ['feed:write'],
      });
      const before = await draftOf(app);
      for (const [body, field] of [
        [{ scopes: null }, 'scopes'],
        [{ redirectUris: null }, 'redirectUris'],
        [{ redirectUris: [] }, 'redirectUris'],
        [{ redirectUris: ['http://remote.example/cb'] }, 'redirectUris'],
        [{ scopes: ['wallet:drain'] }, 'scopes'],
        [{ events: ['order.stolen'] }, 'events'],
        [{ webhookUrl: 'ftp://app.example/hooks' }, 'webhookUrl'],
        // Narrowing the scopes must not leave an optional scope the version no longer asks for.
        [{ scopes: ['profile:read'] }, 'optionalScopes'],
        [{ optionalScopes: ['storage'] }, 'optionalScopes'],
        [{ surprise: true }, 'surprise'],
      ] as const) {
        const response = await edit(app, body);
        expectProblem(response, 400, 'validation_failed');
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      expectProblem(await edit(app, ['scopes']), 400, 'validation_failed');

      const stranger = await factory.newUser('stranger');
      await host.post('/developer/registration', { token: stranger.token });
      expectProblem(await edit(app, { versionName: 'x' }, 1, stranger.token), 404, 'not_found');
      const plain = await factory.newUser('plain');
      expectProblem(await edit(app, { versionName: 'x' }, 1, plain.token), 403, 'forbidden');
      expectProblem(await edit(app, { versionName: 'x' }, 2), 404, 'not_found');
      expect(await draftOf(app)).toEqual(before);

      await move(app, 1, 'submit');
      expectProblem(await edit(app, { versionName: 'x' }), 409, 'app_status_conflict');
      expect((await draftOf(app)).manifest).toEqual(before.manifest);
    });
  });

  describe("the developer is told of every admin's decision", () => {
    const noticesOf = async (user: TestUser) => {
      const listed = await host.get('/notifications', { token: user.token });
      expect(listed.status).toBe(200);
      return listed.body.items.filter((item: { kind: string }) => item.kind.startsWith('app_'));
    };

    it('approval, rejection with the reason, suspension and reinstatement, from the platform', async () => {
      const app = await factory.newApp({ developer: await factory.newUser('told'), name: 'Told App' });
      const owner = app.developer;
      await host.post(`/developer/apps/${app.id}/versions/1/submit`, { token: owner.token, body: {} });
      const rejected = await host.post(`/admin/apps/${app.id}/versions/1/reject`, {
        token: admin.token,
        body: { reason: 'Say what storage is for' },
      });
      expect(rejected.status).toBe(200);
      // A refused move tells nobody anything.
      expectProblem(
        await host.post(`/admin/apps/${app.id}/versions/1/approve`, { token: admin.token, body: {} }),
        409,
        'app_status_conflict',
      );
      await host.post(`/developer/apps/${app.id}/versions`, {
        token: owner.token,
        body: { scopes: ['profile:read'], redirectUris: ['https://app.example/callback'] },
      });
      await host.post(`/developer/apps/${app.id}/versions/2/submit`, { token: owner.token, body: {} });
      await host.post(`/admin/apps/${app.id}/versions/2/approve`, { token: admin.token, body: {} });
      await host.post(`/admin/apps/${app.id}/suspend`, { token: admin.token, body: { reason: 'Spam' } });
      await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} });

      const label = { id: app.id, name: 'Told App', iconUrl: null };
      const common = { actor: null, subjectType: 'app', subjectId: app.id, app: label, read: false };
      expect(await noticesOf(owner)).toMatchObject([
        { ...common, kind: 'app_reinstated', versionNumber: null, text: null },
        { ...common, kind: 'app_suspended', versionNumber: null, text: 'Spam' },
        { ...common, kind: 'app_version_approved', versionNumber: 2, text: null },
        { ...common, kind: 'app_version_rejected', versionNumber: 1, text: 'Say what storage is for' },
      ]);
      expect((await host.get('/notifications/unread-count', { token: owner.token })).body.count).toBe(4);
      expect(await noticesOf(developer)).toEqual([]);
      expect(await noticesOf(admin)).toEqual([]);
    });
  });

  describe('the diff', () => {
    const diffOf = (app: TestApp, number: number, token = developer.token) =>
      host.get(`/developer/apps/${app.id}/versions/${number}/diff`, { token });

    it('counts everything as added while nothing is published', async () => {
      const app = await factory.newApp({
        developer,
        name: 'First Light',
        scopes: ['profile:read', 'storage'],
        optionalScopes: ['storage'],
      });
      const diff = await diffOf(app, 1);
      expect(diff.status).toBe(200);
      expect(diff.body).toEqual({
        baseVersion: null,
        requiredScopes: { added: ['profile:read'], removed: [] },
        optionalScopes: { added: ['storage'], removed: [] },
        events: { added: expect.any(Array), removed: [] },
        redirectUris: { added: ['https://app.example/callback'], removed: [] },
        canvasUrl: null,
        webhookUrl: null,
        versionName: null,
        listing: [
          { field: 'name', from: null, to: 'First Light' },
          { field: 'description', from: null, to: 'A test app' },
          { field: 'category', from: null, to: 'games' },
        ],
      });
    });

    it('shows scopes, events, URLs and listing fields that changed since the published version', async () => {
      const app = await factory.newApp({
        developer,
        scopes: ['profile:read', 'friends:read', 'storage'],
        optionalScopes: ['storage'],
        redirectUris: ['https://app.example/callback', 'https://app.example/old'],
      });
      await edit(app, { events: ['app.installed', 'order.paid'], webhookUrl: 'https://app.example/hooks' });
      await move(app, 1, 'submit');
      await move(app, 1, 'approve');
      await move(app, 1, 'publish');
      expect((await diffOf(app, 1)).body).toMatchObject({
        baseVersion: 1,
        requiredScopes: { added: [], removed: [] },
        webhookUrl: null,
        listing: [],
      });

      const next = await host.post(`/developer/apps/${app.id}/versions`, {
        token: developer.token,
        body: {
          versionName: '2.0',
          scopes: ['profile:read', 'storage', 'feed:write'],
          optionalScopes: ['feed:write'],
          redirectUris: ['https://app.example/callback', 'https://app.example/new'],
          events: ['app.installed', 'gift.received'],
          canvasUrl: 'https://app.example/canvas',
        },
      });
      expect(next.status).toBe(201);
      await host.put(`/developer/apps/${app.id}`, {
        token: developer.token,
        body: { name: 'Renamed', description: 'A test app', category: 'tools' },
      });

      const expected = {
        baseVersion: 1,
        requiredScopes: { added: ['storage'], removed: ['friends:read'] },
        optionalScopes: { added: ['feed:write'], removed: ['storage'] },
        events: { added: ['gift.received'], removed: ['order.paid'] },
        redirectUris: { added: ['https://app.example/new'], removed: ['https://app.example/old'] },
        canvasUrl: { from: null, to: 'https://app.example/canvas' },
        webhookUrl: { from: 'https://app.example/hooks', to: null },
        versionName: { from: null, to: '2.0' },
        listing: [
          { field: 'name', from: expect.stringMatching(/^App /), to: 'Renamed' },
          { field: 'category', from: 'games', to: 'tools' },
        ],
      };
      expect((await diffOf(app, 2)).body).toEqual(expected);
      // Reviewers see the same diff.
      const reviewed = await host.get(`/admin/apps/${app.id}/versions/2/diff`, { token: admin.token });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toEqual(expected);
    });

    it('is the owner’s and the admins’ only; unknown apps and versions are 404', async () => {
      const app = await factory.newApp({ developer });
      const stranger = await factory.newUser('stranger');
      await host.post('/developer/registration', { token: stranger.token });
      expectProblem(await diffOf(app, 1, stranger.token), 404, 'not_found');
      const plain = await factory.newUser('plain');
      expectProblem(await diffOf(app, 1, plain.token), 403, 'forbidden');
      expectProblem(
        await host.get(`/admin/apps/${app.id}/versions/1/diff`, { token: developer.token }),
        403,
        'forbidden',
      );
      expectProblem(await host.get(`/developer/apps/${app.id}/versions/1/diff`), 401, 'unauthenticated');
      for (const number of ['2', '0', 'one', '99999999999']) {
        expectProblem(
          await host.get(`/developer/apps/${app.id}/versions/${number}/diff`, { token: developer.token }),
          404,
          'not_found',
        );
        expectProblem(
          await host.get(`/admin/apps/${app.id}/versions/${number}/diff`, { token: admin.token }),
          404,
          'not_found',
        );
      }
      expectProblem(
        await host.get('/admin/apps/01890000-0000-7000-8000-000000000000/versions/1/diff', {
          token: admin.token,
        }),
        404,
        'not_found',
      );
    });
  });
});
