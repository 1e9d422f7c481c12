import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

interface Route {
  method: string;
  pattern: RegExp;
  template: string;
  operation: Operation;
}

/**
 * Checks HTTP responses against the checked-in OpenAPI document, so an e2e test fails when the
 * host answers something its spec does not describe.
 */
export class SpecValidator {
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(documentPath: string) {
    const document = JSON.parse(fs.readFileSync(documentPath, 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown> };
    };
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'host', components: document.components });
    for (const [template, methods] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(methods)) {
        this.routes.push({ method: method.toUpperCase(), pattern, template, operation });
      }
    }
    // Literal segments win over parameters (`/sessions/current` before `/sessions/{id}`).
    this.routes.sort(
      (a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length,
    );
  }

  /** Returns a description of every mismatch, or an empty list. */
  check(
    method: string,
    url: string,
    status: number,
    contentType: string | undefined,
    body: unknown,
  ): string[] {
    const pathname = url.split('?')[0];
    const route = this.routes.find(
      (candidate) => candidate.method === method && candidate.pattern.test(pathname),
    );
    if (!route) {
      return status === 404 || status === 405 ? [] : [`${method} ${pathname} is not in the spec`];
    }
    const response = route.operation.responses[String(status)];
    if (!response) return [`${route.operation.operationId}: status ${status} is not documented`];
    if (!response.content) {
      return body === undefined ||
        body === '' ||
        (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
        ? []
        : [`${route.operation.operationId}: ${status} documents no body`];
    }
    const mediaType = (contentType ?? '').split(';')[0].trim();
    const media = response.content[mediaType];
    if (!media)
      return [
        `${route.operation.operationId}: ${status} does not document ${mediaType || 'no content type'}`,
      ];
    const key = `${route.operation.operationId}:${status}:${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.rebase(media.schema));
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${route.operation.operationId}: ${status} body${error.instancePath} ${error.message}`,
    );
  }

  /** Points `#/components/...` references at the registered document. */
  private rebase(schema: unknown): object {
    return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"host#/components/')) as object;
  }
}

export const HOST_SPEC_PATH = path.resolve(__dirname, '../../../../openapi/host.json');
export const OPEN_PLATFORM_SPEC_PATH = path.resolve(__dirname, '../../../../openapi/open-platform.json');

/** The document that describes a request path: the Open API has its own. */
export function specPathFor(url: string): string {
  return url.startsWith('/open/v1/') || url.startsWith('/open/v1?')
    ? OPEN_PLATFORM_SPEC_PATH
    : HOST_SPEC_PATH;
}
