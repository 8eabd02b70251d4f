// The appraisal policy as data (DOMAIN §8): every number and every track is a versioned value,
// pinned by a case when it starts.
import type { MeetingRules } from '../committee/types';
import type { Predicate } from './predicates';
import type { Level } from './types';

/** Working-day periods of one case; a track may shorten any of them. */
export interface Deadlines {
  /** 公示 after the employer's approval. */
  employerNoticeDays: number;
  /** 评审结果公示. */
  resultNoticeDays: number;
  /** How long the employer's reviewer has, before escalation. */
  employerReviewDays: number;
  /** How long the authority has for formal review, before escalation. */
  formalReviewDays: number;
  /** 一次性告知: time to correct; missed ⇒ withdrawn (视为放弃). */
  correctionDays: number;
  /** Time to resubmit after the employer returned the application. */
  resubmitDays: number;
  /** Objection investigation, extendable up to objectionInvestigationMaxDays. */
  objectionInvestigationDays: number;
  objectionInvestigationMaxDays: number;
  /** 复查: window after a failed result. */
  appealWindowDays: number;
  /** How long the industry body has to evaluate (where the track needs it). */
  industryEvaluationDays: number;
}

export type CommitteeRouting = 'scheduled' | 'adhoc' | 'panel';

export interface TrackConfig {
  label: { 'zh-CN': string; en: string };
  /** Organisation kinds that may act as the applicant's employer on this track. */
  channels: string[];
  levels: Level[];
  /** Who may use the track at all, on top of the standard's eligibility. */
  entry: Predicate[];
  committee: CommitteeRouting;
  requiresIndustryEvaluation: boolean;
  deadlines?: Partial<Deadlines>;
}

export interface AppraisalPolicy {
  deadlines: Deadlines;
  correctionRounds: number;
  appealRounds: number;
  /** Reminder mails this many working days before a deadline (DOMAIN: 3 and 1). */
  remindBeforeDays: number[];
  integrityBarYears: number;
  committee: Record<CommitteeRouting, MeetingRules>;
  tracks: Record<string, TrackConfig>;
}

/** What a case pins at its start: the policy version, its track and the standard it is judged by. */
export interface PinnedRules {
  policyVersion: number;
  policy: AppraisalPolicy;
  track: TrackConfig;
  deadlines: Deadlines;
  standard: { id: string; version: number; eligibility: Predicate[] };
}
