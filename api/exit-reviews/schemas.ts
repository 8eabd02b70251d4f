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

export const stageReply = z.object({ id: z.string(), stage: z.string() });
