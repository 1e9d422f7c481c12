import { OPEN_PLATFORM_SPEC_PATH } from '../testing/spec-validator';
import { itAnswersJunkWithoutServerErrors } from '../testing/junk-input';
import type { TestHost } from '../testing/test-host';
import { OpenApiKit, UNLIMITED_RATES } from './open-api.testing';

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
    const started = await OpenApiKit.start({ openApiRateLimits: UNLIMITED_RATES });
    host = started.host;
    ({ token } = await started.kit.newUserWithToken('junk', await started.kit.approvedApp()));
  });
  afterAll(() => host.close());

  itAnswersJunkWithoutServerErrors(OPEN_PLATFORM_SPEC_PATH, () => ({
    host,
    params: JUNK_PARAMS,
    bodies: JUNK_BODIES,
    authorized: `Bearer ${token}`,
    refused: [undefined, 'Bearer not-a-token', 'Bearer \u00ff'],
    query: { limit: 'NaN', cursor: '!!', privacy: ['a', 'b'] },
  }));
});
