import fs from 'node:fs';
import path from 'node:path';
import { testConfig } from '../testing/test-config';
import { createHost } from '../host';
import { buildHostDocument, serializeDocument } from './document';

/** Where the checked-in documents live, from both `src/openapi` and `dist/openapi`. */
export const OPENAPI_DIR = path.resolve(__dirname, '../../../../openapi');

async function main(): Promise<void> {
  const app = await createHost(testConfig(), { logger: false });
  const target = path.join(OPENAPI_DIR, 'host.json');
  fs.writeFileSync(target, serializeDocument(buildHostDocument(app)));
  await app.close();
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

if (require.main === module) void main();
