import { z } from 'zod';
import { LEVELS } from '../../domain/appraisal/types';

const isoDate = z.iso.date();

export const achievementSchema = z.object({
  kind: z.enum(['paper', 'patent', 'project', 'award', 'product']),
  title: z.string().trim().min(1).max(300),
  year: z.number().int().min(1950).max(2100),
  evidence: z.array(z.string().trim().min(1).max(500)).min(1, 'each achievement needs evidence'),
});

export const submitApplicationBody = z.object({
  /** standard, direct (直通车), green (绿色通道), or any further track the policy defines. */
  track: z.string().trim().min(1).max(50).default('standard'),
  series: z.string().trim().min(1).max(50),
  level: z.enum(LEVELS),
  field: z.string().trim().min(1).max(100),
  /** The employer, or the talent service centre acting for applicants without one. */
  employerId: z.string().trim().min(1).max(100),
  submission: z.object({
    education: z.enum(['secondary', 'associate', 'bachelor', 'master', 'doctorate']),
    currentTitle: z
      .object({ level: z.enum(LEVELS), series: z.string().trim().min(1).max(50), since: isoDate })
      .optional(),
    qualifications: z.array(z.enum(['overseas-title', 'overseas-position', 'overseas-qualification', 'talent-programme'])).max(10).optional(),
    achievements: z.array(achievementSchema).max(100),
  }),
});
export type SubmitApplicationBody = z.infer<typeof submitApplicationBody>;

export const applicationParams = z.object({ id: z.uuid() });

export const employerDecisionBody = z
  .object({
    decision: z.enum(['approve', 'return', 'reject']),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((b) => b.decision === 'approve' || b.reason !== undefined, {
    path: ['reason'],
    message: 'a reason is required to return or reject',
  });

const reason = z.string().trim().min(1, 'a reason is required').max(2000);

/** Applicant actions that need only a reason: appeal (复查), withdrawal, an objection. */
export const reasonBody = z.object({ reason });

export const resubmitBody = z.object({ submission: submitApplicationBody.shape.submission });

export const correctionBody = z.object({
  corrections: z
    .array(
      z.object({
        item: z.string().trim().min(1).max(200),
        note: z.string().trim().min(1).max(2000),
        evidence: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
      }),
    )
    .min(1)
    .max(100),
});

/** Formal review: pass, request correction (every item at once: 一次性告知), or reject. */
export const formalReviewBody = z
  .object({
    decision: z.enum(['pass', 'correct', 'reject']),
    items: z.array(z.object({ item: z.string().trim().min(1).max(200), reason, materialId: z.uuid().optional().describe('a material of the case to replace') })).max(100).optional(),
    reason: reason.optional(),
  })
  .refine((b) => b.decision !== 'correct' || (b.items?.length ?? 0) > 0, { path: ['items'], message: 'list every item to correct, at once' })
  .refine((b) => b.decision !== 'reject' || b.reason !== undefined, { path: ['reason'], message: 'a reason is required to reject' });

export const industryEvaluationBody = z.object({
  score: z.number().min(0).max(100),
  opinion: z.string().trim().min(1).max(5000),
});

export const resolveObjectionBody = z.object({ outcome: z.enum(['dismissed', 'upheld']), reason });

export const listApplicationsQuery = z.object({
  stage: z.string().max(50).optional(),
  status: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A reviewer's decision: the key names the decision, so a double click or a retry acts once. */
export const decisionIdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Sending the same decision again with the same key answers as the first did instead of acting twice.'),
});

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retrying with the same key returns the same case instead of starting a second one.'),
});

// Replies -------------------------------------------------------------------------------------

export const stageReply = z.object({ id: z.string(), stage: z.string() });

/** The codes of an answer in the caller's language (Accept-Language), the words of GET /api/words. */
export const labelsSchema = z
  .object({ stage: z.string(), status: z.string(), track: z.string(), series: z.string(), level: z.string() })
  .describe("stage, status, track, series and level in the caller's language (Accept-Language: zh-CN by default, or en)");

export const caseNumberSchema = z
  .string()
  .nullable()
  .describe('受理编号: <year>-<track>-<series>-<sequence>, e.g. 2026-ZT-GC-0001 (null for cases recorded before numbers were given)');

export const applicationSummary = z.object({
  id: z.uuid(),
  caseNumber: caseNumberSchema,
  workflowId: z.string(),
  applicantId: z.string(),
  employerId: z.string(),
  track: z.string(),
  series: z.string(),
  level: z.string(),
  field: z.string(),
  stage: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  labels: labelsSchema,
});

