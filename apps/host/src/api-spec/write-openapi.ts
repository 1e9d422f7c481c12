import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_OPENAPI_DIR } from '../config/config';
import { testConfig } from '../testing/test-config';
import { createHost } from '../host';
import { buildHostDocument, buildOpenPlatformDocument, serializeDocument } from './document';
import { HOST_DOCUMENT, OPEN_PLATFORM_DOCUMENT } from './documents';

async function main(): Promise<void> {
  const app = await createHost(testConfig(), { logger: false });
  const documents = [
    { file: HOST_DOCUMENT, build: buildHostDocument },
    { file: OPEN_PLATFORM_DOCUMENT, build: buildOpenPlatformDocument },
  ];
  for (const { file, build } of documents) {
    const target = path.join(DEFAULT_OPENAPI_DIR, file);
    fs.writeFileSync(target, serializeDocument(build(app)));
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
  await app.close();
}

if (require.main === module) void main();
