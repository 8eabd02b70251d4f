// The assessment policy's defaults, version 1: DOMAIN §3, §4 and §8's values, and the grading
// rules a programme starts with.
import type { AssessmentPolicy, GradingValues, SupervisionPolicy } from './policy';

/** 日常监管: 10 working days to contest a report, 3 months of absence pause, the plan's district. */
export const supervisionDefaults: SupervisionPolicy = { contestWindowDays: 10, longAbsenceMonths: 3, district: '长宁区' };

/** A pinned policy's supervision values; memberships admitted before they existed get the defaults. */
export const supervisionOf = (policy: Pick<AssessmentPolicy, 'supervision'>): SupervisionPolicy => policy.supervision ?? supervisionDefaults;
import type { MeetingRules } from '../committee/policy';

/** The exit committee: 5 members, quorum ≥ 2/3 of them, exit carried by ≥ 2/3 of those present. */
export const EXIT_COMMITTEE_DEFAULT: MeetingRules = { size: 5, panelSize: 0, quorum: { num: 2, den: 3 }, pass: { num: 2, den: 3 }, checkInHours: 24, votingHours: 8 };

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
  exit: { defenceWindowDays: 10, decisionDays: 15, appealWindowDays: 15, appealRounds: 1, reentryBarYears: 3, committee: EXIT_COMMITTEE_DEFAULT },
  trendThreshold: 3,
  admission: { employerKinds: ['employer', 'talent-service-centre'] },
  supervision: supervisionDefaults,
};

/** 优秀 ≥ 90, 合格 ≥ 70, 基本合格 ≥ 60, else 不合格; 优秀 at most 20% of a cohort. */
export const gradingV1: GradingValues = {
  boundaries: { excellent: 90, pass: 70, basicPass: 60 },
  excellentQuota: 0.2,
};
