import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateHostTypes, HOST_TYPES } from './generate.mjs';

await writeFile(HOST_TYPES, await generateHostTypes());
console.log(`wrote ${fileURLToPath(HOST_TYPES)}`);
