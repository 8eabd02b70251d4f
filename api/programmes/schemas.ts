import { z } from 'zod';
import { LEVELS } from '../../domain/appraisal/types';
import { gradingValuesSchema } from '../../domain/assessment/policy';
import { BASES, KINDS } from '../../domain/entitlements/money';

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

/** One grant: money in whole fen (per month, or once); in kind has no money. */
export const grantSchema = z
  .object({
    kind: z.enum(KINDS),
    basis: z.enum(BASES),
    amountFen: z.number().int().min(0).max(1_000_000_000),
    /** How long from admission; the whole term when absent. */
    months: z.number().int().min(1).max(240).optional(),
  })
  .refine((g) => (g.basis === 'in-kind') === (g.amountFen === 0), { path: ['amountFen'], message: 'in kind has no money (0); money grants more than 0 fen' });

/** A new version of a programme's grants, the whole set (none: no grants from now on). */
export const grantsBody = z.object({
  grants: z
    .array(grantSchema)
    .max(KINDS.length)
    .superRefine((gs, ctx) => {
      gs.forEach((g, i) => {
        if (gs.findIndex((o) => o.kind === g.kind) !== i) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `${g.kind} is granted twice` });
      });
    }),
});

export const grantsVersionSchema = z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string().optional(), grants: z.array(grantSchema) });
