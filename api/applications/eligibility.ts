// A case's eligibility as its reviewers read it: the same function the workflow's intake ran
// (domain/appraisal/eligibility.ts), against the policy in force at submission and the standard
// the case pinned, with the integrity record as it stood then. Every reason, in the caller's words.
import { ApplicationFailure } from '@temporalio/common';
import { ineligibilityReasons } from '../../domain/appraisal/eligibility';
import { standardRulesSchema } from '../../domain/appraisal/standard';
import type { Level, Submission } from '../../domain/appraisal/types';
import { FAILURE, phraseOf } from '../../domain/failures';
import type { Locale } from '../../domain/words/locale';
import { phrase, sayPhrase, type Phrase } from '../../domain/words/say';
import type { Db } from '../../prisma/client';
import { loadAppraisalRules } from '../../records/appraisal-rules';

interface CaseRow {
  id: string;
  applicantId: string;
  employerId: string;
  track: string;
  series: string;
  level: string;
  standardId: string | null;
  policyVersion: number | null;
  submission: unknown;
  submittedAt: Date;
}

export async function eligibilityOf(db: Db, app: CaseRow, locale: Locale) {
  const at = app.submittedAt.toISOString();
  const pinned = app.standardId ? await db.standard.findUnique({ where: { id: app.standardId } }) : null;
  let reasons: Phrase[];
  let standard = pinned;
  try {
    const facts = await loadAppraisalRules(db, { track: app.track, series: app.series, level: app.level as Level, employerId: app.employerId, applicantId: app.applicantId, at });
    standard ??= await db.standard.findUnique({ where: { id: facts.rules.standard.id } });
    const rules = pinned ? { ...facts.rules, standard: { ...facts.rules.standard, id: pinned.id, version: pinned.version, eligibility: standardRulesSchema.parse(pinned.rules).eligibility } } : facts.rules;
    reasons = ineligibilityReasons(
      { track: app.track, level: app.level as Level, submission: app.submission as Submission, today: at.slice(0, 10), employer: facts.employer, integrity: facts.integrity, barredUntil: facts.barredUntil },
      rules,
    );
  } catch (err) {
    if (!(err instanceof ApplicationFailure && err.type === FAILURE.rulesMissing)) throw err;
    reasons = [phraseOf(err) ?? phrase('text', { text: err.message })];
  }
  return {
    eligible: reasons.length === 0,
    checkedAt: at,
    policyVersion: app.policyVersion,
    standard: standard ? { id: standard.id, series: standard.series, level: standard.level, track: standard.track, version: standard.version, publishedAt: standard.publishedAt.toISOString() } : null,
    reasons: reasons.map((r) => ({ code: r.key, reason: sayPhrase(locale, r) })),
  };
}
