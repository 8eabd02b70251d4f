// The pages' API types are generated from the route table (`npm run web:api`): a route changed
// without regenerating them fails here, before a page breaks on it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, apiSchemaSource } from '../../scripts/web/api-schema';

describe('web/src/api/schema.d.ts', () => {
  it('is what `npm run web:api` makes of the current route table', async () => {
    const committed = await readFile(API_SCHEMA_FILE, 'utf8');
    const fresh = await apiSchemaSource();
    // Not toEqual on 17k lines: name the first line that differs.
    const [a, b] = [committed.split('\n'), fresh.split('\n')];
    const at = a.findIndex((line, i) => line !== b[i]);
    expect(at === -1 && a.length === b.length, `differs from line ${at + 1}: run \`npm run web:api\` and commit web/src/api/schema.d.ts`).toBe(true);
  });
});
