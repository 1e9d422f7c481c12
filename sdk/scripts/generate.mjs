import openapiTS, { astToString } from 'openapi-typescript';

export const HOST_SPEC = new URL('../../openapi/host.json', import.meta.url);
export const HOST_TYPES = new URL('../src/generated/host.ts', import.meta.url);

const HEADER = `/**
 * Generated from openapi/host.json by openapi-typescript (sdk/scripts/generate.mjs).
 * Do not edit: run \`npm run openapi\` at the repository root.
 */

`;

/** The TypeScript types for openapi/host.json, exactly as checked in at sdk/src/generated/host.ts. */
export async function generateHostTypes() {
  return HEADER + astToString(await openapiTS(HOST_SPEC));
}
