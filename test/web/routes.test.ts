// Every page for every role, read from the page table (web/src/app/page-table.ts) so a page added
// there is covered without a line here: each demo user (one per role) opens each page (its
// `sample` address when the path has parameters). A page the role may open renders (no 403 from
// the router or the API, no uncaught error); one it may not shows 403; a stranger is sent to the
// sign-in page for every page that is not public. One browser, one context per role.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { startWebStack, stopWebStack } from '../support/web-stack';
import { actorOf, type Harness } from '../support/harness';
import { pageOf, signIn } from '../support/web-pages';

/** The table's data as the test reads it (its loaders are never called here). */
interface PageData {
  path: string;
  access: 'public' | 'signed-in' | readonly string[];
  sample?: string;
}

/** Demo users, one per role. */
const ROLE_USERS = { applicant: 'u-li-ming', employer: 'u-hr-zhangjiang', authority: 'u-authority', industry: 'u-industry', expert: 'x-engineering-1', admin: 'u-admin' } as const;

const mayOpen = (entry: PageData, roles: readonly string[]) => entry.access === 'public' || entry.access === 'signed-in' || entry.access.some((r) => roles.includes(r));
const addressOf = (entry: PageData) => entry.sample ?? entry.path;

describe.skipIf(!chromiumAvailable)('every page for every role', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let pages: readonly PageData[];

  beforeAll(async () => {
    // The web project's module, loaded at run time: node's type check stays out of the pages'
    // sources, and importing the table runs none of its lazy loaders.
    ({ PAGES: pages } = (await import(/* @vite-ignore */ pathToFileURL(resolve('web/src/app/page-table.ts')).href)) as { PAGES: readonly PageData[] });
    ({ h, site, browser } = await startWebStack());
  });
  afterAll(() => stopWebStack({ h, site, browser }));

  it('names a sample address for every parametrised path', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) if (p.path.includes(':') && !p.path.match(/\/:[^/]+\?$/)) expect(p.sample, p.path).toMatch(/^\/[^:]*$/);
  });

  /**
   * Follows the API's requests of a page: 403s, and whether any is still under way. The pages
   * are opened in the app (history, as a link does) after one load, so each visit costs its own
   * chunk and queries, not a fresh start of the whole app.
   */
  function watch(page: Page) {
    let inFlight = 0;
    let refused: string[] = [];
    const isApi = (url: string) => url.startsWith(`${site.url}/api/`);
    // Every request of the site counts: a page's chunk as well as its queries (while a lazy route
    // loads, the router keeps showing the previous page).
    const ours = (url: string) => url.startsWith(site.url);
    page.on('request', (r) => ours(r.url()) && inFlight++);
    page.on('requestfinished', (r) => ours(r.url()) && inFlight--);
    page.on('requestfailed', (r) => ours(r.url()) && inFlight--);
    page.on('response', (r) => isApi(r.url()) && r.status() === 403 && refused.push(new URL(r.url()).pathname));
    return {
      /** Opens an address; what the router and the API said once it settled. */
      async visit(address: string, expect: 'page' | '403' | 'sign-in' = 'page') {
        refused = [];
        await page.evaluate((to) => {
          const w = globalThis as unknown as { history: { pushState(s: unknown, t: string, u: string): void }; dispatchEvent(e: unknown): void; PopStateEvent: new (t: string) => unknown };
          w.history.pushState(null, '', to);
          w.dispatchEvent(new w.PopStateEvent('popstate'));
        }, address);
        // Settled: the page's chunk has arrived and no request has been under way for 300 ms.
        await page.getByText('加载中…').waitFor({ state: 'hidden' });
        for (let quiet = 0; quiet < 6; ) {
          await page.waitForTimeout(50);
          quiet = inFlight > 0 ? 0 : quiet + 1;
        }
        await page.getByText('加载中…').waitFor({ state: 'hidden' });
        const main = page.getByRole('main');
        // What the test expects to see is waited for (a busy machine renders late); its absence is then reported.
        const arrived =
          expect === '403'
            ? main.getByText('403', { exact: true }).waitFor({ timeout: 10_000 })
            : expect === 'sign-in'
              ? page.waitForFunction(() => (globalThis as unknown as { location: { pathname: string } }).location.pathname.startsWith('/sign-in'), undefined, { timeout: 10_000 })
              : // A lazy page replaces the previous page (perhaps a 403) once its chunk has run: on a
                // busy machine that may come after the network is quiet. A real 403 stays.
                main.getByText('403', { exact: true }).waitFor({ state: 'hidden', timeout: 5_000 });
        await arrived.catch(() => undefined);
        const forbidden = (await main.getByText('403', { exact: true }).count()) > 0;
        const url = await page.evaluate(() => (globalThis as unknown as { location: { pathname: string } }).location.pathname);
        return { url, forbidden, text: (await main.innerText()).trim(), refused };
      },
    };
  }

  it.each(Object.entries(ROLE_USERS))('as %s: opens each page the role may open, and shows 403 for the others', async (role, userId) => {
    expect(actorOf(userId).roles).toContain(role);
    const wrong: string[] = [];
    const { page, errors } = await pageOf(browser);
    const pages$ = watch(page);
    await signIn(page, site.url, userId);
    for (const entry of pages) {
      const address = addressOf(entry);
      const allowed = mayOpen(entry, [role]);
      const seen = await pages$.visit(address, allowed ? 'page' : '403');
      if (allowed && seen.forbidden) wrong.push(`${address}: 403 from the router`);
      if (allowed && seen.refused.length) wrong.push(`${address}: the API refused ${seen.refused.join(', ')}`);
      if (allowed && !seen.text) wrong.push(`${address}: nothing rendered`);
      if (!allowed && !seen.forbidden) wrong.push(`${address}: opened, should be 403`);
      if (seen.url.startsWith('/sign-in') && entry.path !== '/sign-in') wrong.push(`${address}: sent to sign in`);
    }
    // A failed request's console line is the browser's, not the page's; an uncaught error is the page's.
    wrong.push(...errors.filter((e) => !/Failed to load resource/.test(e)));
    await page.context().close();
    expect(wrong).toEqual([]);
  });

  it('sends a stranger to sign in for every page that is not public', async () => {
    const { page, errors } = await pageOf(browser);
    const pages$ = watch(page);
    await page.goto(`${site.url}/sign-in`);
    const wrong: string[] = [];
    for (const entry of pages) {
      const seen = await pages$.visit(addressOf(entry), entry.access === 'public' ? 'page' : 'sign-in');
      if (entry.access === 'public' && seen.forbidden) wrong.push(`${entry.path}: 403 for a stranger`);
      if (entry.access !== 'public' && !seen.url.startsWith('/sign-in')) wrong.push(`${entry.path}: a stranger stayed at ${seen.url}`);
    }
    expect(wrong).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  });
});
