import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SCOPE_DESCRIPTIONS } from '../apps/scopes';
import { LIMITS } from '../common/limits';
import { OAuthModule } from '../oauth/oauth.module';
import { OAUTH2_SCHEME } from '../open-api/open-api.decorators';
import { OpenApiModule } from '../open-api/open-api.module';
import { OpenOrdersModule } from '../orders/open-orders.module';

/** Recursively sorts object keys so the written document does not depend on declaration order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The generator writes OpenAPI 3.0's `nullable: true`; OpenAPI 3.1 is JSON Schema, where null is a type.
 */
function toJsonSchemaNullability(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchemaNullability);
  if (!value || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, inner]) => [key, toJsonSchemaNullability(inner)]),
  );
  if (nullable !== true) return converted;
  // A nullable reference comes out as `{ allOf: [{ $ref }], type: 'object' }`: null must be its own branch.
  if (Array.isArray(converted.allOf) && converted.allOf.length === 1) {
    const { allOf, type: _type, ...annotations } = converted;
    return { ...annotations, anyOf: [allOf[0], { type: 'null' }] };
  }
  if (typeof converted.type === 'string') {
    const { enum: allowed, ...withoutEnum } = converted;
    return {
      ...withoutEnum,
      type: [converted.type, 'null'],
      ...(Array.isArray(allowed) ? { enum: [...allowed, null] } : {}),
    };
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/** Modules whose routes belong to the open platform, not to the first-party API. */
const OPEN_PLATFORM_MODULES: Type<unknown>[] = [OpenApiModule, OpenOrdersModule, OAuthModule];

/** Every module of the running host except the given ones (for SwaggerModule's `include`). */
function modulesExcept(app: INestApplication, excluded: Type<unknown>[]): Type<unknown>[] {
  return [...app.get(ModulesContainer).values()]
    .map((module) => module.metatype as Type<unknown>)
    .filter((metatype) => !excluded.includes(metatype));
}

/** The host's first-party API document (`openapi/host.json`), generated from the controllers. */
export function buildHostDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Kongjian host API')
    .setDescription(
      'The first-party API of Kongjian: accounts, spaces, friends, posts, the feed and notifications. ' +
        'Errors are RFC 9457 problem+json with a stable `code`.',
    )
    .setVersion('1')
    .addCookieAuth('kj_session', { type: 'apiKey', in: 'cookie', name: 'kj_session' }, 'session')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The session token in bearer form' },
      'session-token',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
    include: modulesExcept(app, OPEN_PLATFORM_MODULES),
  });
  return sortKeys(toJsonSchemaNullability(document)) as OpenAPIObject;
}

/** Headers of Open API responses, referenced from the responses that carry them. */
const OPEN_API_HEADERS = {
  'RateLimit-Policy': {
    description: 'The quotas of the token and of the app (IETF httpapi ratelimit-headers draft)',
    schema: { type: 'string', examples: ['"token";q=600;w=60, "app";q=6000;w=60'] },
  },
  RateLimit: {
    description:
      'Requests left in the current window and seconds until it resets, per quota; absent when the ' +
      'request carried no valid token',
    schema: { type: 'string', examples: ['"token";r=599;t=42, "app";r=5999;t=42'] },
  },
  'WWW-Authenticate': {
    description:
      'RFC 6750 challenge, e.g. `Bearer realm="kongjian", error="invalid_token"`, or ' +
      '`error="insufficient_scope", scope="…"` naming the missing scope',
    schema: { type: 'string' },
  },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
  ETag: { description: 'The stored revision, for If-Match', schema: { type: 'string' } },
};

type OpenApiHeader = keyof typeof OPEN_API_HEADERS;

/** What the Open API's problem statuses mean for an app (the first-party wording speaks of signing in). */
const OPEN_API_PROBLEMS: Record<string, { description: string; headers: OpenApiHeader[] }> = {
  '401': { description: 'No valid access token', headers: ['WWW-Authenticate'] },
  '403': { description: 'The token lacks the scope this operation needs', headers: ['WWW-Authenticate'] },
  '412': { description: 'The If-Match or If-None-Match condition does not hold', headers: [] },
  '413': { description: 'Too large for the storage limits', headers: [] },
  '429': { description: 'A rate limit or quota is exhausted', headers: ['Retry-After'] },
};

/** Operations whose success carries the item's ETag. */
const ETAG_OPERATIONS = new Set(['getStorageItem', 'putStorageItem']);

interface ResponseObject {
  description?: string;
  headers?: Record<string, object>;
}

const headerRefs = (names: OpenApiHeader[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/** Adds the headers the bearer guard, quotas and storage send to every documented response. */
function withOpenApiHeaders(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, headers: OPEN_API_HEADERS };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as {
      operationId?: string;
      responses?: Record<string, ResponseObject>;
    }[]) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const problem = OPEN_API_PROBLEMS[status];
        const success = status.startsWith('2');
        if (problem) response.description = problem.description;
        response.headers = headerRefs([
          'RateLimit-Policy',
          'RateLimit',
          ...(problem?.headers ?? []),
          ...(success && ETAG_OPERATIONS.has(operation.operationId ?? '') ? (['ETag'] as const) : []),
        ]);
      }
    }
  }
  return document;
}

/**
 * The Open API document (`openapi/open-platform.json`): only the `/open/v1` operations, each with
 * the OAuth2 scope it needs. The SDK is generated from it.
 */
export function buildOpenPlatformDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Kongjian Open API')
    .setDescription(
      'What third-party apps and built-in plugins call on behalf of a user who authorized them. ' +
        'Send the OAuth access token as `Authorization: Bearer <token>` (never in the query string or ' +
        'body); each operation needs the scope it lists. Users appear only as app-scoped openids. ' +
        `Rate limits: ${LIMITS.openApiTokenRequestsPerWindow} requests per token and ` +
        `${LIMITS.openApiAppRequestsPerWindow} per app every ${LIMITS.openApiRateWindowSeconds} seconds, ` +
        'shared by every host instance through Redis (a request refused by either budget spends neither); ' +
        'every response ' +
        'carries `RateLimit-Policy` and `RateLimit` headers, ' +
        '`GET /open/v1/limits` tells what is left of them and of the daily quotas, ' +
        'and an exhausted quota answers 429 with `Retry-After`. ' +
        `After ${LIMITS.openApiInvalidTokensPerAddress} invalid tokens from one address in a window of ` +
        `${LIMITS.openApiInvalidTokenWindowSeconds} seconds, the address is answered 429 until the window ends. ` +
        'Errors are RFC 9457 problem+json with a stable `code`.',
    )
    .setVersion('1')
    .addServer('/', 'The Kongjian host (paths include /open/v1)')
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Authorization code with PKCE (S256); URLs are relative to the server',
        flows: {
          authorizationCode: {
            authorizationUrl: '/oauth/authorize',
            tokenUrl: '/oauth/token',
            refreshUrl: '/oauth/token',
            scopes: { ...SCOPE_DESCRIPTIONS },
          },
        },
      },
      OAUTH2_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
    include: [OpenApiModule, OpenOrdersModule],
  });
  return sortKeys(toJsonSchemaNullability(withOpenApiHeaders(document))) as OpenAPIObject;
}

export function serializeDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
