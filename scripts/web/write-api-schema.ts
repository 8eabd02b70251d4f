// `npm run web:api`: regenerates web/src/api/schema.d.ts from the route table.
import { writeFile } from 'node:fs/promises';
import { API_SCHEMA_FILE, apiSchemaSource } from './api-schema';

await writeFile(API_SCHEMA_FILE, await apiSchemaSource());
console.log(`[web:api] wrote ${API_SCHEMA_FILE}`);
