// What a programme membership pins at admission (DOMAIN §2, §3).
import type { AssessmentRulesRequest } from '../domain/activities';
import { standardRulesSchema } from '../domain/appraisal/standard';
import { gradingValuesSchema, type PinnedAssessmentRules } from '../domain/assessment/policy';
import { rulesMissing } from '../domain/failures';
import type { Db } from '../prisma/client';
import { loadPolicy, PolicyMissing } from './policy';

/**
 * The newest assessment policy, the scoring standard of the talent's series × level (the same
 * rows the appraisal reads eligibility from, on the standard track) and the programme's grading
 * rules, each as published by `at`.
 */
export async function loadAssessmentRules(db: Db, r: AssessmentRulesRequest): Promise<PinnedAssessmentRules> {
  const at = new Date(r.at);
  const programme = await db.programme.findUnique({ where: { id: r.programmeId } });
  if (!programme) throw rulesMissing('problem.no-programme', { id: r.programmeId });
  const policy = await loadPolicy(db, 'assessment', { at }).catch((err: unknown) => {
    throw err instanceof PolicyMissing ? rulesMissing('rules.no-assessment-policy') : err;
  });
  const cycle = policy.values.cycles[programme.talentType];
  if (!cycle) throw rulesMissing('rules.no-cycle', { talentType: programme.talentType });
  const standard = await db.standard.findFirst({
    where: { series: r.series, level: r.level, track: 'standard', publishedAt: { lte: at } },
    orderBy: { version: 'desc' },
  });
  const scoring = standard && standardRulesSchema.safeParse(standard.rules);
  if (!standard || !scoring?.success) throw rulesMissing('rules.no-scoring-standard', { series: r.series, level: r.level });
  const grading = await db.programmeStandard.findFirst({ where: { programmeId: r.programmeId, publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  if (!grading) throw rulesMissing('rules.no-grading', { programmeId: r.programmeId });
  return {
    policyVersion: policy.version,
    policy: policy.values,
    talentType: programme.talentType,
    cycle,
    standard: { id: standard.id, version: standard.version, criteria: scoring.data.criteria, weights: scoring.data.weights },
    grading: { ...gradingValuesSchema.parse(grading.rules), version: grading.version },
  };
}
