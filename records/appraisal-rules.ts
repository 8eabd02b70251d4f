import type { Db } from '../prisma/client';
import { rulesMissing } from '../domain/failures';
import type { AppraisalPolicy } from '../domain/appraisal/policy';
import type { Predicate } from '../domain/appraisal/predicates';
import type { CaseFacts, RulesRequest } from '../domain/activities';
import { integrityBar } from './integrity';


/** Reads what a case pins at its start: the newest policy and standard published by `at`. */
export async function loadAppraisalRules(db: Db, r: RulesRequest): Promise<CaseFacts> {
  const at = new Date(r.at);
  const policyRow = await db.policy.findFirst({ where: { key: 'appraisal', publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  if (!policyRow) throw rulesMissing('eligibility.no-policy');
  const policy = policyRow.values as unknown as AppraisalPolicy;
  const track = policy.tracks[r.track];
  if (!track) throw rulesMissing('eligibility.no-track', { track: r.track });
  const standard = await db.standard.findFirst({
    where: { series: r.series, level: r.level, track: r.track, publishedAt: { lte: at } },
    orderBy: { version: 'desc' },
  });
  if (!standard) throw rulesMissing('eligibility.no-standard', { series: r.series, level: r.level, track: r.track });
  const employer = await db.organisation.findUniqueOrThrow({ where: { id: r.employerId } });
  const bar = await integrityBar(db, r.applicantId, at);
  const eligibility = ((standard.rules as { eligibility?: Predicate[] }).eligibility ?? []) as Predicate[];
  return {
    rules: {
      policyVersion: policyRow.version,
      policy,
      track,
      deadlines: { ...policy.deadlines, ...(track.deadlines ?? {}) },
      standard: { id: standard.id, version: standard.version, eligibility },
    },
    employer: { kind: employer.kind, privateEnterprise: employer.privateEnterprise },
    ...(bar ? { barredUntil: bar.barUntil, integrity: bar } : {}),
  };
}
