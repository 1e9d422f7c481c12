import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SCOPES } from '../apps/scopes';
import { DEFAULT_OPENAPI_DIR } from '../config/config';
import { TestHost } from '../testing/test-host';
import { buildHostDocument, buildOpenPlatformDocument, serializeDocument } from './document';
import { HOST_DOCUMENT, OPEN_PLATFORM_DOCUMENT } from './documents';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The Open API operations any valid token may call (@AnyScope), each a deliberate choice. */
const ANY_SCOPE_OPERATIONS = ['POST /open/v1/text-checks', 'GET /open/v1/limits'];

/** Points at the first differing line, so a stale document is easy to act on without a huge diff. */
function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const index = actualLines.findIndex((line, i) => line !== expectedLines[i]);
  const at = index === -1 ? actualLines.length : index;
  return `line ${at + 1}: checked in ${JSON.stringify(actualLines[at])}, generated ${JSON.stringify(expectedLines[at])}`;
}

interface OperationObject {
  operationId?: string;
  security?: Record<string, string[]>[];
}

function operationsOf(
  document: OpenAPIObject,
): { name: string; route: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      name: `${method.toUpperCase()} ${route}`,
      route,
      operation: item[method] as OperationObject,
    })),
  );
}

describe('openapi documents', () => {
  // Undefined when the host fails to boot, so the boot error is the one reported.
  let host: TestHost | undefined;
  const documents = new Map<string, OpenAPIObject>();

  beforeAll(async () => {
    host = await TestHost.start();
    documents.set(HOST_DOCUMENT, buildHostDocument(host.app));
    documents.set(OPEN_PLATFORM_DOCUMENT, buildOpenPlatformDocument(host.app));
  });

  afterAll(async () => {
    await host?.close();
  });

  describe.each([HOST_DOCUMENT, OPEN_PLATFORM_DOCUMENT])('openapi/%s', (file) => {
    it('is what the code generates', () => {
      const checkedIn = fs.readFileSync(path.join(DEFAULT_OPENAPI_DIR, file), 'utf8');
      const generated = serializeDocument(documents.get(file)!);
      if (checkedIn !== generated) {
        throw new Error(
          `openapi/${file} is stale: run npm run openapi (${firstDifference(checkedIn, generated)})`,
        );
      }
    });

    it('gives every operation a unique operationId', () => {
      const operations = operationsOf(documents.get(file)!);
      expect(operations.filter(({ operation }) => !operation.operationId).map(({ name }) => name)).toEqual(
        [],
      );
      const namesById = new Map<string, string[]>();
      for (const { name, operation } of operations) {
        const id = operation.operationId;
        if (id) namesById.set(id, [...(namesById.get(id) ?? []), name]);
      }
      expect([...namesById].filter(([, names]) => names.length > 1)).toEqual([]);
    });
  });

  it('keeps the open platform out of the first-party document', () => {
    const routes = Object.keys(documents.get(HOST_DOCUMENT)!.paths);
    expect(routes.filter((route) => route.startsWith('/open/') || route.startsWith('/oauth'))).toEqual([]);
  });

  it('documents only /open/v1 operations, each needing exactly one known OAuth2 scope, or none by choice', () => {
    const operations = operationsOf(documents.get(OPEN_PLATFORM_DOCUMENT)!);
    expect(operations.length).toBeGreaterThan(0);
    for (const { name, route, operation } of operations) {
      expect({ name, open: route.startsWith('/open/v1/') }).toEqual({ name, open: true });
      // Any token may check a text or read its limits (@AnyScope); every other operation names its scope.
      if (ANY_SCOPE_OPERATIONS.includes(name)) {
        expect(operation.security).toEqual([{ oauth2: [] }]);
        continue;
      }
      expect(operation.security).toEqual([{ oauth2: [expect.any(String)] }]);
      expect(SCOPES).toContain(operation.security![0].oauth2[0]);
    }
  });
});
