import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { generateHostTypes, HOST_TYPES } from '../scripts/generate.mjs';

test('sdk/src/generated/host.ts matches openapi/host.json', async () => {
  const checkedIn = await readFile(HOST_TYPES, 'utf8');
  // A boolean check keeps the failure to one line instead of dumping the whole file.
  assert.ok(
    checkedIn === (await generateHostTypes()),
    'sdk/src/generated/host.ts is stale: run `npm run openapi` at the repository root',
  );
});
