// 日常监管 (DOMAIN §5): what an employer, the authority or the talent reports between
// assessments, and what a report does to each running membership of the talent.
import { z } from 'zod';
import type { Actor, Instant, PendingTask, TimelineEntry } from '../types';

export const REPORT_KINDS = ['left-employer', 'employer-move', 'post-change', 'long-absence', 'absence-return', 'death', 'integrity-violation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORTERS = ['employer', 'authority', 'talent'] as const;
export type ReportedAs = (typeof REPORTERS)[number];

/** Who may report which kind: the employer about its employees, the authority, the talent. */
export const REPORTED_BY: Record<ReportKind, ReportedAs> = {
  'left-employer': 'employer',
  'employer-move': 'talent',
  'post-change': 'employer',
  'long-absence': 'employer',
  'absence-return': 'employer',
  death: 'employer',
  'integrity-violation': 'authority',
};

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();
const id = text(200);

/** The facts each kind needs; nothing else is accepted. */
export const FACTS = {
  'left-employer': z.strictObject({ destination: z.enum(['outside-district', 'in-district', 'unknown']), newEmployerId: id.optional() }).refine((f) => f.destination !== 'in-district' || f.newEmployerId, { path: ['newEmployerId'], message: 'an in-district move names the new employer' }),
  'employer-move': z.strictObject({ newEmployerId: id }),
  'post-change': z.strictObject({ post: text(200), eligible: z.boolean(), series: text(50).optional() }),
  'long-absence': z.strictObject({ from: day, expectedUntil: day }).refine((f) => f.expectedUntil > f.from, { path: ['expectedUntil'], message: 'after the absence starts' }),
  'absence-return': z.strictObject({}),
  death: z.strictObject({}),
  'integrity-violation': z.strictObject({ finding: text(5000) }),
} satisfies Record<ReportKind, z.ZodType>;

export type ReportFacts = {
  destination?: 'outside-district' | 'in-district' | 'unknown';
  newEmployerId?: string;
  post?: string;
  eligible?: boolean;
  series?: string;
  from?: string;
  expectedUntil?: string;
  finding?: string;
};

/** What the supervision workflow hands each membership (update `applySupervisionReport`). */
export interface SupervisionApplication {
  reportId: string;
  kind: ReportKind;
  reporterId: string;
  statement: string;
  facts: ReportFacts;
  /** The new employer's district as recorded (null: none recorded), read by the activity. */
  newEmployer?: { id: string; district: string | null };
}

/** The exit triggers a report may set off (a subset of the assessment's ExitTrigger). */
export type SupervisionTrigger = 'integrity-violation' | 'left-district' | 'left-employer' | 'ineligible-move';

/** What a report did to one membership. */
export type Effect =
  | { effect: 'exit-review'; trigger: SupervisionTrigger; n: number; exitWorkflowId: string }
  | { effect: 'transfer'; from: string; to: string; moved: string[] }
  | { effect: 'post'; post: string; series?: string; moved: string[] }
  | { effect: 'pause' }
  | { effect: 'resume'; pausedWorkingDays: number }
  | { effect: 'closed' }
  | { effect: 'none'; why: string };

export interface MembershipEffect {
  membershipId: string;
  at: Instant;
  result: Effect;
  /** Set when an overturned report was undone here (or could not be). */
  undone?: { at: Instant; how: UndoneHow };
}

/** The undoing an overturned report asks of a membership (update `undoSupervisionReport`). */
export interface SupervisionUndo {
  reportId: string;
  actor: Actor;
  reason: string;
}

export interface SupervisionInputV1 {
  version: 1;
  reportId: string;
  kind: ReportKind;
  talentId: string;
  reporterId: string;
  reportedAs: ReportedAs;
  statement: string;
  facts: ReportFacts;
  occurredOn: string;
  recordedAt: Instant;
  /** Working days the talent has to contest (the policy of their memberships). */
  contestWindowDays: number;
  remindBeforeDays: number[];
}
export type SupervisionInput = SupervisionInputV1;

/** `settled`: the contest window closed without a contest; the report stands (status recorded). */
export const SUPERVISION_STAGES = ['recorded', 'contested', 'settled', 'upheld', 'overturned'] as const;
export type SupervisionStage = (typeof SUPERVISION_STAGES)[number];

export type UndoneHow = 'resumed' | 'review-cancelled' | 'cannot-undo' | 'nothing-to-undo';

export interface SupervisionStatus {
  reportId: string;
  stage: SupervisionStage;
  contestBy?: Instant;
  effects: MembershipEffect[];
  pendingTasks: PendingTask[];
  timeline: TimelineEntry[];
}
