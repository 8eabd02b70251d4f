import type { Db } from '../prisma/client';
import { rulesMissing } from '../domain/failures';
import type { AssessmentPolicy, GradingRules, PinnedAssessmentRules, ScoringStandard } from '../domain/assessment/policy';
import type { AssessmentRulesRequest } from '../domain/activities';

/**
 * What a membership pins at admission (DOMAIN §2, §3): the newest assessment policy, the scoring
 * standard of the talent's series × level (the same rows the appraisal reads eligibility from,
 * on the standard track) and the programme's grading rules, each as published by `at`.
 */
export async function loadAssessmentRules(db: Db, r: AssessmentRulesRequest): Promise<PinnedAssessmentRules> {
  const at = new Date(r.at);
  const programme = await db.programme.findUnique({ where: { id: r.programmeId } });
  if (!programme) throw rulesMissing('problem.no-programme', { id: r.programmeId });
  const policyRow = await db.policy.findFirst({ where: { key: 'assessment', publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  if (!policyRow) throw rulesMissing('rules.no-assessment-policy');
  const policy = policyRow.values as unknown as AssessmentPolicy;
  const cycle = policy.cycles[programme.talentType];
  if (!cycle) throw rulesMissing('rules.no-cycle', { talentType: programme.talentType });
  const standard = await db.standard.findFirst({
    where: { series: r.series, level: r.level, track: 'standard', publishedAt: { lte: at } },
    orderBy: { version: 'desc' },
  });
  const scoring = standard?.rules as Partial<Pick<ScoringStandard, 'criteria' | 'weights'>> | undefined;
  if (!standard || !scoring?.criteria?.length || !scoring.weights) throw rulesMissing('rules.no-scoring-standard', { series: r.series, level: r.level });
  const grading = await db.programmeStandard.findFirst({ where: { programmeId: r.programmeId, publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  if (!grading) throw rulesMissing('rules.no-grading', { programmeId: r.programmeId });
  return {
    policyVersion: policyRow.version,
    policy,
    talentType: programme.talentType,
    cycle,
    standard: { id: standard.id, version: standard.version, criteria: scoring.criteria, weights: scoring.weights },
    grading: { ...(grading.rules as unknown as Omit<GradingRules, 'version'>), version: grading.version },
  };
}
