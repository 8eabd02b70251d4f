// Submission: pin the rules in force, record the application, check eligibility (DOMAIN §1.1).
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { acts } from '../activities';
import { now, record } from '../deadlines';
import { unmet } from '../../../domain/appraisal/predicates';
import type { AppraisalCase } from '../state';
import type { CaseFacts } from '../../../domain/activities';

/** Returns false when the case ends here (ineligible). */
export async function intake(c: AppraisalCase): Promise<boolean> {
  const { input } = c;
  let facts: CaseFacts | undefined;
  let missing: string | undefined;
  try {
    facts = await acts.loadAppraisalRules({
      track: input.track,
      series: input.series,
      level: input.level,
      employerId: input.employerId,
      applicantId: input.applicantId,
      at: input.submittedAt,
    });
  } catch (err) {
    // No track or standard for what was asked: the application is ineligible, not broken.
    if (!(err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === 'RulesMissing')) throw err;
    missing = err.cause.message;
  }
  c.rules = facts?.rules;
  const pinned = facts ? { policyVersion: facts.rules.policyVersion, standardId: facts.rules.standard.id } : undefined;
  const caseData = { caseId: c.caseId, series: input.series, level: input.level };
  await acts.recordSubmission(
    input,
    c.move('submitted', {
      actorId: input.applicantId,
      action: 'submit',
      ...(pinned ? { detail: pinned } : {}),
      mails: [{ eventKey: 'receipt', to: { userId: input.applicantId }, template: 'application-submitted', data: caseData }],
    }, input.submittedAt),
    pinned,
  );
  c.recorded++;
  if (!facts) return ineligible(c, [missing!]);

  const { track, standard } = facts.rules;
  const eligibility = {
    submission: c.submission,
    today: input.submittedAt.slice(0, 10),
    employer: facts.employer,
  };
  const reasons = [
    ...(facts.barredUntil ? [`an integrity record bars applications until ${facts.barredUntil.slice(0, 10)}`] : []),
    ...(track.channels.includes(facts.employer.kind) ? [] : [`the ${input.track} track is not open through a ${facts.employer.kind}`]),
    ...(track.levels.includes(input.level) ? [] : [`the ${input.track} track does not lead to the level ${input.level}`]),
    ...unmet(track.entry, eligibility),
    ...unmet(standard.eligibility, eligibility),
  ];
  if (reasons.length === 0) return true;
  return ineligible(c, reasons);
}

async function ineligible(c: AppraisalCase, reasons: string[]): Promise<false> {
  const { input } = c;
  await record(
    c,
    c.move('ineligible', {
      actorId: 'system',
      action: 'eligibility-failed',
      status: 'ineligible',
      note: reasons.join('; '),
      detail: { reasons },
      mails: [{ eventKey: 'ineligible', to: { userId: input.applicantId }, template: 'stage-changed', data: { caseId: c.caseId, stage: 'ineligible', reason: reasons.join('; ') } }],
    }, now()),
  );
  return false;
}
