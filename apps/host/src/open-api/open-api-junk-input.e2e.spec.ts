import fs from 'node:fs';
import request from 'supertest';
import { TestFactory } from '../testing/factory';
import { OPEN_PLATFORM_SPEC_PATH } from '../testing/spec-validator';
import { TestHost } from '../testing/test-host';
import { OpenApiKit } from './open-api.testing';

const operations = Object.entries(
  JSON.parse(fs.readFileSync(OPEN_PLATFORM_SPEC_PATH, 'utf8')).paths as Record<
    string,
    Record<string, unknown>
  >,
).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
);

/** Bodies no app should send, in the shapes that break naive handlers. */
const JUNK_BODIES: unknown[] = [
  null,
  [],
  'text',
  42,
  { __proto__: { admin: true }, constructor: { prototype: {} } },
  { text: { nested: 'object' }, linkUrl: ['array'], privacy: 7, value: undefined },
  { text: '\u0000', value: { '\u0000': '\u0000' } },
  { value: 'x'.repeat(20_000) },
  { text: 'fine', imageUrl: 'https://' + 'a'.repeat(3000) + '.example' },
];

/** Path parameter values: malformed and hostile. */
const JUNK_PARAMS = ['x', "1' or '1'='1", '%00', '..%2F..%2Fetc', '%E2%80%AE', 'a'.repeat(400)];

describe('junk input never causes a server error in the Open API (e2e)', () => {
  let host: TestHost;
  let token: string;

  beforeAll(async () => {
    host = await TestHost.start({
      openApiRateLimits: {
        tokenRequestsPerWindow: 100_000,
        appRequestsPerWindow: 100_000,
        windowSeconds: 60,
      },
    });
    const factory = new TestFactory(host);
    const kit = new OpenApiKit(host, factory);
    token = await kit.token(await factory.newUser('junk'), await kit.approvedApp());
  });
  afterAll(() => host.close());

  it.each(operations)(
    '$method $path answers every junk request with a 2xx or 4xx problem',
    async ({ method, path }) => {
      const server = host.app.getHttpServer();
      for (const param of JUNK_PARAMS) {
        const url = path.replace(/\{[^}]+\}/g, param);
        for (const body of method === 'GET' ? [undefined] : JUNK_BODIES) {
          for (const authorization of [undefined, `Bearer ${token}`, 'Bearer not-a-token', 'Bearer \u00ff']) {
            const call = request(server)[method.toLowerCase() as 'post'];
            let pending = call(url).query({ limit: 'NaN', cursor: '!!', privacy: ['a', 'b'] });
            if (authorization) pending = pending.set('Authorization', authorization);
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
