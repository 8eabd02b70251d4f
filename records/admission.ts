// Admitting a talent to a programme: the checks that refuse it, the membership row, and the
// start of its assessment workflow. The API's admission route is a thin call into this.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../prisma/client';
import type { AssessmentInput, MembershipFacts } from '../domain/assessment/types';
import { loadAssessmentRules } from './assessment-rules';
import { assessmentWorkflowId } from '../domain/ids';
import { FAILURE, phraseOf } from '../domain/failures';
import { phrase, type Phrase } from '../domain/words/say';
import { WordedError } from '../domain/words/worded';
import { integrityBar } from './integrity';
import { barReason } from '../domain/integrity';
import { writeEntitlements } from './entitlements';

export interface AdmissionRequest {
  programmeId: string;
  talentId: string;
  employerId: string;
  series: string;
  level: string;
  /** The admission batch; the admission year by default. */
  intake?: string;
  admittedBy: string;
  /** Defaults to now; tests on a time-skipping server pass its time. */
  at: Date;
}

/** Why an admission is refused, with the HTTP status the API answers. */
export class AdmissionRefused extends WordedError {
  constructor(
    readonly status: 400 | 404 | 409,
    phrase: Phrase,
  ) {
    super(phrase);
  }
}

/**
 * Refuses while the talent is a running member of the programme, is barred from re-entry after
 * an exit (any programme, DOMAIN §4) or has an integrity record barring them (DOMAIN §5); checks,
 * the membership and its entitlements (the programme's grants in force) are one transaction. Then starts `assessment-<membershipId>`; if that fails the
 * row is removed again, so a retry is not refused by a membership that never ran.
 */
export async function admitTalent(deps: { db: Db; temporal: Client; taskQueue: string }, r: AdmissionRequest): Promise<MembershipFacts & { workflowId: string }> {
  const { db } = deps;
  const { at } = r;
  const programme = await db.programme.findUnique({ where: { id: r.programmeId } });
  if (!programme) throw new AdmissionRefused(404, phrase('problem.no-programme', { id: r.programmeId }));
  const talent = await db.user.findUnique({ where: { id: r.talentId } });
  if (!talent) throw new AdmissionRefused(400, phrase('problem.no-user', { id: r.talentId }));
  let rules;
  try {
    rules = await loadAssessmentRules(db, { programmeId: r.programmeId, series: r.series, level: r.level, at: at.toISOString() });
  } catch (err) {
    if (err instanceof ApplicationFailure && err.type === FAILURE.rulesMissing) throw new AdmissionRefused(400, phraseOf(err) ?? phrase('text', { text: err.message }));
    throw err;
  }
  // Who may employ a member is the policy's: an employer or a talent service centre by default.
  const employer = await db.organisation.findUnique({ where: { id: r.employerId } });
  const kinds = rules.policy.admission.employerKinds;
  if (!employer || !kinds.includes(employer.kind)) throw new AdmissionRefused(400, phrase('problem.no-employer', { id: r.employerId }));

  const id = randomUUID();
  const facts: MembershipFacts = {
    membershipId: id,
    programmeId: r.programmeId,
    talentId: r.talentId,
    employerId: r.employerId,
    series: r.series,
    level: r.level,
    intake: r.intake ?? at.toISOString().slice(0, 4),
    admittedAt: at.toISOString(),
    admittedBy: r.admittedBy,
  };
  const workflowId = assessmentWorkflowId(id);
  await db.$transaction(async (tx) => {
    const running = await tx.membership.findFirst({ where: { talentId: r.talentId, programmeId: r.programmeId, status: { in: ['active', 'paused'] } } });
    if (running) throw new AdmissionRefused(409, phrase('problem.already-member', { programme: { 'zh-CN': programme.name, en: programme.nameEn }, membershipId: running.id }));
    const barred = await tx.membership.findFirst({ where: { talentId: r.talentId, reentryBarUntil: { gt: at } }, orderBy: { reentryBarUntil: 'desc' } });
    if (barred) {
      const left = await tx.programme.findUnique({ where: { id: barred.programmeId } });
      const programme = left ? { 'zh-CN': left.name, en: left.nameEn } : barred.programmeId;
      throw new AdmissionRefused(409, phrase('problem.reentry-barred', { until: barred.reentryBarUntil!.toISOString(), programme }));
    }
    const integrity = await integrityBar(tx, r.talentId, at);
    if (integrity) throw new AdmissionRefused(409, barReason(integrity));
    await tx.membership.create({
      data: {
        id,
        workflowId,
        programmeId: r.programmeId,
        talentId: r.talentId,
        employerId: r.employerId,
        series: r.series,
        level: r.level,
        intake: facts.intake,
        admittedAt: at,
        admittedBy: r.admittedBy,
      },
    });
    // The programme's grants in force, from the admission date to the planned term end.
    await writeEntitlements(tx, { membershipId: id, programmeId: r.programmeId, at, termMonths: rules.cycle.cycleMonths * rules.cycle.termCycles });
  });
  const input: AssessmentInput = { version: 1, membership: facts };
  try {
    await deps.temporal.workflow.start('periodicAssessment', { workflowId, taskQueue: deps.taskQueue, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
  } catch (err) {
    await db.$transaction([db.entitlement.deleteMany({ where: { membershipId: id } }), db.membership.delete({ where: { id } })]);
    throw err;
  }
  return { ...facts, workflowId };
}
