// The administrator's console, part 2, in a real browser against the real stack: the working-day
// calendar (a make-up working day entered with a reason, previewed and then on the month grid;
// the warning for years without data), committee meetings (a scheduled meeting convened from the
// list, then rescheduled with a reason once its members cannot attend), policy versions (a
// version below the floors refused with its fields, the next version published, the case that
// pinned the old version listed with its 受理编号 and stage), and the programmes and standards.
// Each page in zh-CN and English, and through axe once its data shows.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import request from 'supertest';
import { bearer, meetingFor, poll, submitAs } from '../api/fixtures';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { pageOf, shot, signIn } from '../support/web-pages';

const zh = catalogue('zh-CN') as Record<string, string>;
const en = catalogue('en') as Record<string, string>;
/** A failed request the page words itself (the refused policy): Chromium logs its status too. */
const refusedRequest = /Failed to load resource: the server responded with a status of 400/;

describe.skipIf(!chromiumAvailable)('the administrator’s configuration pages in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let theCase: { id: string; caseNumber: string; stage: string };
  let meetingId: string;

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({ devMode: true, webDist: WEB_DIST });
    site = await listen(h.app);
    browser = await launchChromium();
    // A case of u-li-ming's (it pins appraisal policy version 1) and a scheduled meeting for it.
    const app = await submitAs(h, 'u-li-ming');
    const row = await poll('the 受理编号 and the pinned version', async () => {
      const r = await h.db.application.findUniqueOrThrow({ where: { id: app.id } });
      return r.caseNumber && r.policyVersion === 1 ? r : undefined;
    });
    theCase = { id: row.id, caseNumber: row.caseNumber!, stage: row.stage };
    ({ meetingId } = await meetingFor(h, app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await h?.stop();
  });

  async function english(page: Page) {
    await page.getByText('English', { exact: true }).click();
  }

  it('enters a make-up working day with a reason, sees it on the calendar, and is warned of a year without data', async () => {
    const year = h.clock().getUTCFullYear();
    const [next, after] = [year + 1, year + 2];
    // A Saturday in next February, a year that has no published data yet.
    const saturday = [...Array(28).keys()].map((d) => `${next}-02-${String(d + 1).padStart(2, '0')}`).find((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 6)!;
    const warning = (y: number) => zh['calendar.unpublished-year']!.replace('{year}', String(y));

    const { page, errors } = await pageOf(browser);
    await signIn(page, site.url, 'u-admin', '/admin/calendar');
    await page.getByRole('alert').filter({ hasText: warning(next) }).first().waitFor();
    await page.getByRole('alert').filter({ hasText: warning(after) }).first().waitFor();
    await page.getByRole('cell', { name: '元旦' }).first().waitFor(); // this year's published days, listed
    await shot(page, 'admin-config-calendar-zh-CN');
    await expectAccessible(page, 'the calendar');

    // The form: the day, 调休上班, the reason; the preview says which deadlines it would move.
    const form = page.getByRole('region', { name: '录入或更正一天' });
    await form.getByLabel('日期').fill(saturday);
    await form.getByLabel(zh['calendar-kind.workday']!).check();
    await form.getByLabel('名称（可选，如 春节）').fill('春节调休');
    await page.getByRole('button', { name: '预览影响' }).click();
    await page.getByText('此修改不会移动任何进行中的期限').waitFor();
    // The reason is required before saving.
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('请填写原因').waitFor();
    await form.getByLabel('原因').fill('国务院办公厅关于节假日安排的通知：春节调休上班');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/^已保存 /).waitFor();

    // On the month grid and in the list, as the administrator's entry; next year is no longer without data.
    await page.getByTitle(saturday).getByText(zh['calendar-kind.workday']!).waitFor();
    const listed = page.getByRole('region', { name: '本年度的节假日与调休上班日' });
    await listed.getByRole('row', { name: /春节调休/ }).getByText('管理员录入').waitFor();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: warning(next) }).count()).toBe(0);
    await page.getByRole('alert').filter({ hasText: warning(after) }).first().waitFor();
    const stored = await h.db.calendarDay.findUniqueOrThrow({ where: { date: saturday } });
    expect(stored).toMatchObject({ kind: 'workday', name: '春节调休' });
    await shot(page, 'admin-config-calendar-entered-zh-CN');

    // The year without data, chosen: the warning stands above its (empty) grid.
    await page.getByRole('button', { name: new RegExp(`^${after}`) }).click();
    await page.getByText('本年度没有节假日或调休记录').waitFor();

    await english(page);
    await page.getByRole('alert').filter({ hasText: en['calendar.unpublished-year']!.replace('{year}', String(after)) }).first().waitFor();
    await page.getByRole('button', { name: new RegExp(`^${next}`) }).click();
    await page.getByRole('region', { name: "The year's holidays and make-up working days" }).getByRole('row', { name: /春节调休/ }).getByText("Administrator's entry").waitFor();
    await shot(page, 'admin-config-calendar-en');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('convenes a scheduled meeting from the meetings page, sees the committee drawn, and reschedules it with a reason once it needs action', async () => {
    const { page, errors } = await pageOf(browser);
    await signIn(page, site.url, 'u-admin', '/admin/meetings');
    const row = page.getByRole('row', { name: new RegExp(meetingId.slice(0, 8)) });
    await row.getByText(zh['meeting-stage.open']!).waitFor();
    await row.getByText(zh['meeting-kind.scheduled']!).waitFor();
    await shot(page, 'admin-config-meetings-zh-CN');
    await expectAccessible(page, 'the meetings');

    await row.getByRole('button', { name: '召集' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('召集后议程关闭，并随机抽选评审委员。').waitFor();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText(`会议状态已更新：${zh['meeting-stage.drawn']}`).waitFor();
    await row.getByText(zh['meeting-stage.drawn']!).waitFor();
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('drawn');

    // The seats drawn, under the meeting's row.
    await row.getByRole('button', { name: '展开详情' }).click();
    await expect.poll(() => page.getByRole('cell', { name: zh['seat-status.seated'], exact: true }).count(), { timeout: 20_000 }).toBe(5);
    // Filtered by status: the drawn meetings (the filter's button comes before the table).
    await page.getByText(zh['meeting-stage.drawn']!, { exact: true }).first().click();
    await expect.poll(() => page.getByRole('radio', { name: zh['meeting-stage.drawn'] }).isChecked()).toBe(true);
    await row.waitFor();
    await shot(page, 'admin-config-meetings-drawn-zh-CN');

    await english(page);
    await row.getByText(en['meeting-stage.drawn']!).waitFor();
    await shot(page, 'admin-config-meetings-en');

    // Members who cannot attend declare it until the pool has nobody left to draw: the meeting
    // needs the administrator, who reschedules it with a reason.
    for (;;) {
      const m = await request(h.app).get(`/api/meetings/${meetingId}`).set('Authorization', await bearer(h, 'u-admin'));
      if (m.body.status === 'escalated') break;
      const seat = (m.body.seats as { expertId: string; status: string }[]).find((x) => x.status === 'seated')!;
      const r = await request(h.app).post(`/api/meetings/${meetingId}/recusal`).set('Authorization', await bearer(h, seat.expertId)).send({ reason: '出差，无法出席' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await page.getByText('All', { exact: true }).first().click();
    await row.getByText(en['meeting-stage.escalated']!).waitFor({ timeout: 20_000 });
    await page.getByText('中文', { exact: true }).click();
    await row.getByRole('button', { name: '改期' }).click();
    const dialog2 = page.getByRole('dialog');
    await dialog2.getByRole('button', { name: '确定' }).click();
    await dialog2.getByText('请填写原因').waitFor();
    await dialog2.getByLabel('原因').fill('专家库人数不足，另行安排会期');
    await dialog2.getByRole('button', { name: '确定' }).click();
    // A new sitting with a committee still short stays escalated (DOMAIN: it waits for a redraw),
    // but the escalation task is closed as rescheduled.
    await page.getByText(`会议状态已更新：${zh['meeting-stage.escalated']}`).waitFor();
    await dialog2.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await h.db.task.findFirst({ where: { caseId: meetingId, kind: 'committee-escalation' } }))?.outcome, { timeout: 20_000 })
      .toBe('rescheduled');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('publishes programme grading and reads the standards', async () => {
    const { page, errors } = await pageOf(browser);
    await signIn(page, site.url, 'u-admin', '/admin/programmes');
    await page.getByRole('cell', { name: '领军人才', exact: true }).waitFor();
    await page.getByRole('cell', { name: zh['series.engineering'], exact: true }).first().waitFor();
    await shot(page, 'admin-config-programmes-zh-CN');
    await expectAccessible(page, 'the programmes');

    const grading = page.getByRole('region', { name: '发布新的考核规则版本' });
    // Out of order: refused on the page before it reaches the API.
    await grading.getByLabel('合格分数线', { exact: true }).fill('95');
    await grading.getByRole('button', { name: '发布新的考核规则版本' }).click();
    await grading.getByText('须满足：优秀 > 合格 > 基本合格').first().waitFor();
    await grading.getByLabel('合格分数线', { exact: true }).fill('80');
    await grading.getByRole('button', { name: '发布新的考核规则版本' }).click();
    await grading.getByText(/^已发布第 \d+ 版$/).waitFor();

    await english(page);
    await page.getByRole('cell', { name: 'Leading talents', exact: true }).waitFor();
    await shot(page, 'admin-config-programmes-en');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('publishes a new policy version and lists the case that pinned the old one', async () => {
    const { page, errors } = await pageOf(browser);
    await signIn(page, site.url, 'u-admin', '/admin/policies');
    await page.getByRole('tab', { name: new RegExp(zh['policy.appraisal']!) }).waitFor();
    const values = page.getByLabel('政策取值（JSON）');
    await expect.poll(() => values.inputValue()).toContain('employerNoticeDays');
    await shot(page, 'admin-config-policies-zh-CN');
    await expectAccessible(page, 'the policies');

    // Below DOMAIN's floor: the API's words, with the field at fault.
    const v1 = JSON.parse(await values.inputValue()) as { deadlines: Record<string, number> };
    await values.fill(JSON.stringify({ ...v1, deadlines: { ...v1.deadlines, employerNoticeDays: 3 } }, null, 2));
    await page.getByRole('button', { name: '发布新版本' }).click();
    await page.getByRole('alert').filter({ hasText: 'body.values.deadlines.employerNoticeDays' }).waitFor();

    // The next version: published, in force; the case that started before keeps version 1.
    await values.fill(JSON.stringify({ ...v1, deadlines: { ...v1.deadlines, employerNoticeDays: 7 } }, null, 2));
    await page.getByRole('button', { name: '发布新版本' }).click();
    await page.getByText('已发布第 2 版').waitFor();
    await page.getByRole('tab', { name: new RegExp(`${zh['policy.appraisal']} · 现行版本 2`) }).waitFor();
    await page.getByRole('button', { name: '引用第 1 版的案件' }).click();
    const pins = page.getByRole('region', { name: '引用该版本的案件' });
    await pins.getByText('引用第 1 版的案件').waitFor();
    const pinned = pins.getByRole('row', { name: new RegExp(theCase.caseNumber) });
    await pinned.getByText(zh[`stage.${theCase.stage}`]!).waitFor();
    await pinned.getByText('职称申报').waitFor();
    await shot(page, 'admin-config-policies-pins-zh-CN');
    await page.getByRole('button', { name: '引用第 2 版的案件' }).click();
    await pins.getByText('没有案件引用此版本').waitFor();

    await english(page);
    await page.getByRole('button', { name: 'Cases pinning version 1' }).click();
    await pins.or(page.getByRole('region', { name: 'Cases pinning this version' })).getByRole('row', { name: new RegExp(theCase.caseNumber) }).getByText(en[`stage.${theCase.stage}`]!).waitFor();
    await shot(page, 'admin-config-policies-en');
    expect(errors.filter((e) => !refusedRequest.test(e))).toEqual([]);
    await page.context().close();
  });
});
