import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { TestFactory, type TestUser } from '../testing/factory';
import { HOST_SPEC_PATH } from '../testing/spec-validator';
import { ENGINE_MESSAGES, itAnswersJunkWithoutServerErrors } from '../testing/junk-input';
import { TestHost } from '../testing/test-host';
import { LIMITS } from './limits';

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

  itAnswersJunkWithoutServerErrors(HOST_SPEC_PATH, () => ({
    host,
    params: JUNK_IDS,
    bodies: JUNK_BODIES,
    authorized: `Bearer ${user.token}`,
    refused: [undefined, 'Bearer not-a-session'],
    query: { limit: 'NaN', cursor: '!!', kind: ['a', 'b'], unread: { x: 1 } },
  }));
});

describe('a request sent wrong is told the rule it broke (e2e)', () => {
  let host: TestHost;
  let user: TestUser;
  const send = (method: 'get' | 'post', url: string) =>
    request(host.app.getHttpServer())[method](url).set('Authorization', `Bearer ${user.token}`);
  // Sent as given: superagent would otherwise serialize a Buffer as JSON.
  const json = (url: string, body: string | Buffer) =>
    send('post', url)
      .set('Content-Type', 'application/json')
      .serialize((raw: unknown) => raw as string)
      .send(body);

  beforeAll(async () => {
    host = await TestHost.start();
    user = await new TestFactory(host).newUser('rules');
  });
  afterAll(() => host.close());

  it.each<[string, () => request.Test, number, string, string]>([
    [
      'JSON cut short',
      () => json('/friend-groups', '{"name":'),
      400,
      'validation_failed',
      'The request body is not valid JSON',
    ],
    [
      'a JSON array where an object belongs',
      () => json('/friend-groups', '[{"name":"x"}]'),
      400,
      'validation_failed',
      'The request body must be a JSON object',
    ],
    [
      'no body where a field is required',
      () => send('post', '/friend-groups'),
      400,
      'validation_failed',
      'name is required',
    ],
    [
      'a NUL character in text',
      () => json('/friend-groups', '{"name":"a\\u0000b"}'),
      400,
      'validation_failed',
      'name must not contain NUL characters',
    ],
    [
      'a number too big for JSON',
      () =>
        json(
          '/wallet/transfers',
          `{"toUserId":"${'0190a000-0000-7000-8000-000000000000'}","amount":1e400,"idempotencyKey":"k"}`,
        ),
      400,
      'validation_failed',
      'amount must be an integer',
    ],
    [
      'an empty required text',
      () => json('/friend-groups', '{"name":""}'),
      400,
      'validation_failed',
      'name must not be empty',
    ],
    [
      'an unknown field',
      () => json('/friend-groups', '{"name":"x","colour":"red"}'),
      400,
      'validation_failed',
      'colour is not a field this request accepts',
    ],
    [
      'an unknown query parameter',
      () => send('get', '/notifications?sort=new'),
      400,
      'validation_failed',
      'sort is not a field this request accepts',
    ],
    [
      'a page size out of range',
      () => send('get', '/notifications?limit=500'),
      400,
      'validation_failed',
      'limit must be at most 100',
    ],
    [
      'a page size that is no number',
      () => send('get', '/notifications?limit=many'),
      400,
      'validation_failed',
      'limit must be an integer',
    ],
    [
      'a cursor this list never issued',
      () => send('get', '/notifications?cursor=bm90LWEtY3Vyc29y'),
      400,
      'invalid_cursor',
      'cursor must be the nextCursor of an earlier page of this same list',
    ],
    [
      'an id in the path that is no UUID',
      () => send('get', '/posts/abc'),
      404,
      'not_found',
      'Not found: postId must be a UUID',
    ],
    [
      'a path with broken percent-encoding',
      () => send('get', '/posts/%FF'),
      400,
      'validation_failed',
      'The URL path must be valid percent-encoded UTF-8',
    ],
    [
      'a route that does not exist',
      () => send('get', '/nothing-here'),
      404,
      'route_not_found',
      'No route matches GET /nothing-here',
    ],
    [
      'a body that is not JSON',
      () => send('post', '/friend-groups').set('Content-Type', 'text/plain').send('name=x'),
      415,
      'unsupported_media_type',
      'The request body must be JSON (Content-Type: application/json)',
    ],
    [
      'an image sent raw instead of as a form',
      () => send('post', '/photos').set('Content-Type', 'image/png').send(Buffer.from('png')),
      415,
      'unsupported_media_type',
      'The request body must be multipart/form-data with the image in the field "file"',
    ],
    [
      'two files in an upload',
      () =>
        send('post', '/photos')
          .attach('file', Buffer.from('a'), 'a.png')
          .attach('file', Buffer.from('b'), 'b.png'),
      400,
      'validation_failed',
      'The request body must be multipart/form-data with one image in the field "file" and at most 2 text fields of at most 16 KiB each',
    ],
    [
      'a file over the upload limit',
      () => send('post', '/photos').attach('file', Buffer.alloc(LIMITS.photoFileBytes + 1), 'a.png'),
      413,
      'payload_too_large',
      'The file must be at most 20 MiB',
    ],
    [
      'a body over the limit',
      () => json('/friend-groups', JSON.stringify({ name: 'x'.repeat(LIMITS.bodyBytes) })),
      413,
      'payload_too_large',
      'The request body must be at most 1 MiB',
    ],
    [
      'a body that is not the gzip it claims',
      () => json('/friend-groups', '{"name":"x"}').set('Content-Encoding', 'gzip'),
      400,
      'validation_failed',
      'The request body is not valid gzip data, as its Content-Encoding says it is',
    ],
    [
      'a body in a charset other than UTF-8',
      () =>
        send('post', '/friend-groups')
          .set('Content-Type', 'application/json; charset=latin1')
          .send('{"name":"x"}'),
      415,
      'validation_failed',
      'The request body must be UTF-8 (charset=utf-8)',
    ],
  ])('%s', async (_what, sendIt, status, code, detail) => {
    const response = await sendIt();
    expect({ status: response.status, code: response.body.code, detail: response.body.detail }).toEqual({
      status,
      code,
      detail,
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).not.toMatch(ENGINE_MESSAGES);
  });

  it('accepts a body that is the gzip it claims', async () => {
    const response = await json('/friend-groups', gzipSync('{"name":"zipped"}')).set(
      'Content-Encoding',
      'gzip',
    );
    expect({ status: response.status, name: response.body.name }).toEqual({ status: 201, name: 'zipped' });
  });

  it('lists the broken rules of a request in its detail, and every one in its errors', async () => {
    const response = await json(
      '/accounts',
      JSON.stringify({ username: 'x', password: 7, admin: true, age: 3 }),
    );
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe(
      'admin is not a field this request accepts; age is not a field this request accepts; ' +
        'username must be at least 3 characters long; and 1 more (see errors)',
    );
    expect(response.body.errors).toEqual([
      { field: 'admin', message: 'admin is not a field this request accepts' },
      { field: 'age', message: 'age is not a field this request accepts' },
      { field: 'username', message: 'username must be at least 3 characters long' },
      { field: 'password', message: 'password must be a string' },
    ]);
  });
});
