// Every kind of policy, by its key, with the schema that is its one definition. A policy is a
// versioned row (Policy: key, version, values, publishedAt); a case pins the version in force when
// it starts; a version below DOMAIN's floors cannot be published.
import type { z } from 'zod';
import { appraisalPolicySchema } from './appraisal/policy';
import { assessmentPolicySchema } from './assessment/policy';
import { planSchema } from './plan';

export const POLICY_SCHEMAS = {
  appraisal: appraisalPolicySchema,
  assessment: assessmentPolicySchema,
  plan: planSchema,
} as const;

export type PolicyKey = keyof typeof POLICY_SCHEMAS;
export const POLICY_KEYS = Object.keys(POLICY_SCHEMAS) as PolicyKey[];
export type PolicyValues<K extends PolicyKey> = z.infer<(typeof POLICY_SCHEMAS)[K]>;
