import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../prisma/client';
import type { AppraisalPolicy } from '../domain/appraisal/policy';
import type { Predicate } from '../domain/appraisal/predicates';
import type { CaseFacts, RulesRequest } from '../domain/activities';

const fail = (message: string) => ApplicationFailure.create({ type: 'RulesMissing', message, nonRetryable: true });

/** Reads what a case pins at its start: the newest policy and standard published by `at`. */
export async function loadAppraisalRules(db: Db, r: RulesRequest): Promise<CaseFacts> {
  const at = new Date(r.at);
  const policyRow = await db.policy.findFirst({ where: { key: 'appraisal', publishedAt: { lte: at } }, orderBy: { version: 'desc' } });
  if (!policyRow) throw fail('no appraisal policy is published');
  const policy = policyRow.values as unknown as AppraisalPolicy;
  const track = policy.tracks[r.track];
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
    ...(bar ? { barredUntil: bar.barUntil.toISOString() } : {}),
  };
}
