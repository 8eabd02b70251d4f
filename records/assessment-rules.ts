// What a programme membership pins at admission (DOMAIN §2, §3).
import { ApplicationFailure } from '@temporalio/common';
import type { AssessmentRulesRequest } from '../domain/activities';
import { standardRulesSchema } from '../domain/appraisal/standard';
import { gradingValuesSchema, type PinnedAssessmentRules } from '../domain/assessment/policy';
import type { Db } from '../prisma/client';
import { loadPolicy, PolicyMissing } from './policy';

const fail = (message: string) => ApplicationFailure.create({ type: 'RulesMissing', message, nonRetryable: true });

/**
 * The newest assessment policy, the scoring standard of the talent's series × level (the same
 * rows the appraisal reads eligibility from, on the standard track) and the programme's grading
 * rules, each as published by `at`.
 */
export async function loadAssessmentRules(db: Db, r: AssessmentRulesRequest): Promise<PinnedAssessmentRules> {
  const at = new Date(r.at);
  const programme = await db.programme.findUnique({ where: { id: r.programmeId } });
  if (!programme) throw fail(`no programme ${r.programmeId}`);
  const policy = await loadPolicy(db, 'assessment', { at }).catch((err: unknown) => {
    throw err instanceof PolicyMissing ? fail('no assessment policy is published') : err;
  });
  const cycle = policy.values.cycles[programme.talentType];
  if (!cycle) throw fail(`the assessment policy has no cycle for the talent type ${programme.talentType}`);
  const standard = await db.standard.findFirst({
    where: { series: r.series, level: r.level, track: 'standard', publishedAt: { lte: at } },
    orderBy: { version: 'desc' },
  });
  const scoring = standard && standardRulesSchema.safeParse(standard.rules);
  if (!standard || !scoring?.success) throw fail(`no scoring standard for ${r.series} / ${r.level}`);
  const grading = await db.programmeStandard.findFirst({ where: { programmeId: r.programmeId, publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  if (!grading) throw fail(`no grading rules for the programme ${r.programmeId}`);
  return {
    policyVersion: policy.version,
    policy: policy.values,
    talentType: programme.talentType,
    cycle,
    standard: { id: standard.id, version: standard.version, criteria: scoring.data.criteria, weights: scoring.data.weights },
    grading: { ...gradingValuesSchema.parse(grading.rules), version: grading.version },
  };
}
