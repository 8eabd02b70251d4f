// The applicant acting on their case in a real browser against the real stack, on a time-skipping
// server so the employer's notice can pass: a case the employer returned is resubmitted through
// the page; a correction notice (made over the API) is answered item by item, with a new PDF for
// the material it names; a case is withdrawn (confirmed first); a certified case's PDF downloads,
// and the URL its QR code encodes (decoded with zbarimg) opens the public /verify page, which
// says valid. Elements are found as a person finds them: by role, label and visible text.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { issueCertificate } from '../../records/certificates';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { bearer, caseMaterial, engineeringBody, poll, sleepPastDeadline, submitAs } from '../api/fixtures';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { PUBLIC_BASE_URL, startHarness, type Harness } from '../support/harness';
import { pageOf, shot, signIn, pdfSaying } from '../support/web-pages';

const run = promisify(execFile);
const zh = catalogue('zh-CN') as Record<string, string>;
const en = catalogue('en') as Record<string, string>;

describe.skipIf(!chromiumAvailable)('the applicant acts on their case in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({ timeSkipping: true, devMode: true, webDist: WEB_DIST });
    site = await listen(h.app);
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'tl-applicant-actions-'));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await h?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const as = async (userId: string, method: 'get' | 'post', url: string, body?: object) => {
    const req = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
    return body ? req.send(body) : req;
  };
  const stageOf = async (id: string) => (await as('u-li-ming', 'get', `/api/applications/${id}`)).body.stage as string;
  /** The case's page, signed in as Li Ming, once its stage shows. */
  async function openCase(page: Page, id: string, stage: string, words = zh) {
    await signIn(page, site.url, 'u-li-ming', `/cases/${id}`);
    await page.getByText(words[`applicant-now.${stage}`]!).waitFor();
  }

  it('resubmits a case the employer returned', { timeout: 120_000 }, async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '机器视觉' });
    await caseMaterial(h, app, 'identity', '身份证');
    await poll('the employer review', async () => (await stageOf(app.id)) === 'employer-review');
    const returned = await as('u-hr-zhangjiang', 'post', `/api/applications/${app.id}/employer-decision`, { decision: 'return', reason: '请补充专利证书' });
    expect(returned.body.stage).toBe('returned');

    const { page, errors } = await pageOf(browser);
    await openCase(page, app.id, 'returned');
    // The employer's reasons are on the page, with the button to resubmit.
    await page.getByText('请补充专利证书').first().waitFor();
    await page.getByRole('button', { name: '重新提交申报' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await poll('the resubmission', async () => (await stageOf(app.id)) === 'employer-review');
    // The page follows the case: the employer reviews it again, and nothing more is asked.
    await page.getByText(zh['applicant-now.employer-review']!).waitFor();
    expect(await page.getByRole('button', { name: '重新提交申报' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('answers a correction notice item by item, replacing the material it names with a new PDF', { timeout: 120_000 }, async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '计算机视觉' });
    await caseMaterial(h, app, 'identity', '身份证');
    const blurred = await caseMaterial(h, app, 'education-certificate', '学士学位证书');
    const url = `/api/applications/${app.id}`;
    await poll('the employer review', async () => (await stageOf(app.id)) === 'employer-review');
    expect((await as('u-hr-zhangjiang', 'post', `${url}/employer-decision`, { decision: 'approve' })).body.stage).toBe('employer-notice');
    await sleepPastDeadline(h, 'u-li-ming', app.id, 'employer-notice');
    await h.syncClock(); // the API counts the working days left on the server's (skipped) clock
    await poll('the formal review', async () => (await stageOf(app.id)) === 'formal-review');
    const correct = await as('u-authority', 'post', `${url}/formal-review`, {
      decision: 'correct',
      items: [
        { item: 'education-certificate', reason: '学位证书扫描件不清晰', materialId: blurred },
        { item: 'identity', reason: '身份证已过有效期' },
      ],
    });
    expect(correct.body.stage).toBe('correction');
    const detail = await poll('the correction deadline', async () => {
      const d = (await as('u-li-ming', 'get', url)).body;
      return d.deadline?.purpose === 'correction' ? d : undefined;
    });

    // The case page: several stages, the correction deadline counted down, the materials — in both languages.
    for (const locale of ['en', 'zh-CN'] as const) {
      const words = locale === 'en' ? en : zh;
      const { page, errors } = await pageOf(browser, locale);
      await openCase(page, app.id, 'correction', words);
      const left = detail.deadline.workingDaysLeft as number;
      await page.getByText(locale === 'en' ? `${left} working days left` : `还剩 ${left} 个工作日`).waitFor();
      await page.getByRole('cell', { name: '学士学位证书' }).first().waitFor();
      await shot(page, `cases-case-${locale}`);
      if (locale === 'zh-CN') await expectAccessible(page, 'the case page');
      expect(errors).toEqual([]);
      if (locale === 'en') {
        await page.context().close();
        continue;
      }

      // Item by item: a new PDF for the certificate, a note for each.
      const education = page.getByRole('region', { name: '补正事项：学历证书' });
      await education.getByText('学位证书扫描件不清晰').waitFor();
      const chooser = page.waitForEvent('filechooser');
      await education.getByRole('button', { name: /上传替换文件/ }).click();
      await (await chooser).setFiles({ name: 'degree-rescanned.pdf', mimeType: 'application/pdf', buffer: await pdfSaying('degree, rescanned') });
      await education.getByText('已上传：degree-rescanned.pdf').waitFor();
      await page.getByLabel('补正说明（学历证书）').fill('已重新扫描学位证书');
      await page.getByLabel('补正说明（身份证明）').fill('已更新为有效期内的身份证');
      await page.getByRole('button', { name: '提交补正' }).click();
      await poll('the corrections', async () => (await stageOf(app.id)) === 'formal-review');
      await page.getByText(zh['applicant-now.formal-review']!).waitFor();

      const old = await h.db.material.findUniqueOrThrow({ where: { id: blurred } });
      expect(old.replacedById).not.toBeNull();
      const replacement = await h.db.material.findUniqueOrThrow({ where: { id: old.replacedById! } });
      expect(replacement).toMatchObject({ kind: 'education-certificate', fileName: 'degree-rescanned.pdf' });
      const notes = await h.db.auditEvent.findMany({ where: { workflowId: app.workflowId, action: 'submit-correction' } });
      expect(JSON.stringify(notes.map((n) => n.detail))).toContain('已重新扫描学位证书');
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('withdraws a case, confirming first', { timeout: 120_000 }, async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '自然语言处理' });
    await poll('the employer review', async () => (await stageOf(app.id)) === 'employer-review');
    const { page, errors } = await pageOf(browser);
    await openCase(page, app.id, 'employer-review');
    await page.getByLabel('撤回原因').fill('工作调动');
    await page.getByRole('button', { name: '撤回申报' }).click();
    // Nothing happens before the confirmation.
    await page.getByText('确认撤回本次申报？撤回后不能恢复。').waitFor();
    expect(await stageOf(app.id)).toBe('employer-review');
    await page.getByRole('button', { name: '确认' }).click();
    await poll('the withdrawal', async () => (await stageOf(app.id)) === 'withdrawn');
    await page.getByText(zh['applicant-now.withdrawn']!).waitFor();
    expect(await page.getByRole('button', { name: '撤回申报' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('downloads the certificate, and its QR code opens the verification page, which says valid', { timeout: 120_000 }, async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '集成电路' });
    const cert = await issueCertificate(h.db, { applicationId: app.id, holderId: app.applicantId, series: app.series, level: app.level, issuedAt: h.clock().toISOString() });
    const { page, errors } = await pageOf(browser);
    await signIn(page, site.url, 'u-li-ming', `/cases/${app.id}`);
    await page.getByText(cert.verificationCode).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载证书（PDF）' }).click();
    const file = join(dir, 'certificate.pdf');
    await (await download).saveAs(file);

    // The QR code as a phone reads it: the page at the deployment's public address.
    const png = join(dir, 'certificate');
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, png]);
    const qr = (await run('zbarimg', ['--raw', '-q', `${png}.png`])).stdout.trim();
    expect(qr).toBe(`${PUBLIC_BASE_URL}/verify?number=${encodeURIComponent(cert.number)}&code=${encodeURIComponent(cert.verificationCode)}`);

    // Opened by anyone, signed in or not: this deployment stands in for the public address.
    for (const locale of ['zh-CN', 'en'] as const) {
      const visitor = await pageOf(browser, locale);
      await visitor.page.goto(`${site.url}${qr.slice(PUBLIC_BASE_URL.length)}`);
      await visitor.page.getByText(locale === 'en' ? 'The certificate is valid' : '证书有效', { exact: true }).waitFor();
      await visitor.page.getByText(cert.number).first().waitFor();
      await shot(visitor.page, `verify-${locale}`);
      if (locale === 'zh-CN') await expectAccessible(visitor.page, 'the verification page');
      expect(visitor.errors).toEqual([]);
      await visitor.page.context().close();
    }
    // A wrong code: unknown, as the API answers (404).
    const stranger = await pageOf(browser);
    await stranger.page.goto(`${site.url}/verify?number=${encodeURIComponent(cert.number)}&code=WRONG`);
    await stranger.page.getByText('未找到该证书').waitFor();
    expect(stranger.errors.filter((e) => !e.includes('404'))).toEqual([]);
    await stranger.page.context().close();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
