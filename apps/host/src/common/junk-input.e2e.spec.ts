import { TestFactory, type TestUser } from '../testing/factory';
import { HOST_SPEC_PATH } from '../testing/spec-validator';
import { expectNoServerErrors, operationsOf } from '../testing/junk-input';
import { TestHost } from '../testing/test-host';

const operations = operationsOf(HOST_SPEC_PATH);

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
      await expectNoServerErrors(
        host,
        { method, path },
        {
          params: JUNK_IDS,
          bodies: JUNK_BODIES,
          authorizations: [undefined, `Bearer ${user.token}`, 'Bearer not-a-session'],
          query: { limit: 'NaN', cursor: '!!', kind: ['a', 'b'], unread: { x: 1 } },
        },
      );
    },
  );
});
