// A 3-year term with annual cycles for a cohort of ten (DOMAIN §3): three years of simulated time
// in seconds, grades from weighted inputs, the 优秀 quota applied fairly across the cohort, and the
// long-term view at the term's end.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { status, submitSelfReport } from '../../workflows/assessment/messages';
import type { periodicAssessment } from '../../workflows/assessment/periodic-assessment';
import type { Evaluator } from '../../domain/assessment/policy';
import type { Grade } from '../../domain/assessment/types';
import { saveHistory } from '../support/histories';
import { cycleStarted, evaluateAll, selfReportOf, uniform, waitForStatus } from './support/drive';
import { startAssessmentEnv, type AssessmentEnv } from './support/env';

let t: AssessmentEnv;
beforeAll(async () => {
  t = await startAssessmentEnv();
});
afterAll(async () => {
  await t?.stop();
});

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Scores per member and cycle; member 0's first cycle is scored unevenly (see weighted below). */
const SCORES = [
  [94.8, 96, 97],
  [93, 94, 95],
  [93, 80, 85],
  [91, 92, 80],
  [88, 90, 92],
  [85, 85, 85],
  [80, 84, 88],
  [75, 74, 73],
  [72, 73, 74],
  [65, 78, 82],
];
/** 94.8: criteria 0.5/0.3/0.2 and evaluators 0.3/0.2/0.5 (see scoring.test.ts). */
const weighted: Record<Evaluator, Record<string, number>> = {
  employer: { achievements: 100, contribution: 90, ethics: 80 },
  industry: uniform(90),
  expert: { achievements: 98, contribution: 96, ethics: 100 },
};

