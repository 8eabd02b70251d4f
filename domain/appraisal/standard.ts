// A standard (分层分类, DOMAIN §2) as data: per series × level × track, the eligibility predicates
// the appraisal evaluates, the evidence it requires, the scored criteria and the evaluators'
// weights the assessment scores by. One schema, used when it is published and when it is read.
import { z } from 'zod';
import type { Predicate } from './predicates';
import { LEVELS } from './types';

const EDUCATION = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;
const ACHIEVEMENTS = ['paper', 'patent', 'project', 'award', 'product'] as const;
const sumsToOne = (xs: number[]) => Math.abs(xs.reduce((a, b) => a + b, 0) - 1) < 1e-6;

/** The eligibility predicates the appraisal evaluates (domain/appraisal/predicates.ts). */
export const predicateSchema: z.ZodType<Predicate> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minEducation'), value: z.enum(EDUCATION) }),
  z.object({ kind: z.literal('minYearsInCurrentTitle'), value: z.number().int().min(0).max(50) }),
  z.object({ kind: z.literal('currentLevel'), value: z.enum(LEVELS) }),
  z.object({ kind: z.literal('anyQualification'), value: z.array(z.string().trim().min(1).max(50)).min(1).max(20) }),
  z.object({ kind: z.literal('minAchievements'), kinds: z.array(z.enum(ACHIEVEMENTS)).min(1), count: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal('privateEmployer') }),
]);

export const standardRulesSchema = z.object({
  eligibility: z.array(predicateSchema).max(50),
  requiredEvidence: z.array(z.string().trim().min(1).max(100)).max(50),
  /** Scored criteria: weights add up to 1; a weighted score below `min` caps the grade at 基本合格. */
  criteria: z
    .array(z.object({ key: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/), weight: z.number().gt(0).max(1), min: z.number().min(0).max(100) }))
    .min(1)
    .max(20)
    .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'criterion keys must be unique')
    .refine((cs) => sumsToOne(cs.map((c) => c.weight)), 'criterion weights must add up to 1'),
  /** Weights of the employer, industry and expert evaluations in the composite score. */
  weights: z
    .object({ employer: z.number().min(0).max(1), industry: z.number().min(0).max(1), expert: z.number().min(0).max(1) })
    .refine((w) => sumsToOne([w.employer, w.industry, w.expert]), 'evaluator weights must add up to 1'),
});
export type StandardRules = z.infer<typeof standardRulesSchema>;
