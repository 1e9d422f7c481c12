import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOCUMENTS, generateTypes } from '../scripts/generate.mjs';

for (const document of DOCUMENTS) {
  const typesFile = fileURLToPath(document.types).replace(/.*\/sdk\//, 'sdk/');
  const specFile = fileURLToPath(document.spec).replace(/.*\/openapi\//, 'openapi/');
  test(`${typesFile} matches ${specFile}`, async () => {
    const checkedIn = await readFile(document.types, 'utf8');
    // A boolean check keeps the failure to one line instead of dumping the whole file.
    assert.ok(
      checkedIn === (await generateTypes(document)),
      `${typesFile} is stale: run \`npm run openapi\` at the repository root`,
    );
  });
}
