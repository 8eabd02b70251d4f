// Saved workflow histories guard running cases against incompatible workflow changes: a test
// that runs a process end to end saves its history when UPDATE_HISTORIES=1; the replay test
// replays every saved history against the current workflow code.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
// A CommonJS package: Node's ESM loader (tsx) only gives its default export.
import proto from '@temporalio/proto';

const { temporal } = proto;

const { History } = temporal.api.history.v1;

export const historiesDir = fileURLToPath(new URL('../histories/', import.meta.url));

/**
 * Writes the handle's history as `test/histories/<name>.history` (protobuf, as the server sends
 * it; payloads stay encrypted) when UPDATE_HISTORIES=1.
 */
export async function saveHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.UPDATE_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  await writeFile(join(historiesDir, `${name}.history`), History.encode(History.fromObject(history)).finish());
}

export async function savedHistories(prefix = '') {
  const files = (await readdir(historiesDir)).filter((f) => f.startsWith(prefix) && f.endsWith('.history')).sort();
  return Promise.all(
    files.map(async (f) => ({ workflowId: f.replace(/\.history$/, ''), history: History.decode(await readFile(join(historiesDir, f))) })),
  );
}
