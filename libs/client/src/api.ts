import type { HostPaths } from '@kongjian/sdk';
import { type ApiResult, asProblemResponse, unwrap } from '@kongjian/sdk/problem';
import createClient, { type Client } from 'openapi-fetch';

/** The host's first-party API, typed by `openapi/host.json` through the SDK's generated paths. */
export type HostApi = Client<HostPaths>;

/**
 * A client for the host as a signed-in browser uses it: same origin, the httpOnly session cookie, and every
 * error turned into problem+json so callers handle one shape.
 */
export function createHostApi(baseUrl = ''): HostApi {
  const client = createClient<HostPaths>({ baseUrl, credentials: 'same-origin' });
  client.use({ onResponse: ({ response }) => asProblemResponse(response) });
  return client;
}

/** The one client of the page; the UIs are served by the host they talk to. */
export const api = createHostApi();

/** Awaits a client call and returns its data, or throws a `KongjianApiError` carrying the problem. */
export async function call<Result extends ApiResult>(
  request: Promise<Result>,
): Promise<Exclude<Result['data'], undefined>> {
  return unwrap(await request);
}
