// The whole journey of one case, every step through the pages against the real stack (the API
// only reads and asserts), on a development calendar whose working day lasts three seconds
// (TL_DEV_WORKING_DAY_SECONDS), so the employer's notice and the result notice close while the
// test watches: u-li-ming applies on the standard track through 申报向导 with PDFs → the employer
// approves in 待办 → the notice closes → the authority sends a one-time correction notice → the
// applicant answers it with a new PDF → the authority passes the formal review → the administrator
// convenes the committee meeting, the drawn experts check in and vote yes, each in a browser of
// their own, and the administrator closes voting → the result notice closes → the applicant downloads the certificate, and the public
// verification page, opened from the case page's link by someone not signed in, says valid.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { bearer, poll, settled } from '../api/fixtures';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { pageOf, shot, signIn, pdfSaying } from '../support/web-pages';

const zh = catalogue('zh-CN') as Record<string, string>;
/** Three seconds a working day: a 5-day notice closes in fifteen seconds, the 10-day correction window in thirty. */
const WORKING_DAY_MS = 3_000;

describe.skipIf(!chromiumAvailable)('the journey of a case, from the application to the verified certificate, through the pages', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let workflowId: string | undefined;

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({ devMode: true, webDist: WEB_DIST, calendarMode: { acceleratedWorkingDayMs: WORKING_DAY_MS } });
    site = await listen(h.app);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (workflowId) await settled(h, workflowId).catch(() => undefined);
    await h?.stop();
  });

  const get = async (userId: string, url: string) => request(h.app).get(url).set('Authorization', await bearer(h, userId));
  const caseOf = async (id: string) => (await get('u-li-ming', `/api/applications/${id}`)).body as { stage: string; caseNumber: string; workflowId: string; certificateNumber?: string };
  let started = 0;
  const stageReached = async (id: string, stage: string, timeoutMs = 30_000) => {
    let last = '';
    await poll(`the case in ${stage}`, async () => ((last = (await caseOf(id)).stage) === stage ? true : undefined), timeoutMs).catch((err: unknown) => {
      throw new Error(`the case is in ${last}, not ${stage}`, { cause: err });
    });
    mark(stage);
  };
  /** How long the journey has run, on the test's output: where the time goes. */
  const mark = (what: string) => console.log(`[journey] ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s`);

  /** Types into a searchable select and takes the first option that matches. */
  async function choose(page: Page, label: string, option: string, scope: Page | ReturnType<Page['getByRole']> = page) {
    const box = scope.getByLabel(label, { exact: true });
    await box.click();
    await box.fill(option);
    await page.getByTitle(option, { exact: true }).filter({ visible: true }).first().waitFor();
    await box.press('Enter');
  }

  /** Opens 待办 and the case's dossier from its row. */
  async function openFromInbox(page: Page, caseNumber: string, id: string) {
    await page.goto(`${site.url}/inbox`);
    await page.getByRole('row', { name: new RegExp(caseNumber) }).getByRole('link', { name: caseNumber, exact: true }).click();
    await page.waitForURL(`**/review/${id}`);
    await page.getByText(`受理编号 ${caseNumber}`).waitFor();
  }

  /** Submits the decision form and lands back in 待办, where the case's row is gone. */
  async function decideAndReturn(page: Page, caseNumber: string) {
    await page.getByRole('button', { name: '提交决定' }).click();
    await page.waitForURL('**/inbox');
    await page.getByRole('heading', { name: '待办' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(caseNumber) }).count(), { timeout: 10_000 }).toBe(0);
  }

  it('applies, is approved, corrects, passes the committee and verifies the certificate', { timeout: 240_000 }, async () => {
    const open: Page[] = [];
    onTestFailed(async () => {
      for (const [i, p] of open.entries()) if (!p.isClosed()) await shot(p, `journey-failed-${i}`).catch(() => undefined);
    });
    started = performance.now();
    const year = h.clock().getUTCFullYear();

    // 1) The applicant: 申报向导 on the standard track (常规评审, the default), four PDFs, submitted.
    const applicant = await pageOf(browser, 'zh-CN');
    const a = applicant.page;
    open.push(a);
    await signIn(a, site.url, 'u-li-ming', '/apply');
    await choose(a, '申报系列', zh['series.engineering']!);
    await choose(a, '申报级别', zh['level.intermediate']!);
    await a.getByLabel('专业', { exact: true }).fill('人工智能');
    await choose(a, '学历', '硕士研究生');
    await choose(a, '现职称级别', zh['level.junior']!);
    await choose(a, '现职称系列', zh['series.engineering']!);
    await a.getByLabel('取得现职称日期').fill(`${year - 6}-07-01`);
    await a.getByLabel('取得现职称日期').press('Enter');
    await a.getByRole('button', { name: '添加业绩' }).click();
    const achievement = a.getByRole('group', { name: '业绩 1', exact: true });
    await choose(a, '类别', zh['evidence.patent']!, achievement);
    await achievement.getByLabel('名称').fill('一种图像识别方法');
    await achievement.getByLabel('年份').fill(String(year - 1));
    await a.getByRole('button', { name: '保存并检查' }).click();
    await a.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
    const findings = a.getByRole('region', { name: '检查结果' });
    await findings.getByText(`缺少申报材料：${zh['evidence.identity']}`).waitFor();
    const uploads: [string, string][] = [
      [zh['evidence.identity']!, 'identity'],
      [zh['evidence.education-certificate']!, 'education-certificate'],
      [zh['evidence.current-title-certificate']!, 'current-title-certificate'],
      ['业绩 1：一种图像识别方法', 'patent'],
    ];
    for (const [group, kind] of uploads) {
      const slot = a.getByRole('group', { name: group, exact: true });
      await slot.locator('input[type=file]').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: await pdfSaying(`${kind} of u-li-ming ${randomUUID()}`) });
      await a.getByRole('cell', { name: `${kind}.pdf`, exact: true }).waitFor();
    }
    await a.getByRole('button', { name: '保存并检查' }).click();
    await findings.getByText('检查通过，可以提交申报').waitFor();
    await shot(a, 'journey-1-apply');
    await a.getByRole('button', { name: '提交申报' }).click();
    await a.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const id = a.url().split('/').pop()!;
    await a.getByText(/^受理编号 \d{4}-/).waitFor();
    const submitted = await caseOf(id);
    workflowId = submitted.workflowId;
    const caseNumber = submitted.caseNumber;
    expect((await get('u-li-ming', `/api/applications/${id}`)).body).toMatchObject({ track: 'standard', series: 'engineering', level: 'intermediate' });
    expect(applicant.errors).toEqual([]);
    await a.context().close();

    // 2) The employer approves in 待办 → the dossier.
    await stageReached(id, 'employer-review');
    const employer = await pageOf(browser, 'zh-CN');
    open.push(employer.page);
    await signIn(employer.page, site.url, 'u-hr-zhangjiang');
    await openFromInbox(employer.page, caseNumber, id);
    await employer.page.getByRole('radio', { name: '同意推荐' }).check();
    await shot(employer.page, 'journey-2-employer');
    await decideAndReturn(employer.page, caseNumber);
    expect(employer.errors).toEqual([]);
    await employer.page.context().close();

    // 3) The notice closes (five working days); the authority's one-time correction notice names the education certificate.
    await stageReached(id, 'formal-review', 40_000);
    const materials = (await get('u-li-ming', `/api/applications/${id}/materials`)).body.items as { id: string; kind: string; title: string }[];
    const education = materials.find((m) => m.kind === 'education-certificate')!;
    const authority = await pageOf(browser, 'zh-CN');
    open.push(authority.page);
    await signIn(authority.page, site.url, 'u-authority');
    await openFromInbox(authority.page, caseNumber, id);
    await authority.page.getByRole('radio', { name: '一次性告知补正' }).check();
    const item = authority.page.getByRole('group', { name: '事项 1', exact: true });
    await item.getByLabel('问题').fill('学历证书不清晰');
    await item.getByLabel('说明').fill('请上传清晰的学历证书扫描件');
    await item.getByLabel('需替换的材料（可选）').click();
    await authority.page.getByTitle(`${zh['evidence.education-certificate']} · ${education.title}`).click();
    await shot(authority.page, 'journey-3-correction-notice');
    await decideAndReturn(authority.page, caseNumber);
    expect(authority.errors).toEqual([]);
    await stageReached(id, 'correction');

    // 4) The applicant answers it on the case page: a new PDF for the certificate, a note.
    const again = await pageOf(browser, 'zh-CN');
    open.push(again.page);
    await signIn(again.page, site.url, 'u-li-ming', `/cases/${id}`);
    const region = again.page.getByRole('region', { name: '补正事项：学历证书不清晰' });
    await region.getByText('请上传清晰的学历证书扫描件').waitFor();
    const chooser = again.page.waitForEvent('filechooser');
    await region.getByRole('button', { name: /上传替换文件/ }).click();
    await (await chooser).setFiles({ name: 'degree-rescanned.pdf', mimeType: 'application/pdf', buffer: await pdfSaying(`degree, rescanned ${randomUUID()}`) });
    await region.getByText('已上传：degree-rescanned.pdf').waitFor();
    await again.page.getByLabel('补正说明（学历证书不清晰）').fill('已重新扫描学历证书');
    await shot(again.page, 'journey-4-correction-answer');
    await again.page.getByRole('button', { name: '提交补正' }).click();
    await stageReached(id, 'formal-review');
    await again.page.getByText(zh['applicant-now.formal-review']!).waitFor();
    const replaced = (await get('u-li-ming', `/api/applications/${id}/materials`)).body.items as { kind: string; fileName: string }[];
    expect(replaced.some((m) => m.kind === 'education-certificate' && m.fileName === 'degree-rescanned.pdf')).toBe(true);
    expect(again.errors).toEqual([]);
    await again.page.context().close();

    // 5) The authority passes the formal review: the case goes to the committee.
    await openFromInbox(authority.page, caseNumber, id);
    await authority.page.getByRole('radio', { name: '形式审查通过' }).check();
    await decideAndReturn(authority.page, caseNumber);
    expect(authority.errors).toEqual([]);
    await authority.page.context().close();
    await stageReached(id, 'committee-review');

    // 6) The administrator convenes the meeting the case is on, on 评审会议管理.
    const meetingId = await poll('the case’s meeting', async () => {
      const list = (await get('u-admin', '/api/meetings')).body.items as { id: string }[];
      for (const m of list ?? []) {
        const d = (await get('u-admin', `/api/meetings/${m.id}`)).body as { agenda?: { caseId: string }[] };
        if (d.agenda?.some((c) => c.caseId === id)) return m.id;
      }
      return undefined;
    });
    mark('the meeting found');
    const admin = await pageOf(browser, 'zh-CN');
    open.push(admin.page);
    await signIn(admin.page, site.url, 'u-admin', '/admin/meetings');
    const row = admin.page.getByRole('row', { name: new RegExp(meetingId.slice(0, 8)) });
    await row.getByText(zh['meeting-stage.open']!).waitFor();
    await row.getByRole('button', { name: '召集' }).click();
    await admin.page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await admin.page.getByText(`会议状态已更新：${zh['meeting-stage.drawn']}`).waitFor();
    await row.getByText(zh['meeting-stage.drawn']!).waitFor();
    await shot(admin.page, 'journey-6-convened');
    expect(admin.errors).toEqual([]);
    await admin.page.context().close();
    mark('convened');

    // 7) The drawn experts, each in a browser of their own (one at a time, to spare the machine): check in, then vote yes.
    const meeting = (await get('u-admin', `/api/meetings/${meetingId}`)).body as { seats: { expertId: string; status: string }[] };
    const seated = meeting.seats.filter((s) => s.status === 'seated').map((s) => s.expertId);
    expect(seated.length).toBe(5);
    /** The meeting room as `expert` sees it; closed after `act`. */
    async function inTheRoom(expert: string, act: (page: Page) => Promise<void>) {
      const e = await pageOf(browser, 'zh-CN');
      open.push(e.page);
      await signIn(e.page, site.url, expert, `/meetings/${meetingId}`);
      await act(e.page);
      expect(e.errors).toEqual([]);
      await e.page.context().close();
    }
    for (const [n, expert] of seated.entries()) {
      await inTheRoom(expert, async (page) => {
        await page.getByRole('region', { name: caseNumber, exact: true }).getByText('李明').waitFor();
        await page.getByRole('button', { name: zh['act.check-in'], exact: true }).click();
        await page.getByRole('region', { name: '法定人数与计票' }).getByText(`已签到 ${n + 1} 人 / 委员 5 人`).waitFor();
      });
      mark(`expert ${n + 1} checked in`);
    }
    for (const [n, expert] of seated.entries()) {
      await inTheRoom(expert, async (page) => {
        const theCase = page.getByRole('region', { name: caseNumber, exact: true });
        await theCase.getByRole('radio', { name: zh['choice.yes'], exact: true }).check();
        await theCase.getByRole('button', { name: zh['act.vote'] }).click();
        await theCase.getByText('已投票', { exact: true }).waitFor();
        if (n === 0) await shot(page, 'journey-7-voted');
      });
      mark(`expert ${n + 1} voted`);
    }

    // 8) Every member has voted: the administrator closes voting on 评审会议管理.
    const closing = await pageOf(browser, 'zh-CN');
    open.push(closing.page);
    await signIn(closing.page, site.url, 'u-admin', '/admin/meetings');
    const voting = closing.page.getByRole('row', { name: new RegExp(meetingId.slice(0, 8)) });
    await voting.getByText(zh['meeting-stage.voting']!).waitFor();
    await voting.getByRole('button', { name: '结束投票' }).click();
    await closing.page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await closing.page.getByText(`会议状态已更新：${zh['meeting-stage.closed']}`).waitFor();
    await shot(closing.page, 'journey-8-voting-closed');
    expect(closing.errors).toEqual([]);
    await closing.page.context().close();
    const tally = (await get('u-admin', `/api/meetings/${meetingId}`)).body as { agenda: { caseId: string; tally?: { yes: number; passed: boolean } }[] };
    expect(tally.agenda.find((c) => c.caseId === id)?.tally).toMatchObject({ yes: 5, passed: true });

    // 9) The tally passes; the result notice closes (five working days): the certificate.
    await stageReached(id, 'result-notice');
    await stageReached(id, 'certified', 40_000);
    const holder = await pageOf(browser, 'zh-CN');
    open.push(holder.page);
    await signIn(holder.page, site.url, 'u-li-ming', `/cases/${id}`);
    const certificateNumber = (await caseOf(id)).certificateNumber!;
    await holder.page.getByText(certificateNumber).first().waitFor();
    const download = holder.page.waitForEvent('download');
    await holder.page.getByRole('button', { name: '下载证书（PDF）' }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    const link = holder.page.getByRole('link', { name: '公开核验页面' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/verify\?/);
    await shot(holder.page, 'journey-9-certificate');
    expect(holder.errors).toEqual([]);
    await holder.page.context().close();

    // 10) Anyone, not signed in, opens the link: the certificate is valid.
    const visitor = await pageOf(browser, 'zh-CN');
    open.push(visitor.page);
    await visitor.page.goto(`${site.url}${href}`);
    await visitor.page.getByText('证书有效', { exact: true }).waitFor();
    await visitor.page.getByText(certificateNumber).first().waitFor();
    await shot(visitor.page, 'journey-10-verified');
    expect(visitor.errors).toEqual([]);
    await visitor.page.context().close();
  });
});
