// What every browser test does: a page whose uncaught exceptions and console errors are kept
// (a test asserts they stayed empty), signing in as a demo user through the development sign-in
// page, and screenshots under the git-ignored test-results/web/ for a person to look at.
import type { Browser, Page } from 'playwright-core';

export type PageLocale = 'zh-CN' | 'en';

/** A fresh browser context in `locale`; `errors` collects what went wrong on the page. */
export async function pageOf(browser: Browser, locale: PageLocale = 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  // The page's language follows what the person chose before (localStorage), as a returning user's would.
  await context.addInitScript((l) => {
    // Every frame runs this, a PDF shown in a frame too, which has no storage of its own.
    const storage = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } | null }).localStorage;
    if (storage && !storage.getItem('tl.locale')) storage.setItem('tl.locale', l);
  }, locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors };
}

/** Signs in as a demo user on the development sign-in page, then opens `path` (default: where sign-in lands). */
export async function signIn(page: Page, siteUrl: string, userId: string, path?: string): Promise<void> {
  await page.goto(`${siteUrl}/sign-in`);
  await page
    .getByRole('row', { name: new RegExp(`\\b${userId}\\b`) })
    .getByRole('button')
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  if (path) await page.goto(`${siteUrl}${path}`);
}

/** A full-page screenshot for a person to look at: test-results/web/<name>.png. */
export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/web/${name}.png`, fullPage: true });

/** A one-page PDF saying `text`, to upload as a material: each text a distinct file, so none is taken for another. */
export async function pdfSaying(text: string): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save());
}
