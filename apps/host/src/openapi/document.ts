import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

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
  });
  return sortKeys(toJsonSchemaNullability(document)) as OpenAPIObject;
}

export function serializeDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
