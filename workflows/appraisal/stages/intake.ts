// Submission: pin the rules in force, record the application, check eligibility (DOMAIN §1.1).
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { acts } from '../activities';
import { now, record } from '../deadlines';
import { ineligibilityReasons } from '../../../domain/appraisal/eligibility';
import { FAILURE, phraseOf } from '../../../domain/failures';
import { phrase, sayPhrase, type Phrase } from '../../../domain/words/say';
import type { AppraisalCase } from '../state';
import type { CaseFacts } from '../../../domain/activities';

/** Returns false when the case ends here (ineligible). */
export async function intake(c: AppraisalCase): Promise<boolean> {
  const { input } = c;
  let facts: CaseFacts | undefined;
  let missing: Phrase | undefined;
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
    if (!(err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === FAILURE.rulesMissing)) throw err;
    missing = phraseOf(err.cause) ?? phrase('text', { text: err.cause.message });
  }
  c.rules = facts?.rules;
  const pinned = facts ? { policyVersion: facts.rules.policyVersion, standardId: facts.rules.standard.id } : undefined;
  const caseData = { caseId: c.caseId, series: input.series, level: input.level, track: input.track };
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

  const reasons = ineligibilityReasons(
    { track: input.track, level: input.level, submission: c.submission, today: input.submittedAt.slice(0, 10), employer: facts.employer, integrity: facts.integrity, barredUntil: facts.barredUntil },
    facts.rules,
  );
  if (reasons.length === 0) return true;
  return ineligible(c, reasons);
}

/** The case ends: the applicant is told every reason, each a phrase said in their language. */
async function ineligible(c: AppraisalCase, reasons: Phrase[]): Promise<false> {
  const { input } = c;
  await record(
    c,
    c.move('ineligible', {
      actorId: 'system',
      action: 'eligibility-failed',
      status: 'ineligible',
      // The English words for logs and the workflow's own timeline; the audit keeps the phrases.
      note: reasons.map((r) => sayPhrase('en', r)).join('; '),
      why: reasons,
      mails: [{ eventKey: 'ineligible', to: { userId: input.applicantId }, template: 'stage-changed', data: { caseId: c.caseId, stage: 'ineligible' }, why: reasons }],
    }, now()),
  );
  return false;
}
