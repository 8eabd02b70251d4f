// The applicant's new application (申报向导) in a real browser against the real stack: sign in as
// u-li-ming, fill an intermediate engineering application, 保存并检查 lists the missing materials
// in Chinese, upload them (and the patent's) through the page, the check passes, 提交申报 lands on
// the case with its 受理编号, and the case holds the four materials.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { bearer, poll } from '../api/fixtures';
import { pdfSaying } from '../support/web-pages';
import { chromiumAvailable } from '../support/browser';
import { startWebStack, stopWebStack } from '../support/web-stack';
import type { Harness } from '../support/harness';

const en = catalogue('en') as Record<string, string>;

describe.skipIf(!chromiumAvailable)('the applicant applies in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    ({ h, site, browser } = await startWebStack());
  });
  afterAll(() => stopWebStack({ h, site, browser }));

  const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/web/${name}.png`, fullPage: true });
  /** Types into a searchable select and takes the first option that matches. */
  async function choose(page: Page, scope: ReturnType<Page['getByRole']> | Page, label: string, option: string) {
    const box = scope.getByLabel(label, { exact: true });
    await box.click();
    await box.fill(option);
    await page.getByTitle(option, { exact: true }).filter({ visible: true }).first().waitFor();
    await box.press('Enter');
  }

  it('fills an intermediate engineering application, uploads what the check asks for, and submits it', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${site.url}/sign-in`);
    await page.getByRole('row', { name: /u-li-ming/ }).getByRole('button', { name: '以此身份登录' }).click();
    await page.waitForURL('**/cases');
    await page.getByRole('button', { name: '新建申报' }).click();
    await page.waitForURL('**/apply');

    // 1) the title applied for; the employer is the signed-in user's organisation.
    await choose(page, page, '申报系列', '工程技术');
    await choose(page, page, '申报级别', '中级');
    await page.getByLabel('专业', { exact: true }).fill('人工智能');
    // The employer by name, not its id.
    await page.getByText('上海张江智能科技有限公司').waitFor();
    // 2) education, the current title (junior, six years by the harness's clock), one patent.
    const year = h.clock().getUTCFullYear();
    await choose(page, page, '学历', '硕士研究生');
    await choose(page, page, '现职称级别', '初级');
    await choose(page, page, '现职称系列', '工程技术');
    // A date picker; the day may be typed as the API writes it.
    await page.getByLabel('取得现职称日期').fill(`${year - 6}-07-01`);
    await page.getByLabel('取得现职称日期').press('Enter');
    await page.getByRole('button', { name: '添加业绩' }).click();
    const achievement = page.getByRole('group', { name: '业绩 1', exact: true });
    await choose(page, achievement, '类别', '专利');
    await achievement.getByLabel('名称').fill('一种图像识别方法');
    await achievement.getByLabel('年份').fill(String(year - 1));

    // 保存并检查: the draft is saved, the check lists the missing materials in Chinese.
    await page.getByRole('button', { name: '保存并检查' }).click();
    await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
    const findings = page.getByRole('region', { name: '检查结果' });
    for (const kind of ['身份证明', '学历证书', '现职称证书']) await findings.getByText(`缺少申报材料：${kind}`).waitFor();
    await findings.getByText('业绩“一种图像识别方法”尚无佐证材料').waitFor();
    await shot(page, 'apply-missing');

    // The materials, through the page's upload inputs.
    const uploads: [string, string][] = [
      ['身份证明', 'identity'],
      ['学历证书', 'education-certificate'],
      ['现职称证书', 'current-title-certificate'],
      ['业绩 1：一种图像识别方法', 'patent'],
    ];
    for (const [group, kind] of uploads) {
      const slot = page.getByRole('group', { name: group, exact: true });
      await slot.locator('input[type=file]').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: await pdfSaying(`${kind} of u-li-ming ${randomUUID()}`) });
      await slot.getByText('100%').or(slot.getByRole('img', { name: 'check-circle' })).first().waitFor();
    }
    for (const [, kind] of uploads) await page.getByRole('cell', { name: `${kind}.pdf`, exact: true }).waitFor();
    // A file sent by mistake is listed, and deleted from the list.
    await page.getByRole('group', { name: '身份证明', exact: true }).locator('input[type=file]').setInputFiles({ name: 'mistake.pdf', mimeType: 'application/pdf', buffer: await pdfSaying(`mistake ${randomUUID()}`) });
    const mistake = page.getByRole('row', { name: /mistake\.pdf/ });
    await mistake.getByRole('button', { name: '删除' }).click();
    await mistake.waitFor({ state: 'detached' });

    // The draft continues at its own address: the form and its materials come back.
    await page.reload();
    await expect.poll(() => page.getByLabel('专业', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('人工智能');
    expect(await page.getByRole('group', { name: '业绩 1', exact: true }).getByLabel('名称').inputValue()).toBe('一种图像识别方法');
    for (const [, kind] of uploads) await page.getByRole('cell', { name: `${kind}.pdf`, exact: true }).waitFor();

    await page.getByRole('button', { name: '保存并检查' }).click();
    await findings.getByText('检查通过，可以提交申报').waitFor();
    await shot(page, 'apply-ready');
    // The parts as steps: all four reached.
    await page.getByRole('navigation', { name: '申报步骤' }).getByText('预览并提交').waitFor();

    // The 申报表 before submitting, read-only: the fields as they will be submitted, the materials.
    await page.getByRole('button', { name: '预览申报表' }).click();
    const preview = page.getByRole('dialog', { name: '申报表预览' });
    await preview.getByText('上海张江智能科技有限公司').waitFor();
    await preview.getByText(`工程技术 · 初级 · ${year - 6}-07-01`).waitFor();
    await preview.getByText(/一种图像识别方法/).first().waitFor();
    await preview.getByText(/patent\.pdf/).waitFor();
    await shot(page, 'apply-preview');
    await preview.getByRole('button', { name: '关闭' }).first().click();
    await preview.waitFor({ state: 'hidden' });

    // 提交申报, clicked twice: one case, and on to it with its 受理编号.
    const auth = await bearer(h, 'u-li-ming');
    const myCases = async () => (await request(h.app).get('/api/applications').set('Authorization', auth)).body.total as number;
    const before = await myCases();
    await page.getByRole('button', { name: '提交申报' }).dblclick();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    await page.getByText(/^受理编号 \d{4}-/).waitFor();
    await shot(page, 'apply-submitted');

    expect(await myCases()).toBe(before + 1);
    const listed = await poll('the case’s four materials', async () => {
      const r = await request(h.app).get(`/api/applications/${caseId}/materials`).set('Authorization', auth);
      return r.status === 200 && r.body.items.length === 4 ? (r.body.items as { kind: string; fileName: string }[]) : undefined;
    });
    expect(listed.map((m) => m.kind).sort()).toEqual(['current-title-certificate', 'education-certificate', 'identity', 'patent']);
    const detail = await request(h.app).get(`/api/applications/${caseId}`).set('Authorization', auth);
    expect(detail.body).toMatchObject({ series: 'engineering', level: 'intermediate', field: '人工智能' });
    expect(errors).toEqual([]);
    await context.close();
  });
  it('shows a refused submission (422) in English when the page is in English', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'en' });
    await context.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('tl.locale', 'en'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/sign-in`);
    await page.getByRole('row', { name: /u-li-ming/ }).getByRole('button').click();
    await page.waitForURL('**/cases');
    await page.goto(`${site.url}/apply`);
    await choose(page, page, 'Series', en['series.engineering']!);
    await choose(page, page, 'Level', en['level.intermediate']!);
    await page.getByLabel('Field', { exact: true }).fill('robotics');
    // Submitted with nothing uploaded: the API refuses (422) and says why in the page's language.
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const findings = page.getByRole('region', { name: 'Check' });
    // The education is missing: the check stops there, and its words are the English catalogue's.
    const missing = en['check.field-missing']!.split('{')[0]!;
    await findings.getByText(new RegExp(`^${missing}`)).first().waitFor();
    expect(await findings.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'apply-refused-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
