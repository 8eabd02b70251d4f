import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const exitReviewParams = z.object({ id: text(200) });

export const defenceBody = z.object({
  statement: text(20000),
  evidence: z.array(text(500)).max(50).default([]),
});

export const exitAppealBody = z.object({ reason: text(5000) });

export const exitDecisionBody = z
  .object({ decision: z.enum(['exit', 'retain', 'dismiss']), reason: text(2000), improvementPlan: text(5000).optional() })
  .refine((b) => b.decision !== 'retain' || b.improvementPlan !== undefined, { path: ['improvementPlan'], message: 'retaining needs an improvement plan' });

export const opinionBody = z.object({
  as: z.enum(['employer', 'industry']).describe('whose opinion: the talent’s employer, or the industry body'),
  opinion: text(20000),
});

export const dismissalBody = z.object({ reason: text(2000).describe('why the trigger does not hold') });

export const planBody = z.object({ plan: text(5000).describe('what the talent must achieve, checked in the next cycle') });

export const planReviewBody = z
  .object({ verdict: z.enum(['approve', 'send-back']), note: text(2000).optional().describe('required to send the plan back') })
  .refine((b) => b.verdict !== 'send-back' || b.note !== undefined, { path: ['note'], message: 'a note is required to send the plan back' });

export { decisionIdempotencyHeaders as idempotencyHeaders } from '../applications/schemas';

export const stageReply = z.object({ id: z.string(), stage: z.string() });
