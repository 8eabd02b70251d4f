// Talent programmes and the assessment policy, version 1: DOMAIN §3, §4 and §8's defaults as
// data. `seedProgrammes` writes them idempotently (called by seed.ts).
import type { Db } from '../../prisma/client';
import type { AssessmentPolicy, GradingRules } from '../../domain/assessment/policy';

export const assessmentPolicyV1: AssessmentPolicy = {
  cycles: {
    // 领军人才: a 3-year term with annual cycles; 青年创新英才: annual, 2-year term;
    // 首席技师: annual, 5-year term; 高技能人才: 2-year cycles in a 4-year term.
    leading: { cycleMonths: 12, termCycles: 3 },
    youth: { cycleMonths: 12, termCycles: 2 },
    'chief-technician': { cycleMonths: 12, termCycles: 5 },
    'high-skill': { cycleMonths: 24, termCycles: 2 },
  },
  deadlines: {
    selfReportDays: 10,
    selfReportGraceDays: 5,
    employerEvaluationDays: 10,
    industryEvaluationDays: 15,
    expertEvaluationDays: 15,
    cohortGradingDays: 40,
  },
  remindBeforeDays: [3, 1],
  exitTriggers: { failInARow: 1, basicPassInARow: 2, followUpNotMet: true },
  exit: { defenceWindowDays: 10, decisionDays: 15, appealWindowDays: 15, appealRounds: 1, reentryBarYears: 3 },
  trendThreshold: 3,
};

/** 优秀 ≥ 90, 合格 ≥ 70, 基本合格 ≥ 60, else 不合格; 优秀 at most 20% of a cohort. */
export const gradingV1: Omit<GradingRules, 'version'> = {
  boundaries: { excellent: 90, pass: 70, basicPass: 60 },
  excellentQuota: 0.2,
};

export const programmes = [
  { id: 'leading-talent', name: '领军人才', nameEn: 'Leading talents', talentType: 'leading', grading: gradingV1 },
  { id: 'youth-innovator', name: '青年创新英才', nameEn: 'Young innovators', talentType: 'youth', grading: gradingV1 },
  // Skills programmes grade against the standard only: no 优秀 quota.
  { id: 'chief-technician', name: '首席技师', nameEn: 'Chief technicians', talentType: 'chief-technician', grading: { ...gradingV1, excellentQuota: null } },
];

export async function seedProgrammes(db: Db, publishedAt: Date): Promise<void> {
  await db.policy.upsert({
    where: { key_version: { key: 'assessment', version: 1 } },
    create: { id: 'assessment-v1', key: 'assessment', version: 1, values: assessmentPolicyV1 as object, publishedAt },
    update: {},
  });
  for (const { grading, ...p } of programmes) {
    await db.programme.upsert({ where: { id: p.id }, create: p, update: {} });
    await db.programmeStandard.upsert({
      where: { programmeId_version: { programmeId: p.id, version: 1 } },
      create: { id: `${p.id}-v1`, programmeId: p.id, version: 1, rules: grading as object, publishedAt },
      update: {},
    });
  }
}
