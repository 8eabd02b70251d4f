import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { accepts } from './ports';
import type { SearchAttributeSpec } from './search-attributes';

/**
 * Resolves once the server answers on `address` with the namespace and every search attribute
 * registered, so callers can start workflows that set them straight away. Rejects early when
 * the process dies.
 */
export async function waitUntilServing(
  child: ChildProcess,
  address: string,
  namespace: string,
  searchAttributes: readonly SearchAttributeSpec[],
  timeoutMs: number,
): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const [ip, port] = splitAddress(address);
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'not listening yet';
  while (performance.now() < deadline) {
    if (spawnError) throw new Error(`it could not be spawned (${spawnError.message})`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited (${child.signalCode ?? `exit code ${child.exitCode}`})`);
    }
    // A TCP probe first: gRPC's own reconnect backoff would add up to a second per try.
    if (await accepts(ip, port)) {
      try {
        const missing = await missingSearchAttributes(address, namespace, searchAttributes);
        if (missing.length === 0) return;
        lastProblem = `search attributes not registered yet: ${missing.join(', ')}`;
      } catch (err) {
        lastProblem = (err as Error).message;
      }
    }
    await delay(50);
  }
  throw new Error(`not serving on ${address} after ${timeoutMs} ms (${lastProblem})`);
}

async function missingSearchAttributes(
  address: string,
  namespace: string,
  wanted: readonly SearchAttributeSpec[],
): Promise<string[]> {
  const connection = await Connection.connect({ address, connectTimeout: 2_000 });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    return wanted.map((a) => a.name).filter((name) => !(name in (customAttributes ?? {})));
  } finally {
    await connection.close();
  }
}

function splitAddress(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at), Number(address.slice(at + 1))];
}
