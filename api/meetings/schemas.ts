import { z } from 'zod';
import { MEETING_KINDS, MEETING_STAGES } from '../../domain/committee/types';
import { pagingQuery } from '../http/paging';
import { materialView } from '../drafts/schemas';

export const meetingParams = z.object({ id: z.string().min(1).max(200) });

const reason = z.string().trim().min(1, 'a reason is required').max(2000);
const future = z.iso.datetime({ offset: true }).describe('ISO instant in the future');

export const conveneBody = z.object({ scheduledFor: future.optional() });
export const emptyBody = z.object({});
export const recuseBody = z.object({ reason });
export const opinionBody = z.object({ caseId: z.string().min(1).max(200), opinion: z.string().trim().min(1).max(10000) });
export const voteBody = z.object({ caseId: z.string().min(1).max(200), choice: z.enum(['yes', 'no', 'abstain']) });
export const redrawBody = z.object({ reason });
export const rescheduleBody = z.object({ reason, scheduledFor: future.optional() });

export const listMeetingsQuery = z.object({
  status: z.enum(MEETING_STAGES).optional(),
  series: z.string().max(50).optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  ...pagingQuery,
});

export const quorumSchema = z.object({
  members: z.number().describe('committee size'),
  seated: z.number(),
  present: z.number(),
  required: z.number().nullable().describe('members present needed (≥ 2/3 by policy); null when the rules are unknown'),
  reached: z.boolean().nullable(),
});

export const meetingSummary = z.object({
  id: z.string(),
  workflowId: z.string(),
  series: z.string(),
  kind: z.string(),
  status: z.string(),
  scheduledFor: z.string().nullable(),
  cases: z.number(),
  quorum: quorumSchema,
  links: z.object({ self: z.string(), temporalUi: z.string().optional() }),
  mine: z
    .object({ role: z.string(), status: z.string(), present: z.boolean() })
    .optional()
    .describe("an expert's own seat: panel or member, seated / recused / absent, checked in or not"),
});

export const seatSchema = z.object({
  expertId: z.string(),
  role: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  present: z.boolean(),
  drawOrder: z.number(),
});

const fraction = z.object({ num: z.number(), den: z.number() });

export const meetingDetail = meetingSummary.extend({
  live: z.boolean(),
  rules: z
    .object({
      quorum: fraction.describe('members present needed, as a share of the committee (≥ 2/3)'),
      pass: fraction.describe('yes votes needed, as a share of the members present (≥ 2/3)'),
      yesNeeded: z.number().nullable().describe('yes votes a case needs with the members present now; null while nobody is present'),
    })
    .nullable()
    .describe('the rules the meeting runs by (its cases’ policy); null when unknown'),
  checkInDeadline: z.string().optional(),
  votingClosesAt: z.string().optional(),
  escalation: z.object({ reason: z.string(), at: z.string() }).optional(),
  seats: z.array(seatSchema).describe('every seat for administrators; an expert sees their own'),
  agenda: z.array(
    z.object({
      caseId: z.string(),
      ballotsCast: z.number().describe('how many, never who or how'),
      opinions: z.number(),
      tally: z.object({ members: z.number(), present: z.number(), yes: z.number(), no: z.number(), abstain: z.number(), passed: z.boolean() }).optional(),
      votedByMe: z.boolean().optional().describe('whether the caller has voted on the case (never how)'),
      dossier: z
        .object({ caseNumber: z.string().nullable(), applicantName: z.string(), series: z.string(), level: z.string(), track: z.string(), field: z.string() })
        .optional()
        .describe('who applies for what, for those who may read the case'),
      materials: z.array(materialView).optional().describe('the case’s materials as they stand, for those who may read them'),
      exitDossier: z
        .object({
          reviewId: z.string(),
          membershipId: z.string(),
          talentName: z.string(),
          programmeId: z.string(),
          series: z.string(),
          trigger: z.object({ kind: z.string(), reason: z.string() }),
          defence: z.string().nullable().describe('the talent’s statement of defence (陈述申辩); null when none was filed'),
          opinions: z.object({ employer: z.string().nullable(), industry: z.string().nullable() }),
          grades: z.array(z.object({ cycle: z.number(), grade: z.string().nullable(), score: z.number().nullable() })).describe('the membership’s grades by cycle'),
        })
        .optional()
        .describe('an exit review on an exit committee’s agenda: what its experts read before voting on the motion "exit"'),
    }),
  ),
});

export const actionHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retrying an action with the same key (and body) answers as the first time instead of acting twice.'),
});

export const meetingStageReply = z.object({ id: z.string(), stage: z.string() });
