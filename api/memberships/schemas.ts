import { z } from 'zod';
import { EVALUATORS } from '../../domain/assessment/policy';

const text = (max: number) => z.string().trim().min(1).max(max);
const points = z.number().min(0).max(100);
const evidence = z.array(text(500)).max(50);

export const membershipParams = z.object({ id: z.uuid() });

/** `running`: active or paused (the memberships a supervision report may concern). */
export const membershipListQuery = z.object({
  status: z.enum(['running', 'active', 'paused', 'exited', 'completed', 'closed']).optional(),
  talentId: z.string().max(100).optional(),
});

export const membershipSummary = z.object({
  id: z.string(),
  programmeId: z.string(),
  talentId: z.string(),
  employerId: z.string(),
  series: z.string(),
  level: z.string(),
  status: z.string(),
  stage: z.string(),
  admittedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  labels: z
    .object({ programme: z.string(), talent: z.string(), employer: z.string(), stage: z.string(), status: z.string() })
    .describe("The programme, the talent's and employer's names, the stage and status in the caller's language."),
});

export const selfReportBody = z.object({
  summary: text(10000),
  milestones: z.array(z.object({ title: text(300), status: z.enum(['met', 'partly', 'missed']), evidence })).min(1).max(100),
  outputs: z.array(z.object({ kind: z.enum(['paper', 'patent', 'project', 'award', 'product', 'other']), title: text(300), evidence })).max(200),
});

export const evaluationBody = z.object({
  /** Needed only by someone holding more than one evaluator role. */
  as: z.enum(EVALUATORS).optional(),
  scores: z.record(z.string().max(50), points),
  opinion: text(5000),
  followUp: z.object({ met: z.boolean(), note: text(2000) }).optional(),
});

export const reasonBody = z.object({ reason: text(2000) });

export const exitReviewBody = z.object({
  trigger: z.enum(['integrity-violation', 'left-employer', 'ineligible-move', 'admin']),
  reason: text(2000),
});

export const stageReply = z.object({ id: z.string(), stage: z.string() });
