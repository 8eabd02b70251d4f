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

export const pinsQuery = z.object({ version: z.coerce.number().int().min(1).optional().meta({ description: 'Only the cases that pinned this version (default: every version)' }) });

export const pinSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['application', 'membership']).meta({ description: 'application: a title appraisal (appraisal policy); membership: a programme membership (assessment policy)' }),
  id: z.string(),
  caseNumber: z.string().nullable().meta({ description: '受理编号 (title applications recorded with one)' }),
  stage: z.string(),
  status: z.string(),
});
