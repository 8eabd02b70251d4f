// The assessment and exit policy as data (DOMAIN §3, §4, §8), and what a membership pins at its
// admission. Every number here is a versioned value; none is a literal in workflow code.

/** The cycle of a talent type: e.g. annual cycles in a 3-year term for leading talents. */
export interface CycleConfig {
  cycleMonths: number;
  /** Cycles in the term; the membership ends (completed) after the last one. */
  termCycles: number;
}

export interface AssessmentDeadlines {
  /** The self-report window, from the cycle's end. */
  selfReportDays: number;
  /** After the escalation of a missing self-report, until the cycle is graded 不合格 without it. */
  selfReportGraceDays: number;
  employerEvaluationDays: number;
  industryEvaluationDays: number;
  expertEvaluationDays: number;
  /** From the cycle's end: the cohort is graded then with whoever is in, if not all are in before. */
  cohortGradingDays: number;
}

export interface ExitPolicy {
  /** 陈述申辩: the talent's window for a statement of defence. */
  defenceWindowDays: number;
  /** The committee's time to decide, before escalation. */
  decisionDays: number;
  appealWindowDays: number;
  appealRounds: number;
  /** No admission to any programme for this many years after an exit. */
  reentryBarYears: number;
}

export interface ExitTriggers {
  /** 不合格 this many cycles in a row (policy: once). */
  failInARow: number;
  /** 基本合格 this many cycles in a row (policy: twice). */
  basicPassInARow: number;
  /** A retain-with-plan whose follow-up check is not met opens another review. */
  followUpNotMet: boolean;
}

export interface AssessmentPolicy {
  /** Per talent type (a programme's talentType). */
  cycles: Record<string, CycleConfig>;
  deadlines: AssessmentDeadlines;
  /** Reminder mails this many working days before a deadline (DOMAIN: 3 and 1). */
  remindBeforeDays: number[];
  exitTriggers: ExitTriggers;
  exit: ExitPolicy;
  /** Points between the first and the last cycle's score below which the trend is 'stable'. */
  trendThreshold: number;
}

export const EVALUATORS = ['employer', 'industry', 'expert'] as const;
export type Evaluator = (typeof EVALUATORS)[number];

/** Scored criteria and evaluator weights of the talent's series × level (the same rows as appraisal's). */
export interface ScoringStandard {
  id: string;
  version: number;
  criteria: { key: string; weight: number; min: number }[];
  weights: Record<Evaluator, number>;
}

/** A programme's grade boundaries (points, 0–100) and its optional 优秀 quota (share of a cohort). */
export interface GradingRules {
  version: number;
  boundaries: { excellent: number; pass: number; basicPass: number };
  excellentQuota: number | null;
}

export interface PinnedAssessmentRules {
  policyVersion: number;
  policy: AssessmentPolicy;
  talentType: string;
  cycle: CycleConfig;
  standard: ScoringStandard;
  grading: GradingRules;
}
