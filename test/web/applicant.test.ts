// The applicant's pages in a real browser against the real stack (API, worker, Temporal, the
// built web/dist): sign in as a demo user, find the case in 我的申报 with its 受理编号 and stage,
// open it (its stages, its running deadline), switch to English. Elements are found as a person
// finds them: by role, label and visible text.
import { resolve } from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { catalogue } from '../../domain/words/say';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { bearer, caseMaterial, poll, submitAs } from '../api/fixtures';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';

const zh = catalogue('zh-CN') as Record<string, string>;
const en = catalogue('en') as Record<string, string>;
/** As the pages write a day: 2026年12月10日 / 10 Dec 2026. */
const day = (locale: 'zh-CN' | 'en', ymd: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`));

describe.skipIf(!chromiumAvailable)('the applicant in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let offSite: { url: string; close(): Promise<void> };
  let theCase: { id: string; caseNumber: string; stage: string; lastDay: string; workingDays: number; stages: string[] };

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({ devMode: true, webDist: WEB_DIST });
    site = await listen(h.app);
    // The same deployment without development mode: no sign-in to offer.
    offSite = await listen(
      createApp({
        db: h.db,
        objects: h.objects,
        temporal: h.temporal,
        logger: pino({ level: 'silent' }),
        config: { jwt: { secret: JWT_SECRET }, taskQueue: h.taskQueue, temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { mutations: 100, public: 100, windowMs: 60_000 }, webDist: resolve(WEB_DIST) },
      }),
    );
    browser = await launchChromium();
    // A fresh case of u-li-ming's, submitted over the API, once its first deadline runs.
    const submitted = await submitAs(h, 'u-li-ming');
    await caseMaterial(h, submitted, 'identity', '身份证');
    const detail = await poll('the case with a running deadline', async () => {
      const res = await request(h.app).get(`/api/applications/${submitted.id}`).set('Authorization', await bearer(h, 'u-li-ming'));
      return res.body.deadline ? res.body : undefined;
    });
    theCase = { id: submitted.id, caseNumber: detail.caseNumber, stage: detail.stage, lastDay: detail.deadline.lastDay, workingDays: detail.deadline.workingDays, stages: detail.timeline.map((e: { stage: string }) => e.stage) };
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await offSite?.close();
    await h?.stop();
  });

  /** Screenshots for a person to look at: test-results/web/<name>.png. */
  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/web/${name}.png`, fullPage: true });

  /** A page whose errors fail the test (an uncaught exception, a console error). */
  async function pageOf(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    return { page, errors };
  }

  it('signs in as u-li-ming, finds the case in 我的申报, opens its stages and deadline, and reads it in English', async () => {
    const { page, errors } = await pageOf();
    await page.goto(`${site.url}/cases`);
    // Not signed in: sent to the development sign-in, which lists the demo users.
    await page.waitForURL('**/sign-in');
    await page.getByRole('row', { name: /u-li-ming/ }).waitFor();
    await shot(page, 'sign-in');
    await page.getByRole('row', { name: /u-li-ming/ }).getByRole('button', { name: '以此身份登录' }).click();
    await page.waitForURL('**/cases');
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('李明');

    // 我的申报: the 受理编号, series and level, the stage in Chinese, the deadline's last day.
    const row = page.getByRole('row', { name: new RegExp(theCase.caseNumber) });
    await row.waitFor();
    const rowText = await row.textContent();
    expect(rowText).toContain(zh['stage.' + theCase.stage]);
    expect(rowText).toContain(`${zh['series.engineering']} · ${zh['level.intermediate']}`);
    await expect.poll(() => row.textContent()).toContain(day('zh-CN', theCase.lastDay));
    await shot(page, 'cases-zh-CN');

    // The case: its stages as Steps, the running deadline with its working days.
    await row.getByRole('link', { name: theCase.caseNumber }).click();
    await page.waitForURL(`**/cases/${theCase.id}`);
    await page.getByText(`受理编号 ${theCase.caseNumber}`).waitFor();
    const progress = page.getByRole('region', { name: '办理进度' });
    for (const stage of theCase.stages) await progress.getByText(zh['stage.' + stage]!, { exact: true }).first().waitFor();
    const deadline = page.getByRole('region', { name: '当前期限' });
    await deadline.getByText(`${day('zh-CN', theCase.lastDay)}（${theCase.workingDays} 个工作日）`).waitFor();
    await shot(page, 'case-zh-CN');

    // English: the chrome and the API's words switch, and the choice is remembered.
    await page.getByText('English', { exact: true }).click();
    await page.getByText(`Last day`).waitFor();
    await page.getByText(en['stage.' + theCase.stage]!, { exact: true }).first().waitFor();
    await page.getByRole('region', { name: 'Running deadline' }).getByText(`${day('en', theCase.lastDay)} (${theCase.workingDays} working days)`).waitFor();
    await shot(page, 'case-en');
    expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('tl.locale'))).toBe('en');
    await page.reload();
    await page.getByText('Progress', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lists the case's materials to view and download, and words a failed request as the API does", async () => {
    const { page, errors } = await pageOf();
    await page.goto(`${site.url}/sign-in`);
    await page.getByRole('row', { name: /u-li-ming/ }).getByRole('button', { name: '以此身份登录' }).click();
    await page.waitForURL('**/cases');
    await page.goto(`${site.url}/cases/${theCase.id}`);
    const material = page.getByRole('row', { name: /身份证/ });
    await material.getByText(zh['evidence.identity']!, { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), material.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('identity.pdf');
    const [tab] = await Promise.all([page.waitForEvent('popup'), material.getByRole('button', { name: '查看' }).click()]);
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    await tab.close();
    expect(errors).toEqual([]);

    // A case that is not there (or not theirs): the API's problem details, in the page's language.
    const missing = '00000000-0000-4000-8000-0000000000ff';
    const problem = await request(h.app).get(`/api/applications/${missing}`).set('Authorization', await bearer(h, 'u-li-ming')).set('Accept-Language', 'zh-CN');
    expect(problem.status).toBe(404);
    await page.goto(`${site.url}/cases/${missing}`);
    await page.getByRole('alert').filter({ hasText: problem.body.detail }).first().waitFor();
    await shot(page, 'case-missing');
    await page.context().close();
  });

  it('offers no sign-in when the deployment is not in development mode', async () => {
    const { page } = await pageOf();
    await page.goto(`${offSite.url}/cases`);
    await page.waitForURL('**/sign-in');
    await page.getByText('开发环境登录未开启').waitFor();
    await shot(page, 'sign-in-off');
    expect(await page.getByRole('button', { name: '以此身份登录' }).count()).toBe(0);
    await page.context().close();
  });
});
