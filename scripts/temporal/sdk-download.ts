import { connect } from 'node:net';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { log, seconds } from './log';

const DOWNLOAD_HOST = 'temporal.download';

/**
 * Gets the Temporal CLI the way `TestWorkflowEnvironment.createLocal()` does for users with
 * internet (the SDK's `cached-download`), then moves it to `dest`. Returns false, after one log
 * line, when the download is not possible here.
 *
 * The SDK has no download-only call, so this starts (and stops) a throwaway dev server. Its
 * HTTP client has no connect timeout, so a 5 s reachability probe runs first: a firewall that
 * drops packets would otherwise hang this for minutes instead of falling back to the Go build.
 */
export async function sdkDownloadTemporalCli(dest: string): Promise<boolean> {
  const unreachable = await probe(DOWNLOAD_HOST, 443, 5_000);
  if (unreachable) {
    log(`SDK download skipped: ${DOWNLOAD_HOST} is unreachable (${unreachable}); falling back to a Go build`);
    return false;
  }
  const downloadDir = join(dirname(dest), '.sdk-download');
  await mkdir(downloadDir, { recursive: true });
  const started = performance.now();
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir }, ui: false },
    });
    await env.teardown();
  } catch (err) {
    // Only the download matters: a server that then failed to start is still a usable binary.
    if (!(await findDownloaded(downloadDir))) {
      log(`SDK download failed (${firstLine(err)}); falling back to a Go build`);
      await rm(downloadDir, { recursive: true, force: true });
      return false;
    }
  }
  const downloaded = await findDownloaded(downloadDir);
  if (!downloaded) return false;
  await rename(join(downloadDir, downloaded), dest);
  await rm(downloadDir, { recursive: true, force: true });
  log(`downloaded the Temporal CLI through the SDK in ${seconds(started)}`);
  return true;
}

async function findDownloaded(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => []);
  return names.find((n) => n.startsWith('temporal-') && !n.endsWith('.downloading'));
}

/** Resolves to undefined when host:port accepts a TCP connection, else to why not. */
function probe(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`no answer within ${timeoutMs} ms`);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
