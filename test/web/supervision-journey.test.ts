// 日常监管 through the pages, on a development calendar whose working day lasts 1.5 seconds
// (TL_DEV_WORKING_DAY_SECONDS), so the defence and appeal windows close while the test watches:
// u-li-ming is admitted to 领军人才 through the API → the employer reports on 日常监管 that he
// left the district, and files its opinion on the exit review the report opened → the talent,
// on 我的人才计划, sees the report, what it did and the exit review, and files his defence → the
// exit committee's drawn experts check in and vote "exit" in the meeting room, each in a browser
// of their own → nobody appeals: the exit is final when the window closes → the administrator
// sees the membership's entitlements ended on the exit date, and the month's payables.
// Screenshots in zh-CN and axe on each new page.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { catalogue } from '../../domain/words/say';
import { bearer, poll } from '../api/fixtures';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable } from '../support/browser';
import { startWebStack, stopWebStack, type WebStack } from '../support/web-stack';
import { pageOf, shot, signIn } from '../support/web-pages';

const zh = catalogue('zh-CN') as Record<string, string>;
/** 1.5 s a working day: the 10-day defence window closes in 15 s, the 15-day appeal window in 22.5 s. */
const WORKING_DAY_MS = 1_500;

describe.skipIf(!chromiumAvailable)('a supervision report through the pages: left the district → exit committee → exit → entitlements ended', () => {
  let stack: WebStack;
  let started = 0;
  const mark = (what: string) => console.log(`[supervision journey] ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s`);

  beforeAll(async () => {
    stack = await startWebStack({ calendarMode: { acceleratedWorkingDayMs: WORKING_DAY_MS } });
  }, 120_000);
  afterAll(() => stopWebStack(stack));

  const as = async (userId: string, method: 'get' | 'post', url: string, body?: unknown) => {
    const call = request(stack.h.app)[method](url).set('Authorization', await bearer(stack.h, userId)).set('Idempotency-Key', randomUUID());
    return method === 'get' ? call : call.send(body as object);
  };

  it('reports, hears, votes the exit and ends the entitlements', { timeout: 200_000 }, async () => {
    const { browser, site } = stack;
    const open: Page[] = [];
    onTestFailed(async () => {
      for (const [i, p] of open.entries()) if (!p.isClosed()) await shot(p, `supervision-journey-failed-${i}`).catch(() => undefined);
    });
    started = performance.now();

    // Setup through the API: the talent admitted to 领军人才 at his employer (in the district).
    const admitted = await as('u-admin', 'post', '/api/programmes/leading-talent/members', { talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'senior' });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    const membershipId = admitted.body.id as string;
    mark('admitted');

    // 1) The talent opens 我的人才计划 and his membership; the page stays open and follows the case.
    const talent = await pageOf(browser, 'zh-CN');
    open.push(talent.page);
    const t = talent.page;
    await signIn(t, site.url, 'u-li-ming', '/memberships');
    await t.getByRole('link', { name: '领军人才' }).waitFor();
    await expectAccessible(t, '我的人才计划');
    await shot(t, 'supervision-1-memberships-zh-CN');
    await t.getByRole('link', { name: '领军人才' }).click();
    await t.waitForURL(`**/memberships/${membershipId}`);
    await t.getByText('暂无关于您的监管报告').waitFor();
    mark('the talent on his membership');

    // 2) The employer reports on 日常监管 that he left the district.
    const employer = await pageOf(browser, 'zh-CN');
    open.push(employer.page);
    const e = employer.page;
    await signIn(e, site.url, 'u-hr-zhangjiang', '/supervision');
    await e.getByRole('button', { name: '提交报告' }).waitFor();
    // Before any drop-down opens (a closed one stays in the page); axe turns animations off, so
    // the page is loaded again for the drop-downs to open.
    await expectAccessible(e, '日常监管');
    await e.reload();
    const who = e.getByLabel('人才（在册人才计划）');
    await who.click();
    await e.getByTitle('李明 · 领军人才').click();
    // 离开单位 is the employer's first kind, 离开本区 the first destination.
    await e.getByLabel('发生日期').fill(shanghaiDate(stack.h.clock().toISOString()));
    await e.getByLabel('情况说明').fill('李明已于本月离职，入职浦东新区的单位。');
    await e.getByRole('button', { name: '提交报告' }).click();
    await e.getByText('报告已记录').waitFor();
    const reports = e.getByRole('table');
    await reports.getByRole('row', { name: /李明/ }).getByText('启动退出评议').waitFor({ timeout: 20_000 });
    await shot(e, 'supervision-2-reported-zh-CN');
    mark('reported');
    const [report] = (await as('u-hr-zhangjiang', 'get', `/api/supervision-reports?membershipId=${membershipId}`)).body as { effects: { result: { effect: string; exitWorkflowId?: string } }[] }[];
    const reviewId = report!.effects[0]!.result.exitWorkflowId!.replace(/^exit-/, '');

    // 3) The employer files its opinion on the exit review (the inbox's task opens this page).
    await e.goto(`${site.url}/exit-reviews/${reviewId}`);
    await e.getByText(zh['trigger.left-district']!).first().waitFor();
    await e.getByLabel('书面意见').fill('同意退出：人才已离开本区。');
    await expectAccessible(e, '考评退出评议');
    await e.getByRole('button', { name: '提交意见' }).click();
    await e.getByText('同意退出：人才已离开本区。').waitFor();
    await shot(e, 'supervision-3-opinion-zh-CN');
    expect(employer.errors).toEqual([]);
    await e.context().close();
    mark('employer opinion');

    // 4) The talent sees the report, what it did and the exit review, and files his defence.
    await t.getByText(zh['report-kind.left-employer']!).waitFor({ timeout: 10_000 });
    await t.getByText('启动退出评议').first().waitFor();
    const defence = t.getByLabel('陈述申辩意见');
    await defence.waitFor({ timeout: 10_000 });
    await defence.fill('本人离开本区系家庭原因，请委员会酌情考虑。');
    await t.getByRole('button', { name: '提交陈述申辩' }).click();
    await t.getByText('本人离开本区系家庭原因，请委员会酌情考虑。').waitFor();
    await expectAccessible(t, '人才计划');
    await shot(t, 'supervision-4-defence-zh-CN');
    mark('defence filed');
    // The industry body's opinion, through the API: the hearing is then complete.
    await as('u-industry', 'post', `/api/exit-reviews/${reviewId}/opinion`, { as: 'industry', opinion: '无意见。' });

    // 5) The exit committee: each drawn expert checks in, in a browser of their own, then votes "exit".
    const meetingId = await poll(
      'the exit meeting',
      async () => {
        const list = (await as('u-admin', 'get', '/api/meetings')).body.items as { id: string; kind: string }[];
        for (const m of list.filter((x) => x.kind === 'exit')) {
          const d = (await as('u-admin', 'get', `/api/meetings/${m.id}`)).body as { agenda?: { caseId: string }[]; seats?: unknown[] };
          if (d.agenda?.some((c) => c.caseId === reviewId) && d.seats?.length) return m.id;
        }
        return undefined;
      },
      40_000,
    );
    const seats = ((await as('u-admin', 'get', `/api/meetings/${meetingId}`)).body.seats as { expertId: string; status: string }[]).filter((s) => s.status === 'seated').map((s) => s.expertId);
    mark(`the exit meeting drawn (${seats.length})`);
    // Each in a browser of their own (one after another, to spare the machine), kept open to vote.
    const rooms: { page: Page; errors: string[] }[] = [];
    for (const [n, expert] of seats.entries()) {
      const x = await pageOf(browser, 'zh-CN');
      open.push(x.page);
      rooms.push(x);
      await signIn(x.page, site.url, expert, `/meetings/${meetingId}`);
      const theCase = x.page.getByRole('region', { name: '李明', exact: true });
      await theCase.getByText('本人离开本区系家庭原因，请委员会酌情考虑。').waitFor();
      await theCase.getByText('同意退出：人才已离开本区。').waitFor();
      if (n === 0) {
        await expectAccessible(x.page, '会议室：考评退出');
        await shot(x.page, 'supervision-5-exit-dossier-zh-CN');
      }
      await x.page.getByRole('button', { name: zh['act.check-in'], exact: true }).click();
      await x.page.getByRole('region', { name: '法定人数与计票' }).getByText(`已签到 ${n + 1} 人`, { exact: false }).waitFor({ timeout: 60_000 });
    }
    mark('checked in');
    for (const { page: room, errors } of rooms) {
      const theCase = room.getByRole('region', { name: '李明', exact: true });
      const voted = theCase.getByText('已投票', { exact: true });
      // The page reads the meeting again every 3 s; a choice made as it re-renders can be lost (the
      // ballot is then refused as empty and nothing is cast): choose and vote again until counted.
      for (let attempt = 1; ; attempt++) {
        await theCase.getByRole('radio', { name: zh['choice.yes'], exact: true }).check();
        await theCase.getByRole('button', { name: zh['act.vote'] }).click();
        const counted = await voted.waitFor({ timeout: 15_000 }).then(() => true, () => false);
        if (counted) break;
        if (attempt === 3) throw new Error('the ballot was not counted');
      }
      expect(errors).toEqual([]);
      await room.context().close();
    }
    mark('voted');
    if ((await as('u-admin', 'get', `/api/meetings/${meetingId}`)).body.status === 'voting') await as('u-admin', 'post', `/api/meetings/${meetingId}/close-voting`, {});

    // 6) Nobody appeals: the exit is final when the appeal window closes; the talent's page says so.
    await t.getByText('退出决定已生效，人才计划资格终止').waitFor({ timeout: 45_000 });
    await shot(t, 'supervision-6-exited-zh-CN');
    expect(talent.errors).toEqual([]);
    await t.context().close();
    mark('exited');
    const review = (await as('u-admin', 'get', `/api/exit-reviews/${reviewId}`)).body as { stage: string };
    expect(review.stage).toBe('exited');
    const membership = (await as('u-admin', 'get', `/api/memberships/${membershipId}`)).body as { status: string; endedAt: string };
    expect(membership.status).toBe('exited');
    const exitDay = shanghaiDate(membership.endedAt);

    // 7) The administrator: the entitlements ended on the exit date; the month's payables.
    const admin = await pageOf(browser, 'zh-CN');
    open.push(admin.page);
    const a = admin.page;
    await signIn(a, site.url, 'u-admin', `/admin/cases/${membershipId}`);
    const entitlements = a.getByRole('region', { name: '人才计划待遇' });
    const shown = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${exitDay}T12:00:00Z`));
    // Ended on the exit date, for the exit (its reason beside the date).
    await entitlements.getByRole('row', { name: new RegExp(zh['entitlement-kind.allowance']!) }).getByRole('cell', { name: new RegExp(`^${shown}（`) }).waitFor();
    const rows = (await as('u-admin', 'get', `/api/memberships/${membershipId}/entitlements`)).body.items as { status: string; endedOn: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ status: 'ended', endedOn: exitDay });
    await expectAccessible(a, '案件详情：待遇');
    await shot(a, 'supervision-7-entitlements-zh-CN');
    await a.goto(`${site.url}/admin/payables`);
    await a.getByLabel('月份').fill(exitDay.slice(0, 7));
    await a.getByText('合计', { exact: true }).waitFor();
    await expectAccessible(a, '待遇发放');
    await shot(a, 'supervision-8-payables-zh-CN');
    expect(admin.errors).toEqual([]);
    await a.context().close();
    mark('done');
  });
});
