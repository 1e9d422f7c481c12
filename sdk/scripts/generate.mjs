import openapiTS, { astToString } from 'openapi-typescript';

/** Each checked-in OpenAPI document and the TypeScript module generated from it. */
export const DOCUMENTS = [
  {
    spec: new URL('../../openapi/host.json', import.meta.url),
    types: new URL('../src/generated/host.ts', import.meta.url),
  },
  {
    spec: new URL('../../openapi/open-platform.json', import.meta.url),
    types: new URL('../src/generated/open-platform.ts', import.meta.url),
  },
];

/**
 * A property with a default is optional to send (the server fills it in); openapi-typescript would make it
 * required everywhere. Responses are unaffected: the host lists every property it always returns as required.
 * enumValues: each enum's values as a constant too, so clients list them (event types, statuses) from the
 * spec instead of copying the host's lists.
 */
const GENERATOR_OPTIONS = { defaultNonNullable: false, enumValues: true };

const fileName = (url) => url.pathname.split('/').pop();

/** The TypeScript types for one document, exactly as checked in under sdk/src/generated/. */
export async function generateTypes({ spec }) {
  const header = `/**
 * Generated from openapi/${fileName(spec)} by openapi-typescript (sdk/scripts/generate.mjs).
 * Do not edit: run \`npm run openapi\` at the repository root.
 */

`;
  return header + astToString(await openapiTS(spec, GENERATOR_OPTIONS));
}
