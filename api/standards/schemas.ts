import { z } from 'zod';
import { standardRulesSchema } from '../../domain/appraisal/standard';
import { LEVELS } from '../../domain/appraisal/types';

const name = z.string().trim().min(1).max(50);

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
