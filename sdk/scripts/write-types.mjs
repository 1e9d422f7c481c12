import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DOCUMENTS, generateTypes } from './generate.mjs';

for (const document of DOCUMENTS) {
  await writeFile(document.types, await generateTypes(document));
  console.log(`wrote ${fileURLToPath(document.types)}`);
}
