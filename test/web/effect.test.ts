// 效果跟踪 in a browser: the administrator picks a programme and reads its grades by cycle (table
// and chart), its exits by cause and the CSV; then a talent's cycles, trend and titles. The
// figures are rows as the assessment writes them (the workflows' own grading is test/api/effect.test.ts's).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable } from '../support/browser';
import type { Harness } from '../support/harness';
import { startWebStack, stopWebStack, type WebStack } from '../support/web-stack';
import { pageOf, shot, signIn } from '../support/web-pages';

const PROGRAMME = 'effect-web';
/** Per member: its cycles' scores (points) and grades, and how its membership stands. */
const MEMBERS = [
  { id: 'u-web-a', status: 'completed', cycles: [[92, 'excellent'], [97, 'excellent']] },
  { id: 'u-web-b', status: 'active', cycles: [[80, 'pass'], [75, 'pass']] },
  { id: 'u-web-c', status: 'exited', cycles: [[50, 'fail']] },
] as const;

async function seed(h: Harness) {
  const at = h.clock();
  await h.db.programme.create({ data: { id: PROGRAMME, name: '效果跟踪计划', nameEn: 'Tracked programme', talentType: 'youth' } });
  await h.db.programmeStandard.create({ data: { id: `${PROGRAMME}-v1`, programmeId: PROGRAMME, version: 1, rules: { boundaries: { excellent: 90, pass: 70, basicPass: 60 }, excellentQuota: 0.5 } } });
  for (const m of MEMBERS) {
    const id = `m-${m.id}`;
    await h.db.user.create({ data: { id: m.id, name: `人才${m.id.slice(-1).toUpperCase()}`, email: `${m.id}@talent.test`, organisationId: 'org-zhangjiang-tech' } });
    await h.db.membership.create({ data: { id, workflowId: `assessment-${id}`, programmeId: PROGRAMME, talentId: m.id, employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'web', status: m.status, admittedAt: at, admittedBy: 'u-admin' } });
    for (const [i, [score, grade]] of m.cycles.entries()) {
      await h.db.cycleResult.create({ data: { membershipId: id, cycleIndex: i + 1, programmeId: PROGRAMME, intake: 'web', score: score * 100, baseGrade: grade, grade, quota: 0.5, detail: {}, submittedAt: at, gradedAt: at } });
    }
  }
  await h.db.exitReview.create({ data: { id: 'm-u-web-c-1', workflowId: 'exit-m-u-web-c-1', membershipId: 'm-u-web-c', talentId: 'u-web-c', n: 1, trigger: 'grade-fail', status: 'exited', stage: 'exited', startedAt: at } });
  await h.db.certificate.create({ data: { id: 'cert-web-a', number: 'ZC-WEB-0001', verificationCode: 'x', applicationId: 'app-web-a', holderId: 'u-web-a', holderName: '人才A', series: 'engineering', level: 'intermediate', issuedAt: at } });
}

/** The cells of the table row that names `first`. */
const rowCells = async (page: Page, first: string) => (await page.getByRole('row', { name: new RegExp(`^${first}(\\s|$)`) }).getByRole('cell').allInnerTexts()).map((s) => s.trim());

describe.skipIf(!chromiumAvailable)('effect tracking in a browser', () => {
  let stack: WebStack;
  beforeAll(async () => {
    stack = await startWebStack();
    await seed(stack.h);
  });
  afterAll(() => stopWebStack(stack ?? {}));

  it('shows a programme’s grades by cycle and exits by cause, and a talent’s cycles, trend and titles', async () => {
    const { page, errors } = await pageOf(stack.browser);
    await signIn(page, stack.site.url, 'u-admin', '/admin/effect');
    await page.getByRole('combobox', { name: '人才计划' }).click();
    await page.getByTitle('效果跟踪计划').click();
    await page.getByRole('columnheader', { name: '优秀占比' }).waitFor();
    // Cycle, 优秀, 合格, 基本合格, 不合格, graded, 优秀 share, mean score.
    expect(await rowCells(page, '第1周期')).toEqual(['第1周期', '1', '1', '0', '1', '3', '33.3%', '74']);
    expect(await rowCells(page, '第2周期')).toEqual(['第2周期', '1', '1', '0', '0', '2', '50%', '86']);
    await expect.poll(() => page.getByText('优秀比例上限：50%').count()).toBe(1);
    expect(await rowCells(page, '考核不合格')).toEqual(['考核不合格', '1']);
    await expect.poll(() => page.getByRole('img', { name: /^等级分布（人数）：第1周期：优秀 1，合格 1，基本合格 0，不合格 1/ }).count(), { timeout: 15_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`effect-${PROGRAMME}.csv`);
    await expectAccessible(page, 'the programme’s effect');
    await shot(page, 'effect-programme-zh-CN');

    await page.getByLabel('人才账号').fill('u-web-a');
    await page.getByRole('button', { name: '查看人才' }).click();
    await page.getByRole('heading', { name: '人才效果跟踪：人才A' }).waitFor();
    expect(await rowCells(page, '第1周期')).toEqual(['第1周期', '92', '优秀']);
    expect(await rowCells(page, '第2周期')).toEqual(['第2周期', '97', '优秀']);
    expect(await page.getByText('长期：平均分 94.5，趋势 上升').count()).toBe(1);
    expect(await page.getByText('工程技术 中级 ZC-WEB-0001').count()).toBe(1);
    await expectAccessible(page, 'a talent’s effect');
    await shot(page, 'effect-talent-zh-CN');
    // In English: the page's words and the catalogue's grades and trend.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Effect tracking: 人才A' }).waitFor();
    expect(await rowCells(page, 'Cycle 2')).toEqual(['Cycle 2', '97', 'excellent']);
    await expect.poll(() => page.getByText('Long term: mean 94.5, trend improving').count()).toBe(1);
    await shot(page, 'effect-talent-en');
    expect(errors).toEqual([]);
  });
});
