// What a title application pins when it starts (DOMAIN §1, §2): the appraisal policy and the
// standard in force then, with the facts eligibility needs (the employer, an integrity bar).
import { ApplicationFailure } from '@temporalio/common';
import type { CaseFacts, RulesRequest } from '../domain/activities';
import { standardRulesSchema } from '../domain/appraisal/standard';
import type { Db } from '../prisma/client';
import { loadPolicy, PolicyMissing } from './policy';

const fail = (message: string) => ApplicationFailure.create({ type: 'RulesMissing', message, nonRetryable: true });

/** Reads what a case pins at its start: the newest policy and standard published by `at`. */
export async function loadAppraisalRules(db: Db, r: RulesRequest): Promise<CaseFacts> {
  const at = new Date(r.at);
  const policy = await loadPolicy(db, 'appraisal', { at }).catch((err: unknown) => {
    throw err instanceof PolicyMissing ? fail('no appraisal policy is published') : err;
  });
  const track = policy.values.tracks[r.track];
  if (!track) throw fail(`the policy has no track ${r.track}`);
  const standard = await db.standard.findFirst({
    where: { series: r.series, level: r.level, track: r.track, publishedAt: { lte: at } },
    orderBy: { version: 'desc' },
  });
  if (!standard) throw fail(`no standard for ${r.series} / ${r.level} / ${r.track}`);
  const employer = await db.organisation.findUniqueOrThrow({ where: { id: r.employerId } });
  const bar = await db.integrityRecord.findFirst({
    where: { userId: r.applicantId, barUntil: { gt: at } },
    orderBy: { barUntil: 'desc' },
  });
  return {
    rules: {
      policyVersion: policy.version,
      policy: policy.values,
      track,
      deadlines: { ...policy.values.deadlines, ...(track.deadlines ?? {}) },
      standard: { id: standard.id, version: standard.version, eligibility: standardRulesSchema.parse(standard.rules).eligibility },
    },
    employer: { kind: employer.kind, privateEnterprise: employer.privateEnterprise },
    ...(bar ? { barredUntil: bar.barUntil.toISOString() } : {}),
  };
}
