import { z } from 'zod';
import { LEVELS } from '../../domain/appraisal/types';

const EDUCATION = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;
const ACHIEVEMENTS = ['paper', 'patent', 'project', 'award', 'product'] as const;
const name = z.string().trim().min(1).max(50);
const sumsToOne = (xs: number[]) => Math.abs(xs.reduce((a, b) => a + b, 0) - 1) < 1e-6;

/** The eligibility predicates the appraisal evaluates (workflows/appraisal/predicates.ts). */
export const predicateSchema = z.discriminatedUnion('kind', [
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

export const publishStandardBody = z.object({
  series: name,
  level: z.enum(LEVELS),
  /** A track of the appraisal policy in force: standard, direct (直通车), green (绿色通道), … */
  track: name.default('standard'),
  rules: standardRulesSchema,
});

export const listStandardsQuery = z.object({ series: name.optional(), level: z.enum(LEVELS).optional(), track: name.optional() });

export const standardSchema = z.object({
  id: z.string(),
  series: z.string(),
  level: z.string(),
  track: z.string(),
  version: z.number().int(),
  rules: standardRulesSchema,
  publishedAt: z.string(),
  publishedBy: z.string(),
});
