import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { admin, developer, useReviewHost } from './apps.e2e-setup';

describe('version review: the note for the reviewer, the history the developer sees, reviewers trying a version (e2e)', () => {
  useReviewHost();

  const submit = (app: TestApp, body?: unknown, number = 1, token = developer.token) =>
    host.post(`/developer/apps/${app.id}/versions/${number}/submit`, { token, body });
  const versionRow = async (app: TestApp, number = 1) =>
    (
      await host.sql<{ status: string; submit_note: string | null }>(
        'select status, submit_note from app_version where app_id = ? and number = ?',
        [app.id, number],
      )
    )[0];
  const canvasDraft = async (app: TestApp, canvasUrl: string, number = 1) =>
    expect(
      (
        await host.patch(`/developer/apps/${app.id}/versions/${number}`, {
          token: developer.token,
          body: { canvasUrl },
        })
      ).status,
    ).toBe(200);

  describe('the review queue', () => {
    it('lists every submitted version oldest first, a page at a time, without cutting any off', async () => {
      const apps: TestApp[] = [];
      for (let i = 0; i < 5; i++) {
        const app = await factory.newApp({ developer, name: `Queued ${i}` });
        apps.push(app);
        expect((await submit(app)).status).toBe(200);
        host.clock.advance(1_000);
      }
      // A decision takes a version out of the queue.
      expect(
        (await host.post(`/admin/apps/${apps[2].id}/versions/1/approve`, { token: admin.token, body: {} }))
          .status,
      ).toBe(200);

      const walked: { appId: string; submittedAt: string }[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await host.get('/admin/app-versions', {
          token: admin.token,
          query: { limit: 2, cursor },
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        walked.push(
          ...page.body.items.map((item: { app: { id: string }; version: { updatedAt: string } }) => ({
            appId: item.app.id,
            submittedAt: item.version.updatedAt,
          })),
        );
        cursor = page.body.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 50);
      expect(cursor).toBeUndefined();

      const queued = await host.sql<{ app_id: string }>(
        "select app_id from app_version where status = 'submitted' order by updated_at, app_id",
      );
      expect(walked.map((item) => item.appId)).toEqual(queued.map((row) => row.app_id));
      const times = walked.map((item) => item.submittedAt);
      expect([...times].sort()).toEqual(times);
      const mine = walked.map((item) => item.appId).filter((id) => apps.some((app) => app.id === id));
      expect(mine).toEqual([apps[0].id, apps[1].id, apps[3].id, apps[4].id]);

      // The first page alone says there is more.
      const first = await host.get('/admin/app-versions', { token: admin.token, query: { limit: 1 } });
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
    });

    it('refuses a bad cursor or page size with a problem', async () => {
      expectProblem(
        await host.get('/admin/app-versions', { token: admin.token, query: { cursor: 'nope' } }),
        400,
        'invalid_cursor',
      );
      for (const limit of [0, LIMITS.pageSizeMax + 1]) {
        expectProblem(
          await host.get('/admin/app-versions', { token: admin.token, query: { limit } }),
          400,
          'validation_failed',
        );
      }
    });
  });

  describe('submitting with a note', () => {
    it('keeps the trimmed note with the version, for the developer and for admins', async () => {
      const app = await factory.newApp({ developer });
      const submitted = await submit(app, { note: '  Friends are used to pick a partner.\n ' });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        submitNote: 'Friends are used to pick a partner.',
      });

      const mine = await host.get(`/developer/apps/${app.id}/versions`, { token: developer.token });
      expect(mine.body.items[0].submitNote).toBe('Friends are used to pick a partner.');
      const review = await host.get(`/admin/apps/${app.id}`, { token: admin.token });
      expect(review.body.versions[0].submitNote).toBe('Friends are used to pick a partner.');
      const queue = await host.get('/admin/app-versions', { token: admin.token });
      expect(
        queue.body.items.find((item: { app: { id: string } }) => item.app.id === app.id).version.submitNote,
      ).toBe('Friends are used to pick a partner.');
    });

    it('takes no body, an empty one or a blank note as no note', async () => {
      for (const body of [undefined, {}, { note: '   ' }]) {
        const app = await factory.newApp({ developer });
        const submitted = await submit(app, body);
        expect(submitted.status).toBe(200);
        expect(submitted.body.submitNote).toBeNull();
      }
    });

    it('refuses a bad note, changing nothing', async () => {
      const app = await factory.newApp({ developer });
      expectProblem(
        await submit(app, { note: 'x'.repeat(LIMITS.appSubmitNoteMax + 1) }),
        400,
        'validation_failed',
      );
      expectProblem(await submit(app, { note: 42 }), 400, 'validation_failed');
      expectProblem(await submit(app, { note: 'fine', extra: true }), 400, 'validation_failed');
      expect(await versionRow(app)).toEqual({ status: 'draft', submit_note: null });

      const stranger = await factory.newUser('dev');
      await host.post('/developer/registration', { token: stranger.token });
      expectProblem(await submit(app, { note: 'mine now' }, 1, stranger.token), 404, 'not_found');
      const plainUser = await factory.newUser();
      expectProblem(await submit(app, { note: 'hello' }, 1, plainUser.token), 403, 'forbidden');
      expect(await versionRow(app)).toEqual({ status: 'draft', submit_note: null });

      expect((await submit(app, { note: 'At last' })).status).toBe(200);
      // Submitted once: a second submission is a conflict and keeps the first note.
      expectProblem(await submit(app, { note: 'Again' }), 409, 'app_status_conflict');
      expect(await versionRow(app)).toEqual({ status: 'submitted', submit_note: 'At last' });
    });
  });

  it('gives the developer the history of decisions with reasons, without naming the admin', async () => {
    const app = await factory.newApp({ developer });
    await submit(app, { note: 'First try' });
    await host.post(`/admin/apps/${app.id}/versions/1/reject`, {
      token: admin.token,
      body: { reason: 'Explain the friends scope' },
    });
    const versions = await host.get(`/developer/apps/${app.id}/versions`, { token: developer.token });
    expect(versions.body.history).toEqual([
      expect.objectContaining({ versionNumber: 1, fromStatus: 'draft', toStatus: 'submitted', reason: null }),
      expect.objectContaining({
        versionNumber: 1,
        fromStatus: 'submitted',
        toStatus: 'rejected',
        reason: 'Explain the friends scope',
      }),
    ]);
    expect(versions.body.history[1]).not.toHaveProperty('actor');
  });

  describe('reviewers try a version like testers', () => {
    it('lets an admin install an app in development mode and open the submitted version’s canvas', async () => {
      const app = await factory.newApp({ developer, scopes: ['profile:read'] });
      await canvasDraft(app, 'https://canvas.example/v1');
      await submit(app);
      const visitor = await factory.newUser();
      expectProblem(await host.get(`/app-center/apps/${app.id}`, { token: visitor.token }), 404, 'not_found');

      expect((await host.get(`/app-center/apps/${app.id}`, { token: admin.token })).status).toBe(200);
      expect(
        (await host.post(`/app-center/apps/${app.id}/install`, { token: admin.token, body: {} })).status,
      ).toBe(200);
      const launched = await host.post(`/app-center/apps/${app.id}/launch`, {
        token: admin.token,
        query: { version: 1 },
      });
      expect(launched.status).toBe(200);
      expect(launched.body.canvasUrl).toBe('https://canvas.example/v1');
    });

    it('opens the version under review, not the published one, for admins, testers and the developer only', async () => {
      const app = await factory.newApp({ developer, scopes: ['profile:read'] });
      await canvasDraft(app, 'https://canvas.example/v1');
      await factory.approveApp(app);
      const created = await host.post(`/developer/apps/${app.id}/versions`, {
        token: developer.token,
        body: {
          scopes: ['profile:read'],
          redirectUris: ['https://app.example/callback'],
          canvasUrl: 'https://canvas.example/v2',
        },
      });
      expect(created.status).toBe(201);
      await submit(app, { note: 'New canvas' }, 2);

      const user = await factory.newUser();
      const tester = await factory.newUser('tester');
      await host.put(`/developer/apps/${app.id}/testers/${tester.id}`, { token: developer.token });
      for (const person of [user, tester, admin, developer]) {
        await host.post(`/app-center/apps/${app.id}/install`, { token: person.token, body: {} });
      }
      const launch = (person: TestUser, version?: number) =>
        host.post(`/app-center/apps/${app.id}/launch`, { token: person.token, query: { version } });

      expect((await launch(admin)).body.canvasUrl).toBe('https://canvas.example/v1');
      for (const person of [admin, tester, developer]) {
        expect((await launch(person, 2)).body.canvasUrl).toBe('https://canvas.example/v2');
      }
      expectProblem(await launch(user, 2), 403, 'forbidden');
      expect((await launch(user)).body.canvasUrl).toBe('https://canvas.example/v1');
      expectProblem(await launch(admin, 9), 404, 'not_found');
      for (const junk of ['0', 'two', '-1']) {
        expectProblem(
          await host.post(`/app-center/apps/${app.id}/launch?version=${junk}`, { token: admin.token }),
          400,
          'validation_failed',
        );
      }
    });
  });
});