/** The running deadline of a case in a list: what it is for and its last day (from the read model). */
export const listDeadline = z
  .object({
    purpose: z.string(),
    purposeLabel: z.string().describe("What the deadline is for, in the caller's language."),
    dueAt: z.string().describe('24:00 Asia/Shanghai of the last day.'),
    lastDay: z.string().describe('The last day to act, YYYY-MM-DD in Asia/Shanghai.'),
    workingDays: z.number(),
    pausedSince: z.string().optional().describe('Set while the deadline stands still (an objection to a notice is investigated).'),
  })
  .nullable()
  .describe('The running deadline of an open case; null when none runs.');

export const applicationListItem = applicationSummary.extend({ deadline: listDeadline });

export const submittedReply = z.object({
  id: z.uuid(),
  caseNumber: caseNumberSchema,
  workflowId: z.string(),
  stage: z.string(),
  links: z.object({ self: z.string(), temporalUi: z.string() }),
});

export const timelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  stage: z.string(),
  stageLabel: z.string().describe("The stage in the caller's language."),
  actorId: z.string().optional().describe('Shown to the actor themselves, to administrators and the authority, and for system steps.'),
  note: z.string().optional().describe("A person's words as written, or the system's reasons (an ineligibility's) in the caller's language."),
});

export const taskView = z.object({
  kind: z.string(),
  kindLabel: z.string().describe("The task in the caller's language."),
  assigneeRole: z.string(),
  openedAt: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  overdue: z.boolean(),
});

export const eligibilityReply = z.object({
  eligible: z.boolean(),
  checkedAt: z.string().describe('The instant of submission: the rules and the integrity record as they stood then.'),
  policyVersion: z.number().nullable(),
  standard: z
    .object({ id: z.string(), series: z.string(), level: z.string(), track: z.string(), version: z.number(), publishedAt: z.string() })
    .nullable()
    .describe('The standard the case pinned (null when none was in force)'),
  reasons: z.array(z.object({ code: z.string(), reason: z.string().describe("In the caller's language.") })).describe('Every reason the case may not enter; empty when it may'),
});

export const applicationDetail = applicationSummary.extend({
  applicantName: z.string(),
  employerName: z.string(),
  submission: z.unknown(),
  policyVersion: z.number().nullable(),
  live: z.boolean().describe('Whether the stage was read from the running workflow (else from the database).'),
  deadline: z
    .object({
      purpose: z.string(),
      purposeLabel: z.string().describe("What the deadline is for, in the caller's language."),
      from: z.string().optional(),
      dueAt: z.string().describe('24:00 Asia/Shanghai of the last day.'),
      lastDay: z.string().describe('The last day to act, YYYY-MM-DD in Asia/Shanghai.'),
      workingDays: z.number(),
      workingDaysLeft: z.number().describe("Working days left to act, on the server's clock: today counts while it is a working day, the last day counts; 0 once passed."),
      pausedSince: z.string().optional(),
      warnings: z.array(z.string()).describe("In the caller's language: e.g. a year whose holidays are not published yet."),
    })
    .optional(),
  correctionItems: z
    .array(z.object({ item: z.string(), reason: z.string(), materialId: z.string().optional().describe('The material of the case to replace.'), materialTitle: z.string().optional() }))
    .optional(),
  committee: z.object({ members: z.number(), present: z.number(), yes: z.number(), no: z.number(), abstain: z.number(), passed: z.boolean() }).optional(),
  certificateNumber: z.string().optional(),
  pendingTasks: z
    .array(z.object({ taskKey: z.string(), kind: z.string(), assigneeRole: z.string(), assigneeId: z.string().optional(), assigneeOrg: z.string().optional(), dueAt: z.string().optional() }))
    .describe("who must act next, by when (from the running workflow; taskKey is what an administrator's reassignment names)"),
  actions: z
    .array(z.enum(['resubmit', 'correct', 'object', 'appeal', 'withdraw']))
    .describe('What the caller may do now: resubmit (POST …/resubmission), correct (…/corrections), object (…/objections), appeal (…/appeal), withdraw (…/withdrawal).'),
  timeline: z.array(timelineEntry),
  tasks: z.array(taskView).describe('every task of the case, open and closed, with due dates and outcomes'),
  links: z.object({ self: z.string(), temporalUi: z.string().optional().describe("For administrators and the authority."), certificate: z.string().optional() }),
});