/** With 2 slots (20% of 10): cycle 1 has 95 then a tie at 93 that does not fit: one 优秀 only. */
const EXPECTED: Grade[][] = [
  ['excellent', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'basic-pass'],
  ['excellent', 'excellent', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
  ['excellent', 'excellent', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass'],
];

describe('a 3-cycle term for a cohort of ten', () => {
  it('runs three years in seconds: weighted scores, the quota across the cohort, the long-term result', async () => {
    const wallStart = performance.now();
    const simStart = await t.now();
    const intake = `term-${randomUUID().slice(0, 8)}`;
    const ids = await t.talents(10);
    const members: WorkflowHandle<typeof periodicAssessment>[] = [];
    for (const id of ids) members.push(await t.admit({ talentId: id, intake }));
    // One of the tied members reads English.
    await t.db.user.update({ where: { id: ids[2]! }, data: { locale: 'en' } });
    const firstRun = (await members[0]!.describe()).runId;

    for (const cycle of [1, 2, 3]) {
      const running = await Promise.all(members.map((h) => cycleStarted(t, h, cycle)));
      await t.sleepUntil(running.map((s) => s.cycle.windowOpensAt!).sort().at(-1)!);
      await Promise.all(
        members.map(async (h, i) => {
          await waitForStatus(h, (s) => s.stage === 'self-report');
          expect(await h.executeUpdate(submitSelfReport, { args: [selfReportOf(ids[i]!)] })).toBe('evaluation');
          const score = SCORES[i]![cycle - 1]!;
          await evaluateAll(h, i === 0 && cycle === 1 ? weighted : { employer: uniform(score), industry: uniform(score), expert: uniform(score) });
        }),
      );
      // Grades are on record once the last member's scores are in.
      const rows = await waitForRows(ids, cycle);
      expect(rows.map((r) => r.score)).toEqual(SCORES.map((s) => Math.round(s[cycle - 1]! * 100)));
      expect(rows.map((r) => r.grade)).toEqual(EXPECTED[cycle - 1]);
      const cohort = await t.db.assessmentCohort.findUniqueOrThrow({ where: { programmeId_intake_cycleIndex: { programmeId: 'leading-talent', intake, cycleIndex: cycle } } });
      expect(cohort).toMatchObject({ size: 10, quota: 0.2, slots: 2 });
    }

    const wallMs = performance.now() - wallStart;
    const simulatedMs = (await t.now()) - simStart;
    // One at a time: the time-skipping server's client unlocks time for each result it awaits.
    const results = [];
    for (const h of members) results.push(await h.result());
    expect(results.map((r) => r.stage)).toEqual(Array(10).fill('completed'));
    expect(results[0]!.cycles.map((c) => c.grade)).toEqual(['excellent', 'excellent', 'excellent']);

    // The long-term view: the mean of the cycles, graded without quota, and its trend.
    const rows = await t.db.membership.findMany({ where: { intake }, orderBy: { admittedAt: 'asc' } });
    const byTalent = (i: number) => rows.find((r) => r.talentId === ids[i])!;
    expect(byTalent(0)).toMatchObject({ status: 'completed', stage: 'completed', outcome: 'term-completed', termScore: 9593, termGrade: 'excellent', trend: 'stable', cycleIndex: 3 });
    expect(byTalent(3)).toMatchObject({ termScore: 8767, termGrade: 'pass', trend: 'declining' });
    expect(byTalent(6)).toMatchObject({ termScore: 8400, termGrade: 'pass', trend: 'improving' });
    const last = await members[0]!.query(status);
    expect(last.longTerm).toEqual({ meanScore: 9593, trend: 'stable', termGrade: 'excellent' });
    await t.smtp.waitFor((m) => m.to.includes(`${ids[0]}@talent.test`) && m.subject.includes('聘期考核结果：优秀'));
    await t.smtp.waitFor((m) => m.to.includes(`${ids[9]}@talent.test`) && m.subject.includes('第1周期考核结果：基本合格'));

    // Cycle 1: members 1 and 2 tie at 93, their own boundaries give 优秀, one place is left after
    // member 0's 94.8: the whole group does not fit, so both get 合格, and so does member 3 (91)
    // below them. Their grade mail says why; member 4 (88, 合格 by its own score) hears nothing of it.
    const gradeMail = async (i: number, subject: string) => (await t.smtp.waitFor((m) => m.to.includes(`${ids[i]}@talent.test`) && m.subject === subject))[0]!.text;
    const tied = await gradeMail(1, '第1周期考核结果：合格（领军人才）');
    expect(tied).toContain('您第1个考核周期的综合得分为93.00，考核等次为“合格”。');
    expect(tied).toContain('按您的得分，本应评为“优秀”；但本批次共10人，“优秀”比例不超过20%，名额为2个。');
    expect(tied).toContain('同分者等次相同；“优秀”按得分从高到低整组授予');
    expect(tied).toContain('与您同分的共2人（含您本人），得分更高的1人已获评“优秀”，剩余名额不足以容纳整组，因此评为“合格”。');
    const tiedEn = await gradeMail(2, 'Cycle 1 result: pass (Leading talents)');
    expect(tiedEn).toContain('at most 20% of them may be graded excellent: 2 places.');
    expect(tiedEn).toContain('2 members (you included) share your score; 1 with better scores got "excellent"');
    expect(await gradeMail(3, '第1周期考核结果：合格（领军人才）')).toContain('与您同分的共1人（含您本人），得分更高的1人已获评“优秀”');
    expect(await gradeMail(4, '第1周期考核结果：合格（领军人才）')).not.toContain('名额');

    expect(simulatedMs).toBeGreaterThan(3 * YEAR_MS);
    console.info(`3-cycle term, 10 members: ${(simulatedMs / YEAR_MS).toFixed(2)} simulated years in ${(wallMs / 1000).toFixed(1)} s`);

    await saveHistory('assessment-first-cycle', t.env.client.workflow.getHandle(members[0]!.workflowId, firstRun));
    await saveHistory('assessment-term-end', members[0]!);
  }, 120_000);
});

async function waitForRows(ids: string[], cycle: number) {
  const until = performance.now() + 30_000;
  for (;;) {
    const rows = await t.db.cycleResult.findMany({ where: { membershipId: { in: (await t.db.membership.findMany({ where: { talentId: { in: ids } } })).map((m) => m.id) }, cycleIndex: cycle } });
    if (rows.length === ids.length && rows.every((r) => r.grade)) {
      const order = await t.db.membership.findMany({ where: { talentId: { in: ids } } });
      return ids.map((id) => rows.find((r) => r.membershipId === order.find((m) => m.talentId === id)!.id)!);
    }
    if (performance.now() > until) throw new Error(`cycle ${cycle} never graded: ${JSON.stringify(rows.map((r) => [r.score, r.grade]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
