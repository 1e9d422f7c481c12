import type { ApiResponse } from './test-host';

/** Asserts an RFC 9457 problem response with this status and stable code. */
export function expectProblem(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
}
