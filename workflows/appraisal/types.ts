import type { Instant, PendingTask, TimelineEntry } from '../shared/types';

export const TRACKS = ['standard', 'direct', 'green'] as const;
/** standard (常规), direct (直通车), green (绿色通道). */
export type Track = (typeof TRACKS)[number];

export const LEVELS = ['junior', 'intermediate', 'deputy-senior', 'senior'] as const;
/** 初级 / 中级 / 副高级 / 正高级. */
export type Level = (typeof LEVELS)[number];

export const STAGES = [
  'submitted',
  'employer-review',
  'employer-notice',
  'formal-review',
  'committee-review',
  'result-notice',
  'certified',
  'returned',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];

export interface Achievement {
  kind: 'paper' | 'patent' | 'project' | 'award' | 'product';
  title: string;
  year: number;
  evidence: string[];
}

export interface Submission {
  education: 'secondary' | 'associate' | 'bachelor' | 'master' | 'doctorate';
  currentTitle?: { level: Level; series: string; since: string };
  achievements: Achievement[];
}

/** Workflow input, versioned so a later shape can still start and replay old cases. */
export interface AppraisalInputV1 {
  version: 1;
  applicationId: string;
  applicantId: string;
  employerId: string;
  track: Track;
  series: string;
  level: Level;
  field: string;
  submission: Submission;
  submittedAt: Instant;
}
export type AppraisalInput = AppraisalInputV1;

export type EmployerDecision = 'approve' | 'return' | 'reject';

export interface AppraisalStatus {
  applicationId: string;
  stage: Stage;
  track: Track;
  pendingTasks: PendingTask[];
  timeline: TimelineEntry[];
}
