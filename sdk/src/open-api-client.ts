import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/open-platform.js';
import { asProblemResponse } from './problem.js';
import type { AccessTokenSource } from './token-session.js';

/** A typed client for the Open API v1: `api.GET('/open/v1/me')` resolves to `{ data, error, response }`. */
export type OpenApiClient = Client<paths>;

export interface OpenApiClientOptions {
  /** Kongjian's public URL, e.g. `https://kongjian.example` (the paths carry `/open/v1`). */
  baseUrl: string;
  /** A fixed access token, e.g. one your backend handed to a browser. Give this or `tokens`. */
  accessToken?: string;
  /** A {@link TokenSession} (or anything with `getAccessToken()`), refreshed before each request as needed. */
  tokens?: AccessTokenSource;
  fetch?: (input: Request) => Promise<Response>;
}

/**
 * The Open API client, on openapi-fetch and typed by the generated `paths`. Every call resolves to
 * `{ data, error, response }`; on failure `error` is always a {@link KongjianProblem} (see `unwrap()` to
 * throw instead). Network failures reject as they do with `fetch`.
 */
export function createOpenApiClient(options: OpenApiClientOptions): OpenApiClient {
  const { accessToken, tokens } = options;
  if ((accessToken === undefined) === (tokens === undefined)) {
    throw new TypeError('createOpenApiClient needs exactly one of accessToken or tokens');
  }
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: options.fetch });
  const bearer: Middleware = {
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${tokens ? await tokens.getAccessToken() : accessToken}`);
      return request;
    },
    onResponse: ({ response }) => asProblemResponse(response),
  };
  client.use(bearer);
  return client;
}
