/** The HTTP methods a plugin route may answer. */
export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** A `:name`, or unreserved URL characters that are not only dots (`.` and `..` would walk the path). */
const SEGMENT = /^(?::[A-Za-z][A-Za-z0-9]*|(?!\.+$)[A-Za-z0-9._~-]+)$/;

/**
 * `GET /polls/:id`: a method, a space, and `/` or `/`-separated literal and `:named` segments. Nothing
 * percent-encoded: an encoded `/` or `..` could mean one thing here and another to a proxy.
 */
export function isRoutePattern(route: string): boolean {
  const [method, pattern, extra] = route.split(' ');
  if (extra !== undefined || !(ROUTE_METHODS as readonly string[]).includes(method)) return false;
  if (pattern === '/') return true;
  if (!pattern?.startsWith('/')) return false;
  const segments = pattern.slice(1).split('/');
  const names = segments.filter((segment) => segment.startsWith(':'));
  return segments.every((segment) => SEGMENT.test(segment)) && new Set(names).size === names.length;
}

export interface RouteMatch {
  /** The declared route, `METHOD /pattern`: the key of the handler. */
  route: string;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: string;
  method: string;
  segments: string[];
  literals: number;
}

/**
 * Matches request paths against a plugin's declared routes. Where two patterns match, the one with
 * more literal segments wins (`/polls/mine` before `/polls/:id`).
 */
export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(routes: string[]) {
    this.routes = routes
      .map((route) => {
        const [method, pattern] = route.split(' ');
        const segments = pattern === '/' ? [] : pattern.slice(1).split('/');
        return { route, method, segments, literals: segments.filter((s) => !s.startsWith(':')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** `path` is the part after `/apps/<id>/api`, e.g. `/polls/123`; null when no route matches. */
  match(method: string, path: string): RouteMatch | null {
    const trimmed = path.replace(/^\/+|\/+$/g, '');
    const parts = trimmed === '' ? [] : trimmed.split('/');
    for (const candidate of this.routes) {
      if (candidate.method !== method || candidate.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matches = candidate.segments.every((segment, index) => {
        let part: string;
        try {
          part = decodeURIComponent(parts[index]);
        } catch {
          return false;
        }
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = part;
          return part !== '';
        }
        return segment === part;
      });
      if (matches) return { route: candidate.route, params };
    }
    return null;
  }
}
