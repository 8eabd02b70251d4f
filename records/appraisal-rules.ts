// What a title application pins when it starts (DOMAIN §1, §2): the appraisal policy and the
// standard in force then, with the facts eligibility needs (the employer, an integrity bar).
import type { CaseFacts, RulesRequest } from '../domain/activities';
import { standardRulesSchema } from '../domain/appraisal/standard';
import { rulesMissing } from '../domain/failures';
import type { Db } from '../prisma/client';
import { integrityBar } from './integrity';
import { loadPolicy, PolicyMissing } from './policy';

/** Reads what a case pins at its start: the newest policy and standard published by `at`. */
export async function loadAppraisalRules(db: Db, r: RulesRequest): Promise<CaseFacts> {
  const at = new Date(r.at);
  const policy = await loadPolicy(db, 'appraisal', { at }).catch((err: unknown) => {
    throw err instanceof PolicyMissing ? rulesMissing('eligibility.no-policy') : err;
  });
  const track = policy.values.tracks[r.track];
  if (!track) throw rulesMissing('eligibility.no-track', { track: r.track });
  const standard = await db.standard.findFirst({
    where: { series: r.series, level: r.level, track: r.track, publishedAt: { lte: at } },
    orderBy: { version: 'desc' },
  });
  if (!standard) throw rulesMissing('eligibility.no-standard', { series: r.series, level: r.level, track: r.track });
  const employer = await db.organisation.findUniqueOrThrow({ where: { id: r.employerId } });
  const bar = await integrityBar(db, r.applicantId, at);
  return {
    rules: {
      policyVersion: policy.version,
      policy: policy.values,
      track,
      deadlines: { ...policy.values.deadlines, ...(track.deadlines ?? {}) },
      standard: { id: standard.id, version: standard.version, eligibility: standardRulesSchema.parse(standard.rules).eligibility },
    },
    employer: { kind: employer.kind, privateEnterprise: employer.privateEnterprise },
    ...(bar ? { barredUntil: bar.barUntil, integrity: bar } : {}),
  };
}
