// Browser tests drive Debian's Chromium (`apt-get install chromium`; CHROMIUM_PATH elsewhere)
// through playwright-core: no browser download. Without Chromium they skip with a warning.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import type { Express } from 'express';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
if (!chromiumAvailable) {
  console.warn(`[browser] no Chromium at ${CHROMIUM_PATH}: the browser tests are skipped (apt-get install chromium, or set CHROMIUM_PATH)`);
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

/** Listens on a free port of 127.0.0.1; returns its base URL and how to stop it. */
export async function listen(app: Express | ((req: never, res: never) => void)): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = (app as Express).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
