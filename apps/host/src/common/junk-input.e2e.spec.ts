import fs from 'node:fs';
import request from 'supertest';
import { TestFactory, type TestUser } from '../testing/factory';
import { HOST_SPEC_PATH } from '../testing/spec-validator';
import { TestHost } from '../testing/test-host';

interface Operation {
  method: string;
  path: string;
}

const operations: Operation[] = Object.entries(
  JSON.parse(fs.readFileSync(HOST_SPEC_PATH, 'utf8')).paths as Record<string, Record<string, unknown>>,
).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
);

/** Bodies no client should send, in the shapes that break naive handlers. */
const JUNK_BODIES: unknown[] = [
  null,
  [],
  [{}],
  'text',
  42,
  true,
  { __proto__: { admin: true }, constructor: { prototype: {} } },
  {
    text: { nested: 'object' },
    title: ['array'],
    privacy: 7,
    userId: { $gt: '' },
    ids: [null],
    name: '\u0000',
  },
  { limit: -1, cursor: '\u0000', body: 'x'.repeat(5000) },
];

/** Path parameter values: absent, malformed, hostile. */
const JUNK_IDS = ['00000000-0000-0000-0000-000000000000', 'x', "1' or '1'='1", '%00', '..%2F..%2Fetc'];

describe('junk input never causes a server error (e2e)', () => {
  let host: TestHost;
  let user: TestUser;

  beforeAll(async () => {
    host = await TestHost.start();
    user = await new TestFactory(host).newUser('junk');
  });
  afterAll(() => host.close());

  it.each(operations)(
    '$method $path answers every junk request with a 2xx or 4xx problem',
    async ({ method, path }) => {
      const server = host.app.getHttpServer();
      for (const id of JUNK_IDS) {
        const url = path.replace(/\{[^}]+\}/g, id);
        for (const body of method === 'GET' ? [undefined] : JUNK_BODIES) {
          for (const token of [undefined, user.token, 'not-a-session']) {
            const call = request(server)[method.toLowerCase() as 'post'];
            let pending = call(url).query({ limit: 'NaN', cursor: '!!', kind: ['a', 'b'], unread: { x: 1 } });
            if (token) pending = pending.set('Authorization', `Bearer ${token}`);
            const response = await (body === undefined
              ? pending
              : pending.set('Content-Type', 'application/json').send(JSON.stringify(body)));
            expect({
              method,
              url,
              body,
              status: response.status < 500 ? 'not 5xx' : response.status,
            }).toEqual({
              method,
              url,
              body,
              status: 'not 5xx',
            });
            if (response.status >= 400)
              expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          }
        }
      }
    },
  );
});
