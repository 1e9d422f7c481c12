/**
 * What every page of an app the host serves keeps, whatever else it allows: scripts only from this origin,
 * calls only to it, no plugins, never framed (clickjacking), revalidated on each visit. Inline styles are
 * allowed because the UI libraries set them at run time (antd, Swagger UI).
 */
const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

/** The headers of a page: the base policy above plus what this page needs (`img-src …`, `frame-src …`). */
export function pageHeaders(directives: string[]): Record<string, string> {
  return {
    'Cache-Control': 'no-cache',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': [...BASE_POLICY, ...directives].join('; '),
  };
}
