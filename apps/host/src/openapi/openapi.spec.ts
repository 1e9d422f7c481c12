import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { TestHost } from '../testing/test-host';
import { buildHostDocument, serializeDocument } from './document';
import { OPENAPI_DIR } from './write-openapi';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Points at the first differing line, so a stale document is easy to act on without a huge diff. */
function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const index = actualLines.findIndex((line, i) => line !== expectedLines[i]);
  const at = index === -1 ? actualLines.length : index;
  return `line ${at + 1}: checked in ${JSON.stringify(actualLines[at])}, generated ${JSON.stringify(expectedLines[at])}`;
}

describe('openapi/host.json', () => {
  // Undefined when the host fails to boot, so the boot error is the one reported.
  let host: TestHost | undefined;
  let document: OpenAPIObject;

  beforeAll(async () => {
    host = await TestHost.start();
    document = buildHostDocument(host.app);
  });

  afterAll(async () => {
    await host?.close();
  });

  it('is what the code generates', () => {
    const checkedIn = fs.readFileSync(path.join(OPENAPI_DIR, 'host.json'), 'utf8');
    const generated = serializeDocument(document);
    if (checkedIn !== generated) {
      throw new Error(
        `openapi/host.json is stale: run npm run openapi (${firstDifference(checkedIn, generated)})`,
      );
    }
  });

  it('gives every operation a unique operationId', () => {
    const operations = Object.entries(document.paths).flatMap(([route, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${route}`,
        operationId: item[method]?.operationId,
      })),
    );
    expect(
      operations.filter((operation) => !operation.operationId).map((operation) => operation.name),
    ).toEqual([]);
    const namesById = new Map<string, string[]>();
    for (const { name, operationId } of operations) {
      if (operationId) namesById.set(operationId, [...(namesById.get(operationId) ?? []), name]);
    }
    const duplicates = [...namesById].filter(([, names]) => names.length > 1);
    expect(duplicates).toEqual([]);
  });
});
