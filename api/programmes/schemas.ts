import { z } from 'zod';
import { LEVELS } from '../../domain/appraisal/types';
import { gradingValuesSchema } from '../../domain/assessment/policy';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A programme's grading rules: grade boundaries in points and the optional 优秀 quota. */
export const gradingRulesSchema = gradingValuesSchema;

export const programmeParams = z.object({ id: text(100) });

export const createProgrammeBody = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,49}$/, 'lower-case letters, digits and dashes'),
  name: text(100),
  nameEn: text(100),
  /** A talent type of the assessment policy in force: it gives the cycle length and the term. */
  talentType: text(50),
  grading: gradingRulesSchema,
});

export const admitBody = z.object({
  talentId: text(100),
  employerId: text(100),
  /** The talent's title series and level: they select the standard the cycles are scored by. */
  series: text(50),
  level: z.enum(LEVELS),
  /** The admission batch, graded together cycle by cycle; the admission year by default. */
  intake: z.string().regex(/^[A-Za-z0-9-]{1,50}$/).optional(),
});

export const programmeSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  talentType: z.string(),
  gradingVersion: z.number().int(),
  runningMembers: z.number().int(),
});

export const gradingVersionSchema = z.object({ id: z.string(), programmeId: z.string(), version: z.number().int(), rules: gradingRulesSchema, publishedAt: z.string(), publishedBy: z.string() });

export const admittedReply = z.object({ id: z.string(), workflowId: z.string(), programmeId: z.string(), intake: z.string(), stage: z.string() });
