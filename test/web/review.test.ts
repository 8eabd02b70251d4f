// The reviewer workbench in a real browser against the real stack, on a development calendar
// whose working day lasts four seconds (TL_DEV_WORKING_DAY_SECONDS), so a notice closes and a
// deadline passes while the test watches — "overdue" is what the API reports, never the browser's.
//  (a) the employer's HR finds u-li-ming's case in 待办 with its last day, a case past its
//      deadline marked overdue, opens the dossier, views a material, approves: the task is gone;
//  (b) the authority sends a one-time correction notice of two items; the applicant's case is in 补正材料;
//  (c) 绿色通道: the applicant applies through 申报向导, the employer approves, the authority
//      passes the formal review, the industry body evaluates — the case reaches the committee.
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { bearer, caseMaterial, engineeringBody, poll, settled, submitAs } from '../api/fixtures';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { pageOf, shot, signIn, pdfSaying } from '../support/web-pages';

const zh = catalogue('zh-CN');
/** Four seconds a working day: a 5-day notice closes in twenty seconds. */
const WORKING_DAY_MS = 4_000;

/** As the pages write a day: 2026年12月10日 / 10 Dec 2026. */
const day = (locale: 'zh-CN' | 'en', ymd: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`));

/** A 绿色通道 deputy-senior engineering application: two patents stand in for the years (破格). */
const greenBody = {
  ...engineeringBody,
  track: 'green',
  level: 'deputy-senior',
  submission: {
    ...engineeringBody.submission,
    currentTitle: { level: 'intermediate', series: 'engineering', since: '2020-07-01' },
    achievements: [
      { kind: 'patent', title: '一种图像识别方法', year: 2024, evidence: ['a.pdf'] },
      { kind: 'patent', title: '一种语音合成方法', year: 2025, evidence: ['b.pdf'] },
    ],
  },
};

describe.skipIf(!chromiumAvailable)('the reviewer workbench in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  /** Past its 5-working-day employer review by the time (a) looks: the API calls it overdue. */
  let late: { id: string; caseNumber: string | null; workflowId: string; applicantId: string };
  /** Approved in set-up: in formal review once its notice has closed, for (b). */
  let forCorrection: { id: string; caseNumber: string | null; workflowId: string; applicantId: string };
  let identityOfB = '';

  const detail = async (id: string, userId = 'u-authority') => (await request(h.app).get(`/api/applications/${id}`).set('Authorization', await bearer(h, userId))).body as { stage: string };
  const stageReached = (id: string, stage: string, timeoutMs = 30_000) => poll(`${id} in ${stage}`, async () => (await detail(id)).stage === stage, timeoutMs);

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({ devMode: true, webDist: WEB_DIST, calendarMode: { acceleratedWorkingDayMs: WORKING_DAY_MS } });
    site = await listen(h.app);
    browser = await launchChromium();
    late = await submitAs(h, 'u-li-ming', greenBody);
    forCorrection = await submitAs(h, 'u-li-ming');
    identityOfB = await caseMaterial(h, forCorrection);
    const approved = await request(h.app)
      .post(`/api/applications/${forCorrection.id}/employer-decision`)
      .set('Authorization', await bearer(h, 'u-hr-zhangjiang'))
      .send({ decision: 'approve' });
    expect(approved.body.stage).toBe('employer-notice');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    for (const c of [late, forCorrection]) if (c) await settled(h, c.workflowId).catch(() => undefined);
    await h?.stop();
  });

  /** A task's row in 待办, found by its 受理编号. */
  const rowOf = (page: Page, caseNumber: string | null) => page.getByRole('row', { name: new RegExp(caseNumber!) });

  /** Opens 待办 and the case's dossier from its row. */
  async function openFromInbox(page: Page, caseNumber: string | null, id: string) {
    await page.goto(`${site.url}/inbox`);
    await rowOf(page, caseNumber).getByRole('link', { name: caseNumber!, exact: true }).click();
    await page.waitForURL(`**/review/${id}`);
    await page.getByText(`受理编号 ${caseNumber}`).waitFor();
  }

  /** Submits the decision form and lands back in 待办, where the case's row is gone. */
  async function decideAndReturn(page: Page, caseNumber: string | null) {
    await page.getByRole('button', { name: '提交决定' }).click();
    await page.waitForURL('**/inbox').catch(async (err: unknown) => {
      // What the page says instead: the API's problem or a field's rule.
      const said = await page.getByRole('alert').allInnerTexts();
      await shot(page, 'review-decision-refused');
      throw new Error(`no way back to 待办: ${said.join(' | ')}`, { cause: err });
    });
    await page.getByRole('heading', { name: '待办' }).waitFor();
    await expect.poll(() => rowOf(page, caseNumber).count(), { timeout: 10_000 }).toBe(0);
  }

  it("the employer finds u-li-ming's case in 待办 with its last day, opens the dossier, views a material and approves", { timeout: 120_000 }, async () => {
    const fresh = await submitAs(h, 'u-li-ming');
    await caseMaterial(h, fresh);
    const auth = await bearer(h, 'u-hr-zhangjiang');
    const inbox = async () => (await request(h.app).get('/api/inbox').set('Authorization', auth)).body as { items: { caseId: string; lastDay: string; overdue: boolean }[] };
    const freshTask = (await inbox()).items.find((t) => t.caseId === fresh.id)!;
    expect(freshTask.overdue).toBe(false);

    const { page, errors } = await pageOf(browser, 'zh-CN');
    await signIn(page, site.url, 'u-hr-zhangjiang');
    await page.getByRole('link', { name: '待办' }).click();
    await page.waitForURL('**/inbox');
    // The address changes before the lazy page replaces 我的申报, whose table lists the same case:
    // the rows are read once 待办 stands alone, and the case is in it once.
    await page.getByRole('heading', { name: '待办' }).waitFor();
    const row = rowOf(page, fresh.caseNumber);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByText(day('zh-CN', freshTask.lastDay)).waitFor();
    await row.getByText('李明').waitFor();
    await row.getByText('上海张江智能科技有限公司').waitFor();
    await row.getByText(zh['step.employer-review']!).waitFor();
    expect(await row.getByText('已逾期', { exact: true }).count()).toBe(0);

    // The green case's 5 working days (twenty seconds) run out: the API says overdue, the list shows it, first.
    await poll('the green case overdue', async () => (await inbox()).items.find((t) => t.caseId === late.id)?.overdue, 30_000);
    await rowOf(page, late.caseNumber).getByText('已逾期', { exact: true }).waitFor({ timeout: 15_000 });
    const order = await page.getByRole('row').allInnerTexts();
    expect(order.findIndex((r) => r.includes(late.caseNumber!))).toBeLessThan(order.findIndex((r) => r.includes(fresh.caseNumber!)));

    // The filters ask the server: overdue only, then 受理编号.
    await page.getByText('只看已逾期').click();
    await expect.poll(() => rowOf(page, fresh.caseNumber).count()).toBe(0);
    await rowOf(page, late.caseNumber).waitFor();
    await page.getByText('只看已逾期').click();
    await page.getByLabel('受理编号或申报人').fill(fresh.caseNumber!);
    await page.getByLabel('受理编号或申报人').press('Enter');
    await expect.poll(() => rowOf(page, late.caseNumber).count()).toBe(0);
    await rowOf(page, fresh.caseNumber).waitFor();
    await shot(page, 'review-inbox-zh-CN');
    await expectAccessible(page, 'the inbox');

    // The dossier: who, where, what; the materials on the page; the eligibility; the progress.
    await openFromInbox(page, fresh.caseNumber, fresh.id);
    await page.getByText('上海张江智能科技有限公司').first().waitFor();
    await page.getByRole('cell', { name: '一种图像识别方法' }).waitFor();
    await page.getByRole('region', { name: '申报条件审查' }).getByText('符合申报条件').waitFor();
    await page.getByRole('region', { name: '申报条件审查' }).getByText(/第 1 版/).waitFor();
    await page.getByRole('region', { name: '办理进度' }).getByText(zh['stage.employer-review']!).first().waitFor();
    await page.getByRole('button', { name: '查看 身份证' }).click();
    const viewer = page.getByRole('region', { name: '材料预览：身份证' });
    await expect.poll(() => viewer.locator('iframe').getAttribute('src')).toMatch(/^blob:/);
    await page.mouse.move(0, 0); // the pointer off the button it clicked: axe judges resting colours
    await shot(page, 'review-dossier-zh-CN');
    await expectAccessible(page, 'the dossier');

    // The same pages in English.
    const english = await pageOf(browser, 'en');
    await signIn(english.page, site.url, 'u-hr-zhangjiang', '/inbox');
    await rowOf(english.page, fresh.caseNumber).getByText(day('en', freshTask.lastDay)).waitFor();
    await rowOf(english.page, late.caseNumber).getByText('Overdue', { exact: true }).waitFor();
    await shot(english.page, 'review-inbox-en');
    await english.page.goto(`${site.url}/review/${fresh.id}`);
    await english.page.getByText('Meets the entry conditions').waitFor();
    await english.page.getByRole('radio', { name: 'Approve' }).waitFor();
    await shot(english.page, 'review-dossier-en');
    expect(english.errors).toEqual([]);
    await english.page.context().close();

    // A return needs a reason: the form says so before the API would.
    await page.getByRole('radio', { name: '退回修改' }).check();
    await page.getByRole('button', { name: '提交决定' }).click();
    await page.getByText('请填写理由').waitFor();
    await page.getByRole('radio', { name: '同意推荐' }).check();
    await decideAndReturn(page, fresh.caseNumber);
    await stageReached(fresh.id, 'employer-notice');
    expect(errors).toEqual([]);
    await page.context().close();
    await settled(h, fresh.workflowId);
  });

  it('the authority sends a one-time correction notice of two items, and the applicant sees the case in 补正材料', { timeout: 90_000 }, async () => {
    await stageReached(forCorrection.id, 'formal-review', 40_000);
    const { page, errors } = await pageOf(browser, 'zh-CN');
    await signIn(page, site.url, 'u-authority', '/inbox');
    await openFromInbox(page, forCorrection.caseNumber, forCorrection.id);
    await page.getByRole('radio', { name: '一次性告知补正' }).check();
    const first = page.getByRole('group', { name: '事项 1', exact: true });
    await first.getByLabel('问题').fill('身份证明不清晰');
    await first.getByLabel('说明').fill('请上传清晰的身份证扫描件');
    await first.getByLabel('需替换的材料（可选）').click();
    await page.getByTitle(`${zh['evidence.identity']} · 身份证`).click();
    await page.getByRole('button', { name: '添加事项' }).click();
    const second = page.getByRole('group', { name: '事项 2', exact: true });
    await second.getByLabel('问题').fill('缺少学历证书');
    await second.getByLabel('说明').fill('请补充学历证书');
    await decideAndReturn(page, forCorrection.caseNumber);
    expect(errors).toEqual([]);
    await page.context().close();

    const applicant = await pageOf(browser, 'zh-CN');
    await signIn(applicant.page, site.url, 'u-li-ming', `/cases/${forCorrection.id}`);
    await applicant.page.getByText(`受理编号 ${forCorrection.caseNumber}`).waitFor();
    await applicant.page.getByText(zh['stage.correction']!, { exact: true }).first().waitFor();
    const items = (await request(h.app).get(`/api/applications/${forCorrection.id}`).set('Authorization', await bearer(h, 'u-li-ming'))).body.correctionItems as { item: string }[];
    expect(items.map((i) => i.item)).toEqual(['身份证明不清晰', '缺少学历证书']);
    const named = await h.db.material.findUniqueOrThrow({ where: { id: identityOfB } });
    expect(named.applicationId).toBe(forCorrection.id);
    expect(applicant.errors).toEqual([]);
    await applicant.page.context().close();
  });

  it('绿色通道: applied through 申报向导, approved, formally reviewed and evaluated through the pages, the case reaches the committee', { timeout: 180_000 }, async () => {
    const { page, errors } = await pageOf(browser, 'zh-CN');
    await signIn(page, site.url, 'u-li-ming', '/apply');
    /** Types into a searchable select and takes the first option that matches. */
    async function choose(scope: Page | Locator, label: string, option: string) {
      const box = scope.getByLabel(label, { exact: true });
      // A select showing a value (评审通道 starts at 常规评审) takes the click on that value.
      await box.click({ force: true });
      await box.fill(option);
      await page.getByTitle(option, { exact: true }).filter({ visible: true }).first().waitFor();
      await box.press('Enter');
    }
    await choose(page, '申报系列', zh['series.engineering']!);
    await choose(page, '申报级别', zh['level.deputy-senior']!);
    await choose(page, '评审通道', zh['track.green']!);
    await page.getByLabel('专业', { exact: true }).fill('人工智能');
    const year = h.clock().getUTCFullYear();
    await choose(page, '学历', '硕士研究生');
    await choose(page, '现职称级别', zh['level.intermediate']!);
    await choose(page, '现职称系列', zh['series.engineering']!);
    await page.getByLabel('取得现职称日期').fill(`${year - 2}-07-01`);
    const patents = ['一种图像识别方法', '一种语音合成方法'];
    for (const [i, title] of patents.entries()) {
      await page.getByRole('button', { name: '添加业绩' }).click();
      const achievement = page.getByRole('group', { name: `业绩 ${i + 1}`, exact: true });
      await choose(achievement, '类别', zh['evidence.patent']!);
      await achievement.getByLabel('名称').fill(title);
      await achievement.getByLabel('年份').fill(String(year - 1));
    }
    await page.getByRole('button', { name: '保存并检查' }).click();
    await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
    const findings = page.getByRole('region', { name: '检查结果' });
    await findings.getByText(`缺少申报材料：${zh['evidence.identity']}`).waitFor();
    const uploads: [string, string][] = [
      [zh['evidence.identity']!, 'identity'],
      [zh['evidence.education-certificate']!, 'education-certificate'],
      [zh['evidence.current-title-certificate']!, 'current-title-certificate'],
      [`业绩 1：${patents[0]}`, 'patent-1'],
      [`业绩 2：${patents[1]}`, 'patent-2'],
    ];
    for (const [group, kind] of uploads) {
      const slot = page.getByRole('group', { name: group, exact: true });
      await slot.locator('input[type=file]').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: await pdfSaying(`${kind} of u-li-ming ${randomUUID()}`) });
      await page.getByRole('cell', { name: `${kind}.pdf`, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: '保存并检查' }).click();
    await findings.getByText('检查通过，可以提交申报').waitFor();
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const green = await h.db.application.findUniqueOrThrow({ where: { id } });
    expect(green).toMatchObject({ track: 'green', level: 'deputy-senior' });
    await page.context().close();

    try {
      // The employer approves through the dossier.
      const employer = await pageOf(browser, 'zh-CN');
      await signIn(employer.page, site.url, 'u-hr-zhangjiang');
      await openFromInbox(employer.page, green.caseNumber, id);
      await employer.page.getByRole('radio', { name: '同意推荐' }).check();
      await decideAndReturn(employer.page, green.caseNumber);
      expect(employer.errors).toEqual([]);
      await employer.page.context().close();

      // The notice closes (five working days: twenty seconds); the authority passes the formal review.
      await stageReached(id, 'formal-review', 40_000);
      const authority = await pageOf(browser, 'zh-CN');
      await signIn(authority.page, site.url, 'u-authority');
      await openFromInbox(authority.page, green.caseNumber, id);
      await authority.page.getByRole('radio', { name: '形式审查通过' }).check();
      await decideAndReturn(authority.page, green.caseNumber);
      expect(authority.errors).toEqual([]);
      await authority.page.context().close();

      // The industry body's evaluation (行业评价): a score and an opinion.
      await stageReached(id, 'industry-evaluation');
      const industry = await pageOf(browser, 'zh-CN');
      await signIn(industry.page, site.url, 'u-industry');
      await openFromInbox(industry.page, green.caseNumber, id);
      await industry.page.getByRole('button', { name: '提交决定' }).click();
      await industry.page.getByText('请填写 0 到 100 之间的得分').waitFor();
      await industry.page.getByLabel('评价得分（0–100）').fill('86');
      await industry.page.getByLabel('评价意见').fill('两项发明专利已实施转化，行业影响较大。');
      await decideAndReturn(industry.page, green.caseNumber);
      expect(industry.errors).toEqual([]);
      await industry.page.context().close();

      await stageReached(id, 'committee-review');
      const seen = (await request(h.app).get(`/api/applications/${id}`).set('Authorization', await bearer(h, 'u-li-ming'))).body as { timeline: { action: string; note?: string }[] };
      expect(seen.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['employer-approve', 'formal-pass', 'industry-evaluated']));
      expect(errors).toEqual([]);
    } finally {
      await settled(h, green.workflowId).catch(() => undefined);
    }
  });
});
