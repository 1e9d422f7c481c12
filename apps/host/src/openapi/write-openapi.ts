import fs from 'node:fs';
import path from 'node:path';
import { testConfig } from '../testing/test-config';
import { createHost } from '../host';
import { buildHostDocument, buildOpenPlatformDocument, serializeDocument } from './document';

/** Where the checked-in documents live, from both `src/openapi` and `dist/openapi`. */
export const OPENAPI_DIR = path.resolve(__dirname, '../../../../openapi');
export const HOST_DOCUMENT = 'host.json';
export const OPEN_PLATFORM_DOCUMENT = 'open-platform.json';

async function main(): Promise<void> {
  const app = await createHost(testConfig(), { logger: false });
  const documents = [
    { file: HOST_DOCUMENT, build: buildHostDocument },
    { file: OPEN_PLATFORM_DOCUMENT, build: buildOpenPlatformDocument },
  ];
  for (const { file, build } of documents) {
    const target = path.join(OPENAPI_DIR, file);
    fs.writeFileSync(target, serializeDocument(build(app)));
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
  await app.close();
}

if (require.main === module) void main();
