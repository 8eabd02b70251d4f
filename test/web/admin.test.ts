// The administrator console in a real browser against the real stack (API, worker, a
// time-skipping Temporal server, the built web/dist). The journey: an administrator finds an
// overdue case and reassigns it — the dashboard counts the overdue task, the task search filtered
// by overdue finds it, the case's detail reassigns it with a reason (an empty one is refused by
// the form and by the API), the audit trail shows it and the new reviewer has it in their inbox.
// Also: the case search exports a CSV with the case's 受理编号; the chart library loads only with
// the dashboard. Elements are found as a person finds them: by role, label and visible text.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../domain/words/say';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { bearer, poll, sleepPastDeadline, submitAs } from '../api/fixtures';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { pageOf, shot, signIn } from '../support/web-pages';

const zh = catalogue('zh-CN') as Record<string, string>;
const en = catalogue('en') as Record<string, string>;
const NEW_REVIEWER = 'u-talent-centre';

describe.skipIf(!chromiumAvailable)('the administrator console in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  let theCase: { id: string; caseNumber: string; workflowId: string };

  const api = async (method: 'get' | 'post', url: string, body?: object, userId = 'u-admin') => {
    const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
    return method === 'post' ? r.send(body ?? {}) : r;
  };

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({ timeSkipping: true, devMode: true, webDist: WEB_DIST });
    site = await listen(h.app);
    browser = await launchChromium();
    // A case whose employer review runs past its deadline: the clock skips past its last day.
    const submitted = await submitAs(h, 'u-li-ming');
    theCase = { id: submitted.id, caseNumber: submitted.caseNumber!, workflowId: submitted.workflowId };
    await sleepPastDeadline(h, 'u-li-ming', submitted.id, 'employer-review');
    await h.syncClock();
    // The API's overdue flag is the truth the pages show.
    await poll('the overdue employer review', async () => {
      const res = await api('get', `/api/admin/tasks?overdue=true&case=${submitted.id}`);
      return res.body.items.some((t: { kind: string; overdue: boolean }) => t.kind === 'employer-review' && t.overdue);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await h?.stop();
  });

  /** The scripts a page fetched, by file name (to see which chunks a page loads). */
  const scriptsOf = (page: Page) => {
    const names: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && names.push(new URL(r.url()).pathname));
    return names;
  };

  it('finds the overdue case from the dashboard, reassigns its task with a reason, and the audit trail and the new reviewer see it', async () => {
    const { page, errors } = await pageOf(browser, 'zh-CN');
    const scripts = scriptsOf(page);
    await signIn(page, site.url, 'u-admin');
    // The menu leads to the console; the chart library is not in the first page's bundle.
    expect(scripts.some((s) => /Charts-/.test(s))).toBe(false);
    await page.getByRole('menuitem', { name: '管理控制台' }).click();
    await page.waitForURL('**/admin');

    // The dashboard: the overdue count as the API reports it, the plan's indicators, the charts.
    const stats = (await api('get', '/api/admin/statistics')).body;
    expect(stats.tasks.overdue).toBeGreaterThanOrEqual(1);
    const overdue = page.getByRole('region', { name: '逾期待办' });
    await expect.poll(() => overdue.textContent()).toContain(String(stats.tasks.overdue));
    await page.getByRole('region', { name: stats.indicators[0].label['zh-CN'] }).waitFor();
    await page.getByRole('img', { name: new RegExp(`^办理中的申报（按阶段）：.*${zh['stage.employer-review']} 1`) }).waitFor();
    expect(scripts.some((s) => /Charts-/.test(s))).toBe(true);
    await expectAccessible(page, 'the dashboard');
    await shot(page, 'admin-dashboard-zh-CN');

    // The task search, filtered by overdue: the case's employer review.
    await overdue.getByRole('link', { name: '查看逾期待办' }).click();
    await page.waitForURL('**/admin/tasks?overdue=true');
    const task = page.getByRole('row', { name: new RegExp(theCase.caseNumber) }).filter({ hasText: zh['step.employer-review']! });
    await task.getByText('逾期', { exact: true }).waitFor();
    await expectAccessible(page, 'the task search');
    await shot(page, 'admin-tasks-zh-CN');
    await task.getByRole('link', { name: theCase.caseNumber }).click();
    await page.waitForURL(`**/admin/cases/${theCase.id}`);

    // The case: its tasks, the interventions, the audit trail.
    await page.getByRole('heading', { name: `受理编号 ${theCase.caseNumber}` }).waitFor();
    const tasks = page.getByRole('region', { name: '待办事项' });
    const review = tasks.getByRole('row', { name: new RegExp(zh['step.employer-review']!) }).filter({ hasText: '逾期' }).first();
    await review.waitFor();
    const audit = page.getByRole('region', { name: '审计记录' });
    await audit.getByText('submit', { exact: true }).waitFor();
    await expectAccessible(page, 'the case detail');
    await shot(page, 'admin-case-zh-CN');

    // Reassign: an empty reason is refused by the form (nothing is sent) …
    await review.getByRole('button', { name: `转办: ${zh['step.employer-review']}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp('转办待办事项') });
    // Found by a part of the name; Enter takes the first person offered.
    const assignee = dialog.getByLabel('转办给');
    await assignee.fill('人才服务');
    await page.getByText(`人才服务中心窗口 (${NEW_REVIEWER})`, { exact: true }).waitFor({ state: 'attached' });
    await assignee.press('Enter');
    await dialog.getByTitle(`人才服务中心窗口 (${NEW_REVIEWER})`).waitFor();
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.getByText('请填写理由').waitFor();
    expect((await api('get', `/api/admin/cases/${theCase.id}/audit`)).body.items.map((e: { action: string }) => e.action)).not.toContain('reassign');
    // … and by the API, when sent anyway.
    const taskKey = (await api('get', `/api/admin/tasks?case=${theCase.id}&kind=employer-review`)).body.items[0].taskKey;
    const empty = await api('post', `/api/admin/cases/${theCase.id}/reassignment`, { taskKey, assigneeId: NEW_REVIEWER, reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: 'body.reason' })]);

    const reason = '原审核人长期休假，转人才服务中心办理';
    await dialog.getByLabel('理由').fill(reason);
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // (The page also says 已完成 in a message that fades after 3 s: too brief to assert on a loaded machine.)
    // The audit trail shows the reassignment with its reason; the task names its new assignee.
    const reassigned = audit.getByRole('row', { name: /reassign/ });
    await reassigned.getByText(new RegExp(reason)).waitFor();
    expect(await reassigned.textContent()).toContain('u-admin');
    await tasks.getByRole('row', { name: new RegExp(NEW_REVIEWER) }).first().waitFor();
    const inbox = await api('get', '/api/inbox', undefined, NEW_REVIEWER);
    expect(inbox.body.items.map((t: { caseId: string }) => t.caseId)).toContain(theCase.id);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('searches cases by 受理编号 and exports them as a CSV a spreadsheet opens (UTF-8 BOM, Chinese headers)', async () => {
    const { page, errors } = await pageOf(browser, 'zh-CN');
    await signIn(page, site.url, 'u-admin', '/admin/cases');
    await page.getByLabel('关键词').fill(theCase.caseNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/text=/);
    const row = page.getByRole('row', { name: new RegExp(theCase.caseNumber) });
    await row.getByText(zh['stage.employer-review']!, { exact: true }).waitFor();
    expect(await row.getByRole('link', { name: /在 Temporal 中查看/ }).getAttribute('href')).toContain(encodeURIComponent(theCase.workflowId));
    await expectAccessible(page, 'the case search');
    await shot(page, 'admin-cases-zh-CN');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('cases-appraisal.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['受理编号', '当前阶段', '逾期待办数']));
    expect(lines.some((l) => l.includes(theCase.caseNumber))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('reads the dashboard, the case search and the case in English', async () => {
    const { page, errors } = await pageOf(browser, 'en');
    await signIn(page, site.url, 'u-admin', '/admin');
    await page.getByRole('region', { name: 'Overdue tasks' }).waitFor();
    await page.getByRole('img', { name: /^Applications in progress by stage/ }).waitFor();
    await shot(page, 'admin-dashboard-en');

    await page.goto(`${site.url}/admin/cases?text=${encodeURIComponent(theCase.caseNumber)}`);
    await page.getByRole('row', { name: new RegExp(theCase.caseNumber) }).getByText(en['stage.employer-review']!, { exact: true }).waitFor();
    await shot(page, 'admin-cases-en');

    await page.goto(`${site.url}/admin/cases/${theCase.id}`);
    await page.getByRole('heading', { name: `Case number ${theCase.caseNumber}` }).waitFor();
    await page.getByRole('region', { name: 'Audit trail' }).getByText('submit', { exact: true }).waitFor();
    await expectAccessible(page, 'the case detail in English');
    await shot(page, 'admin-case-en');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
