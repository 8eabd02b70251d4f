// The appraisal policy as data (DOMAIN §1, §8): every number and every track is a versioned value,
// pinned by a case when it starts. The schema is the policy's one definition: the values are
// parsed with it when read (records/policy.ts) and when an administrator publishes a version, and
// it refuses a version below DOMAIN's floors (notices ≥ 5 working days, quorum and pass ≥ 2/3,
// odd committees, a review panel of ≥ 3).
import { z } from 'zod';
import { meetingRulesSchema } from '../committee/policy';
import type { Predicate } from './predicates';
import { predicateSchema } from './standard';
import { LEVELS } from './types';

/** DOMAIN §1: the employer's and the result's notices last at least 5 working days. */
export const NOTICE_FLOOR_DAYS = 5;

const days = z.number().int().min(1).max(365);
const noticeDays = days.min(NOTICE_FLOOR_DAYS, `a notice lasts at least ${NOTICE_FLOOR_DAYS} working days (DOMAIN §1)`);

/** Working-day periods of one case; a track may shorten any of them, never a notice below its floor. */
export const deadlinesSchema = z.object({
  /** 公示 after the employer's approval. */
  employerNoticeDays: noticeDays,
  /** 评审结果公示. */
  resultNoticeDays: noticeDays,
  /** How long the employer's reviewer has, before escalation. */
  employerReviewDays: days,
  /** How long the authority has for formal review, before escalation. */
  formalReviewDays: days,
  /** 一次性告知: time to correct; missed ⇒ withdrawn (视为放弃). */
  correctionDays: days,
  /** Time to resubmit after the employer returned the application. */
  resubmitDays: days,
  /** Objection investigation, extendable up to objectionInvestigationMaxDays. */
  objectionInvestigationDays: days,
  objectionInvestigationMaxDays: days,
  /** 复查: window after a failed result. */
  appealWindowDays: days,
  /** How long the industry body has to evaluate (where the track needs it). */
  industryEvaluationDays: days,
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

const text = z.string().trim().min(1).max(100);

export const COMMITTEE_ROUTINGS = ['scheduled', 'adhoc', 'panel'] as const;
export type CommitteeRouting = (typeof COMMITTEE_ROUTINGS)[number];

export const trackSchema = z.object({
  label: z.object({ 'zh-CN': text, en: text }),
  /** Organisation kinds that may act as the applicant's employer on this track. */
  channels: z.array(text).min(1),
  levels: z.array(z.enum(LEVELS)).min(1),
  /** Who may use the track at all, on top of the standard's eligibility. */
  entry: z.array(predicateSchema),
  committee: z.enum(COMMITTEE_ROUTINGS),
  requiresIndustryEvaluation: z.boolean(),
  deadlines: deadlinesSchema.partial().optional(),
});
export type TrackConfig = z.infer<typeof trackSchema>;

const MiB = 1024 * 1024;

/** The dossier's limits (DOMAIN §5a, §8: 20 MB a file, 200 MB a case) and how long a closed case keeps its files. */
export const dossierSchema = z
  .object({
    maxFileBytes: z.number().int().min(1024).max(1024 * MiB),
    maxCaseBytes: z.number().int().min(1024).max(10 * 1024 * MiB),
    maxPdfPages: z.number().int().min(1).max(5000),
    maxImagePixels: z.number().int().min(1).max(500_000_000),
    /** What a PDF's compressed streams may inflate to: beyond it the file is a decompression bomb. */
    maxDecompressedBytes: z.number().int().min(MiB),
    /** Days after a case ended without a title (withdrawn, rejected, ineligible, cancelled), or a draft was last touched, until its files are deleted. */
    retentionDays: z.number().int().min(1).max(3650),
  })
  .refine((d) => d.maxCaseBytes >= d.maxFileBytes, { path: ['maxCaseBytes'], message: 'a case holds at least one file of the largest size' });
export type DossierPolicy = z.infer<typeof dossierSchema>;

export const DOSSIER_DEFAULTS: DossierPolicy = {
  maxFileBytes: 20 * MiB,
  maxCaseBytes: 200 * MiB,
  maxPdfPages: 500,
  maxImagePixels: 60_000_000,
  maxDecompressedBytes: 512 * MiB,
  retentionDays: 180,
};

export const appraisalPolicySchema = z
  .object({
    deadlines: deadlinesSchema,
    correctionRounds: z.number().int().min(0).max(5),
    appealRounds: z.number().int().min(0).max(5),
    /** Reminder mails this many working days before a deadline (DOMAIN: 3 and 1). */
    remindBeforeDays: z.array(z.number().int().min(1).max(30)).max(5),
    integrityBarYears: z.number().int().min(0).max(20),
    committee: z.object({ scheduled: meetingRulesSchema, adhoc: meetingRulesSchema, panel: meetingRulesSchema }),
    /** Versions published before the dossier said nothing about it: these defaults. */
    dossier: dossierSchema.default(DOSSIER_DEFAULTS),
    tracks: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'lower-case letters, digits and dashes'), trackSchema).refine((t) => Object.keys(t).length > 0, 'at least one track'),
  })
  .superRefine((p, ctx) => {
    const d = p.deadlines;
    if (d.objectionInvestigationMaxDays < d.objectionInvestigationDays) {
      ctx.addIssue({ code: 'custom', path: ['deadlines', 'objectionInvestigationMaxDays'], message: 'an investigation may be extended, not shortened' });
    }
  });
export type AppraisalPolicy = z.infer<typeof appraisalPolicySchema>;

/** What a case pins at its start: the policy version, its track and the standard it is judged by. */
export interface PinnedRules {
  policyVersion: number;
  policy: AppraisalPolicy;
  track: TrackConfig;
  deadlines: Deadlines;
  standard: { id: string; version: number; eligibility: Predicate[] };
}
