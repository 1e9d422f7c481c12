import { expect, test } from './support/fixtures';

test('an admin suspends a published app with a reason the developer reads, then reinstates it', async ({
  open,
  hostApi,
  admin,
}) => {
  const developer = await hostApi.newUser('dev');
  const name = `Suspended farm ${developer.username.slice(-4)}`;
  const app = await hostApi.newApp(developer, {
    name,
    redirectUris: ['https://farm.example/callback'],
    scopes: ['profile:read'],
  });
  await hostApi.publishVersion(developer, admin, app);
  const why = `Sells coins outside the platform ${developer.username.slice(-4)}`;

  const reviewer = await open(admin);
  await reviewer.goto(`/console/review/apps/${app.id}`);
  await reviewer.page.getByRole('button', { name: '停用应用' }).click();
  const suspend = reviewer.page.getByRole('dialog', { name: '停用这个应用' });
  await suspend.getByLabel('原因（对方会看到）').fill(why);
  await suspend.getByRole('button', { name: '停用应用' }).click();
  await expect(reviewer.page.getByText('应用已停用')).toBeVisible();
  await expect(reviewer.page.getByRole('button', { name: '恢复应用' })).toBeVisible();
  await reviewer.check('console-review-suspended');

  // The developer sees the app suspended, and why.
  const dev = await open(developer, { language: 'en' });
  await dev.goto(`/console/apps/${app.id}`);
  await expect(dev.page.getByText('Suspended', { exact: true })).toBeVisible();
  await expect(dev.page.getByText(why)).toBeVisible();
  await dev.check('console-app-suspended');

  await reviewer.page.getByRole('button', { name: '恢复应用' }).click();
  await reviewer.page
    .getByRole('dialog', { name: '恢复这个应用' })
    .getByRole('button', { name: '恢复应用' })
    .click();
  await expect(reviewer.page.getByText('应用已恢复')).toBeVisible();
  await dev.page.reload();
  // The app is published again (its tag, like its version's, says so) and the reason is gone.
  await expect(dev.page.getByText('Published', { exact: true })).toHaveCount(2);
  await expect(dev.page.getByText('Suspended', { exact: true })).toHaveCount(0);
  await expect(dev.page.getByText(why)).toHaveCount(0);

  // Both decisions are in the audit log, the suspension with its reason.
  await reviewer.goto('/console/audit');
  const rows = reviewer.page.getByRole('row').filter({ hasText: name });
  await expect(rows.filter({ hasText: '停用了应用' }).filter({ hasText: why })).toBeVisible();
  await expect(rows.filter({ hasText: '恢复了应用' })).toBeVisible();
  for (const tab of [reviewer, dev]) tab.expectNoProblems();
});
