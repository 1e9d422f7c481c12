import fs from 'node:fs';
import request from 'supertest';
import type { TestHost } from './test-host';

export interface Operation {
  method: string;
  /** The path template, e.g. `/posts/{postId}`. */
  path: string;
}

/** Every operation an OpenAPI document describes, for tests that must cover them all. */
export function operationsOf(specPath: string): Operation[] {
  const paths = JSON.parse(fs.readFileSync(specPath, 'utf8')).paths as Record<
    string,
    Record<string, unknown>
  >;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

export interface JunkVariants {
  /** Values put into every path parameter. */
  params: string[];
  /** Bodies sent to operations that are not GET. */
  bodies: unknown[];
  /** The Authorization header of a caller the operation lets in: it sends every parameter with every body. */
  authorized: string;
  /**
   * Authorization header values refused before any handler runs (undefined sends none). Only the body parser
   * reads a request before that, so each body is sent once, and each parameter once.
   */
  refused: (string | undefined)[];
  /** Query parameters of the wrong types, sent with every request. */
  query: Record<string, unknown>;
}

/**
 * Words of a JS engine, a parser or a library that a problem's detail must never pass on to a client:
 * it states the rule the request broke instead.
 */
export const ENGINE_MESSAGES =
  /Unexpected (token|end|field|file)|in JSON at position|Cannot read propert|is not a function|of (undefined|null)\b|SyntaxError|TypeError|Failed to decode|Multipart:|too many (files|fields|parts)|request entity too large|should not exist|an unknown value was passed/i;

/**
 * Sends one operation every combination of junk and asserts what a client must always get: no 5xx,
 * and errors as problem+json whose detail is ours, not an engine's.
 */
export async function expectNoServerErrors(host: TestHost, operation: Operation, junk: JunkVariants) {
  const server = host.app.getHttpServer();
  const bodies = operation.method === 'GET' ? [undefined] : junk.bodies;
  const requests = [
    ...junk.params.flatMap((param) =>
      bodies.map((body) => ({ param, body, authorization: junk.authorized })),
    ),
    ...junk.refused.flatMap((authorization) => [
      ...bodies.map((body) => ({ param: junk.params[0], body, authorization })),
      ...junk.params.slice(1).map((param) => ({ param, body: bodies[0], authorization })),
    ]),
  ];
  for (const { param, body, authorization } of requests) {
    const url = operation.path.replace(/\{[^}]+\}/g, param);
    const send = request(server)[operation.method.toLowerCase() as 'post'];
    let pending = send(url).query(junk.query as Record<string, string>);
    if (authorization) pending = pending.set('Authorization', authorization);
    const response = await (body === undefined
      ? pending
      : pending.set('Content-Type', 'application/json').send(JSON.stringify(body)));
    expect({
      ...operation,
      url,
      body,
      authorization,
      status: response.status < 500 ? 'not 5xx' : response.status,
    }).toEqual({
      ...operation,
      url,
      body,
      authorization,
      status: 'not 5xx',
    });
    if (response.status >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ url, body, detail: response.body.detail }).toEqual({
        url,
        body,
        detail: expect.not.stringMatching(ENGINE_MESSAGES),
      });
    }
  }
}

/**
 * One test for each operation of the OpenAPI document at `specPath`, sending it every combination of junk
 * (see expectNoServerErrors). `junk` is asked in the test, so it can name a host the file's `beforeAll`
 * started.
 */
export function itAnswersJunkWithoutServerErrors(
  specPath: string,
  junk: () => JunkVariants & { host: TestHost },
): void {
  it.each(operationsOf(specPath))(
    '$method $path answers every junk request with a 2xx or 4xx problem',
    async (operation) => {
      const { host, ...variants } = junk();
      await expectNoServerErrors(host, operation, variants);
    },
  );
}
