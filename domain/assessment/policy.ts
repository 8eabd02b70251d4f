// The assessment and exit policy as data (DOMAIN §3, §4, §8), and what a membership pins at its
// admission. Every number here is a versioned value; none is a literal in workflow code. The
// schemas are the one definition: values are parsed with them when read and when published.
import { z } from 'zod';
import { meetingRulesSchema } from '../committee/policy';

const days = z.number().int().min(1).max(365);
const text = z.string().trim().min(1).max(100);

/** The cycle of a talent type: e.g. annual cycles in a 3-year term for leading talents. */
export const cycleSchema = z.object({
  cycleMonths: z.number().int().min(1).max(60),
  /** Cycles in the term; the membership ends (completed) after the last one. */
  termCycles: z.number().int().min(1).max(20),
});
export type CycleConfig = z.infer<typeof cycleSchema>;

export const assessmentDeadlinesSchema = z.object({
  /** The self-report window, from the cycle's end. */
  selfReportDays: days,
  /** After the escalation of a missing self-report, until the cycle is graded 不合格 without it. */
  selfReportGraceDays: days,
  employerEvaluationDays: days,
  industryEvaluationDays: days,
  expertEvaluationDays: days,
  /** From the cycle's end: the cohort is graded then with whoever is in, if not all are in before. */
  cohortGradingDays: days,
});
export type AssessmentDeadlines = z.infer<typeof assessmentDeadlinesSchema>;

export const exitPolicySchema = z.object({
  /** 陈述申辩: the talent's window for a statement of defence. */
  defenceWindowDays: days,
  /** The committee's time to decide, before escalation. */
  decisionDays: days,
  appealWindowDays: days,
  appealRounds: z.number().int().min(0).max(5),
  /** No admission to any programme for this many years after an exit. */
  reentryBarYears: z.number().int().min(0).max(20),
  /** The committee that decides (meeting kind `exit`); policies pinned before it had none: EXIT_COMMITTEE_DEFAULT. */
  committee: meetingRulesSchema.optional(),
});
export type ExitPolicy = z.infer<typeof exitPolicySchema>;

export const exitTriggersSchema = z.object({
  /** 不合格 this many cycles in a row (policy: once). */
  failInARow: z.number().int().min(1).max(10),
  /** 基本合格 this many cycles in a row (policy: twice). */
  basicPassInARow: z.number().int().min(1).max(10),
  /** A retain-with-plan whose follow-up check is not met opens another review. */
  followUpNotMet: z.boolean(),
});
export type ExitTriggers = z.infer<typeof exitTriggersSchema>;

/** 日常监管 (DOMAIN §5): how reports act. Versions before it said nothing: see supervisionOf. */
export const supervisionPolicySchema = z.object({
  /** The talent may contest a report within this many working days. */
  contestWindowDays: days,
  /** An absence of at least this many months pauses the assessment. */
  longAbsenceMonths: z.number().int().min(1).max(36),
  /** The plan's district: an organisation is in it when its district equals this. */
  district: text,
});

export const assessmentPolicySchema = z.object({
  /** Per talent type (a programme's talentType). */
  cycles: z.record(text, cycleSchema).refine((c) => Object.keys(c).length > 0, 'at least one talent type'),
  deadlines: assessmentDeadlinesSchema,
  /** Reminder mails this many working days before a deadline (DOMAIN: 3 and 1). */
  remindBeforeDays: z.array(z.number().int().min(1).max(30)).max(5),
  exitTriggers: exitTriggersSchema,
  exit: exitPolicySchema,
  /** Points between the first and the last cycle's score below which the trend is 'stable'. */
  trendThreshold: z.number().min(0).max(100),
  /** Who may employ a member: organisation kinds admitted as the talent's employer (versions before it said nothing: these). */
  admission: z.object({ employerKinds: z.array(text).min(1) }).default({ employerKinds: ['employer', 'talent-service-centre'] }),
  /** Absent in memberships admitted before it: supervisionOf falls back to the defaults. */
  supervision: supervisionPolicySchema.optional(),
});
export type AssessmentPolicy = z.infer<typeof assessmentPolicySchema>;
export type SupervisionPolicy = z.infer<typeof supervisionPolicySchema>;

export const EVALUATORS = ['employer', 'industry', 'expert'] as const;
export type Evaluator = (typeof EVALUATORS)[number];

/** Scored criteria and evaluator weights of the talent's series × level (the same rows as appraisal's). */
export interface ScoringStandard {
  id: string;
  version: number;
  criteria: { key: string; weight: number; min: number }[];
  weights: Record<Evaluator, number>;
}

const points = z.number().min(0).max(100);

/** A programme's grade boundaries (points, 0–100) and its optional 优秀 quota (share of a cohort, at most all of it). */
export const gradingValuesSchema = z.object({
  boundaries: z
    .object({ excellent: points, pass: points, basicPass: points })
    .refine((b) => b.excellent > b.pass && b.pass > b.basicPass, '优秀 > 合格 > 基本合格 boundaries, in that order'),
  /** Share of a cohort that may be graded 优秀 (0.2 = 20%), or null for no quota. */
  excellentQuota: z.number().gt(0).max(1, 'a quota is at most 100 % of the cohort').nullable(),
});
export type GradingValues = z.infer<typeof gradingValuesSchema>;
export type GradingRules = GradingValues & { version: number };

export interface PinnedAssessmentRules {
  policyVersion: number;
  policy: AssessmentPolicy;
  talentType: string;
  cycle: CycleConfig;
  standard: ScoringStandard;
  grading: GradingRules;
}
