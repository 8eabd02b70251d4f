import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where built and downloaded tools are cached; `TL_TOOLS_DIR` moves it (e.g. to a CI cache). */
export function toolsDir(): string {
  const override = process.env.TL_TOOLS_DIR;
  return override ? resolve(override) : join(repoRoot, '.tools');
}
