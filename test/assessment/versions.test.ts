// Versioned standards (DOMAIN §2): a version published mid-cycle leaves a running membership on
// the version it pinned at admission; the next admission, and the next title application, take
// the new one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadAppraisalRules } from '../../records/appraisal-rules';
import { publishGrading, publishStandard } from '../../records/publishing';
import { status, submitSelfReport } from '../../workflows/assessment/messages';
import { cycleStarted, evaluateAll, openWindow, selfReportOf, uniform, waitForStatus } from './support/drive';
import { startAssessmentEnv, type AssessmentEnv } from './support/env';
import type { StandardRules } from '../../domain/appraisal/standard';

let t: AssessmentEnv;
beforeAll(async () => {
  t = await startAssessmentEnv();
});
afterAll(async () => {
  await t?.stop();
});

it('a standard and grading rules published mid-cycle change nothing for a running member and apply to the next admission', async () => {
  const [a, b] = await t.talents(2);
  const first = await t.admit({ talentId: a!, intake: 'versions-a' });
  await openWindow(t, first, 1);

  // Mid-cycle: the employer's weight goes up, and 优秀 starts at 80 with a looser quota.
  const v1 = await t.db.standard.findUniqueOrThrow({ where: { id: 'std-engineering-intermediate-standard-v1' } });
  const rules = { ...(v1.rules as unknown as StandardRules), weights: { employer: 0.6, industry: 0.2, expert: 0.2 } };
  const at = new Date(await t.now());
  const v2 = await publishStandard(t.db, { series: 'engineering', level: 'intermediate', track: 'standard', rules, publishedBy: 'u-admin', at });
  expect(v2).toMatchObject({ id: 'std-engineering-intermediate-standard-v2', version: 2 });
  const g2 = await publishGrading(t.db, { programmeId: 'leading-talent', rules: { boundaries: { excellent: 80, pass: 70, basicPass: 60 }, excellentQuota: 0.5 }, publishedBy: 'u-admin', at });
  expect(g2.version).toBe(2);

  // The running cycle is scored on what it pinned: 0.3×100 + 0.2×60 + 0.5×60 = 72 (v2 would say 84, 优秀).
  await first.executeUpdate(submitSelfReport, { args: [selfReportOf(a!)] });
  await evaluateAll(first, { employer: uniform(100), industry: uniform(60), expert: uniform(60) });
  const next = await cycleStarted(t, first, 2);
  expect(next).toMatchObject({ standard: { id: 'std-engineering-intermediate-standard-v1', version: 1 }, gradingVersion: 1 });
  expect(next.past).toEqual([{ cycle: 1, score: 7200, grade: 'pass' }]);

  // The next admission pins the new versions, on its workflow and on its row.
  const second = await t.admit({ talentId: b!, intake: 'versions-b' });
  const pinned = await waitForStatus(second, (s) => s.stage === 'running');
  expect(pinned).toMatchObject({ standard: { id: 'std-engineering-intermediate-standard-v2', version: 2 }, gradingVersion: 2 });
  expect(await t.db.membership.findFirstOrThrow({ where: { workflowId: second.workflowId } })).toMatchObject({ standardId: v2.id, programmeStandardVersion: 2, policyVersion: 1 });
  expect(await t.db.membership.findFirstOrThrow({ where: { workflowId: first.workflowId } })).toMatchObject({ standardId: v1.id, programmeStandardVersion: 1 });
  expect((await first.query(status)).standard.version).toBe(1);

  // Title appraisal reads its eligibility from the same rows: a new application pins v2.
  const appraisal = await loadAppraisalRules(t.db, { track: 'standard', series: 'engineering', level: 'intermediate', employerId: 'org-zhangjiang-tech', applicantId: 'u-li-ming', at: new Date(await t.now()).toISOString() });
  expect(appraisal.rules.standard).toEqual({ id: v2.id, version: 2, eligibility: rules.eligibility });
});
