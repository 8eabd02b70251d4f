import { z } from 'zod';
import { EVALUATORS } from '../../domain/assessment/policy';

const text = (max: number) => z.string().trim().min(1).max(max);
const points = z.number().min(0).max(100);
const evidence = z.array(text(500)).max(50);

export const membershipParams = z.object({ id: z.uuid() });

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
