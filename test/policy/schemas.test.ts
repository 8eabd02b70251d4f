// The policies' schemas are their one definition, and they hold DOMAIN's floors: a version below
// one cannot be published, and the error names the field.
import { describe, expect, it } from 'vitest';
import { appraisalPolicySchema } from '../../domain/appraisal/policy';
import { appraisalPolicyV1, demoAppraisalPolicy } from '../../domain/appraisal/policy-defaults';
import { assessmentPolicySchema, gradingValuesSchema } from '../../domain/assessment/policy';
import { assessmentPolicyV1, gradingV1 } from '../../domain/assessment/policy-defaults';
import { planSchema, planV1 } from '../../domain/plan';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
const copy = <T>(x: T): T => structuredClone(x);

describe('the appraisal policy', () => {
  it('accepts the defaults and the demo variant', () => {
    expect(issues(appraisalPolicySchema.safeParse(appraisalPolicyV1))).toEqual([]);
    expect(issues(appraisalPolicySchema.safeParse(demoAppraisalPolicy))).toEqual([]);
  });

  it('refuses a notice shorter than 5 working days, also on a track', () => {
    const p = copy(appraisalPolicyV1);
    p.deadlines.employerNoticeDays = 4;
    p.tracks.direct!.deadlines = { ...p.tracks.direct!.deadlines, resultNoticeDays: 3 };
    expect(issues(appraisalPolicySchema.safeParse(p))).toEqual([
      'deadlines.employerNoticeDays: a notice lasts at least 5 working days (DOMAIN §1)',
      'tracks.direct.deadlines.resultNoticeDays: a notice lasts at least 5 working days (DOMAIN §1)',
    ]);
  });

  it('refuses a quorum or a pass below 2/3, an even committee and a panel of two', () => {
    const p = copy(appraisalPolicyV1);
    p.committee.scheduled.quorum = { num: 1, den: 2 };
    p.committee.adhoc.pass = { num: 3, den: 5 };
    p.committee.panel.size = 4;
    p.committee.scheduled.panelSize = 2;
    expect(issues(appraisalPolicySchema.safeParse(p)).sort()).toEqual([
      'committee.adhoc.pass: at least 2/3 (DOMAIN §1.4)',
      'committee.panel.size: committee size must be odd',
      'committee.scheduled.panelSize: panel size must be 0 or between 3 and the committee size',
      'committee.scheduled.quorum: at least 2/3 (DOMAIN §1.4)',
    ]);
    // Exactly 2/3 is enough; more is allowed.
    p.committee.scheduled.quorum = { num: 4, den: 6 };
    p.committee.adhoc.pass = { num: 3, den: 4 };
    p.committee.panel.size = 5;
    p.committee.scheduled.panelSize = 3;
    expect(issues(appraisalPolicySchema.safeParse(p))).toEqual([]);
  });

  it('refuses an investigation that may be extended to less than it starts with', () => {
    const p = copy(appraisalPolicyV1);
    p.deadlines.objectionInvestigationMaxDays = 5;
    expect(issues(appraisalPolicySchema.safeParse(p))).toEqual(['deadlines.objectionInvestigationMaxDays: an investigation may be extended, not shortened']);
  });
});

describe('the assessment policy and grading rules', () => {
  it('accepts the defaults; a version stored before admission rules existed reads with the default kinds', () => {
    expect(issues(assessmentPolicySchema.safeParse(assessmentPolicyV1))).toEqual([]);
    const { admission: _, ...older } = assessmentPolicyV1;
    expect(assessmentPolicySchema.parse(older).admission).toEqual({ employerKinds: ['employer', 'talent-service-centre'] });
  });

  it('refuses an 优秀 quota above 100 % and boundaries out of order', () => {
    expect(issues(gradingValuesSchema.safeParse(gradingV1))).toEqual([]);
    expect(issues(gradingValuesSchema.safeParse({ ...gradingV1, excellentQuota: 1.2 }))).toEqual(['excellentQuota: a quota is at most 100 % of the cohort']);
    expect(issues(gradingValuesSchema.safeParse({ ...gradingV1, boundaries: { excellent: 70, pass: 80, basicPass: 60 } }))).toEqual(['boundaries: 优秀 > 合格 > 基本合格 boundaries, in that order']);
  });
});

describe('the plan', () => {
  it("holds a target per indicator", () => {
    expect(planSchema.parse(planV1).indicators['new-leading-talents']).toEqual({ target: 100, unit: '人' });
    expect(issues(planSchema.safeParse({ indicators: { ...planV1.indicators, 'new-high-level-talents': { target: -1, unit: '人' } } }))[0]).toMatch(/^indicators\.new-high-level-talents\.target/);
  });
});
