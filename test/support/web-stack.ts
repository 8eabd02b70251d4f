// What a browser test stands on: the built pages (rebuilt when stale), the real stack serving
// them on a free port, and one Chromium. Stopped in the reverse order, each part only if it started.
import type { Browser } from 'playwright-core';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { launchChromium, listen } from './browser';
import { startHarness, type Harness, type HarnessOptions } from './harness';

export interface WebStack {
  h: Harness;
  site: { url: string; close(): Promise<void> };
  browser: Browser;
}

export async function startWebStack(options: Omit<HarnessOptions, 'devMode' | 'webDist'> = {}): Promise<WebStack> {
  await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
  const h = await startHarness({ ...options, devMode: true, webDist: WEB_DIST });
  const site = await listen(h.app);
  const browser = await launchChromium();
  return { h, site, browser };
}

export async function stopWebStack(stack: Partial<WebStack>): Promise<void> {
  await stack.browser?.close();
  await stack.site?.close();
  await stack.h?.stop();
}
