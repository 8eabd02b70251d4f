import type { CommitteeResult } from '../committee/types';
import type { Instant, PendingTask, TimelineEntry } from '../types';
import type { Deadline } from '../deadlines';

export const TRACKS = ['standard', 'direct', 'green'] as const;
/** The built-in tracks: standard (常规), direct (直通车), green (绿色通道). More are policy data. */
export type Track = (typeof TRACKS)[number];

export const LEVELS = ['junior', 'intermediate', 'deputy-senior', 'senior'] as const;
/** 初级 / 中级 / 副高级 / 正高级. */
export type Level = (typeof LEVELS)[number];

export const STAGES = [
  'submitted',
  'employer-review',
  'returned',
  'employer-notice',
  'formal-review',
  'correction',
  'industry-evaluation',
  'committee-review',
  'result-notice',
  'failed',
  'certified',
  'ineligible',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];
/** Stages a case ends in. A failed case stays open while its appeal window runs. */
export const FINAL_STAGES: readonly Stage[] = ['certified', 'ineligible', 'rejected', 'withdrawn', 'cancelled'];

export interface Achievement {
  kind: 'paper' | 'patent' | 'project' | 'award' | 'product';
  title: string;
  year: number;
  evidence: string[];
}

export interface Submission {
  education: 'secondary' | 'associate' | 'bachelor' | 'master' | 'doctorate';
  currentTitle?: { level: Level; series: string; since: string };
  /** For 直通车: overseas-title, overseas-position, overseas-qualification, talent-programme. */
  qualifications?: string[];
  achievements: Achievement[];
}

/** Workflow input, versioned so a later shape can still start and replay old cases. */
export interface AppraisalInputV1 {
  version: 1;
  applicationId: string;
  applicantId: string;
  employerId: string;
  /** A key of the pinned policy's tracks. */
  track: string;
  series: string;
  level: Level;
  field: string;
  submission: Submission;
  submittedAt: Instant;
  /** The draft it was submitted from: its materials become the case's when the case is recorded. */
  draftId?: string;
}
export type AppraisalInput = AppraisalInputV1;

/** One item of the correction notice (一次性告知); a material to replace is named by id and title. */
export interface CorrectionItem {
  item: string;
  reason: string;
  materialId?: string;
  materialTitle?: string;
}

export type EmployerDecision = 'approve' | 'return' | 'reject';
export type FormalDecision = 'pass' | 'correct' | 'reject';

/** The appraisal's deadlines are the shared kind: purpose, start, end, working days, warnings. */
export type { Deadline };

export interface ObjectionState {
  id: string;
  stage: Stage;
  objectorId: string;
  reason: string;
  raisedAt: Instant;
}

/** What the committee reported for this case. */
export type CommitteeTally = Omit<CommitteeResult, 'caseId'>;

export interface AppraisalStatus {
  applicationId: string;
  stage: Stage;
  track: string;
  policyVersion?: number;
  standardId?: string;
  deadline?: Deadline;
  objection?: ObjectionState;
  correctionItems?: CorrectionItem[];
  committee?: CommitteeTally;
  certificateNumber?: string;
  pendingTasks: PendingTask[];
  timeline: TimelineEntry[];
}
