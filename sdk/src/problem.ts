/**
 * An error as Kongjian reports it: RFC 9457 problem details plus a stable machine-readable `code`
 * (e.g. `insufficient_scope`, `quota_exceeded`, `not_found`). Branch on `code`, show `detail` to people.
 */
export interface KongjianProblem {
  /** A URI naming the kind of problem, e.g. `urn:kongjian:problem:not_found`. */
  type: string;
  title: string;
  /** The HTTP status code of the response. */
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  /** Which request fields were wrong, for `validation_failed`. */
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/**
 * The `code` of a problem the SDK made up because the response was an error but not problem+json
 * (for example an HTML page from a proxy in front of Kongjian).
 */
export const UNEXPECTED_RESPONSE = 'unexpected_response';

export function isKongjianProblem(value: unknown): value is KongjianProblem {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.code === 'string'
  );
}

/** Thrown by {@link unwrap} when a call failed; `problem` is what Kongjian said. */
export class KongjianApiError extends Error {
  override readonly name = 'KongjianApiError';

  constructor(
    readonly problem: KongjianProblem,
    readonly response?: Response,
  ) {
    super(`${problem.status} ${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`);
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/**
 * An error response as a problem+json response. Kongjian's own errors pass through untouched; anything
 * else (an empty body, a proxy's HTML page) becomes an `unexpected_response` problem with the same status
 * and headers, so the client's `error` is always a {@link KongjianProblem}.
 */
export async function asProblemResponse(response: Response): Promise<Response> {
  if (response.ok) return response;
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isKongjianProblem(body)) return response;
  const problem: KongjianProblem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: UNEXPECTED_RESPONSE,
    detail: text ? text.slice(0, 500) : undefined,
  };
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/problem+json');
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(JSON.stringify(problem), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** The result of a client call, as openapi-fetch returns it: `data` on success, `error` otherwise. */
export interface ApiResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or a thrown {@link KongjianApiError}:
 * `const me = unwrap(await api.GET('/open/v1/me'))`.
 */
export function unwrap<Result extends ApiResult>(result: Result): Exclude<Result['data'], undefined> {
  if (result.response.ok && result.error === undefined)
    return result.data as Exclude<Result['data'], undefined>;
  const problem: KongjianProblem = isKongjianProblem(result.error)
    ? result.error
    : {
        type: 'about:blank',
        title: result.response.statusText || `HTTP ${result.response.status}`,
        status: result.response.status,
        code: UNEXPECTED_RESPONSE,
      };
  throw new KongjianApiError(problem, result.response);
}
