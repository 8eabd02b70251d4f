import { z } from 'zod';
import { POLICY_KEYS } from '../../domain/policy';

export const policyParams = z.object({ key: z.enum(POLICY_KEYS as [string, ...string[]]) });

export const publishPolicyBody = z.object({
  /** The whole policy: every value, as its schema defines it (see the current version for a start). */
  values: z.record(z.string(), z.unknown()),
});

export const policyVersionSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  values: z.record(z.string(), z.unknown()),
  publishedAt: z.string(),
  publishedBy: z.string(),
});

export const policySummarySchema = z.object({ key: z.string(), versions: z.number().int(), inForce: z.number().int().nullable() });
