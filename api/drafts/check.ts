// The pre-check (保存并检查) of a draft: what a submission of it now would be refused or found
// ineligible for, each with its reason. The same rules the case pins at submission (the policy
// and standard in force at the instant asked, the integrity record), the same eligibility function
// as the workflow's intake, and the dossier against the standard's required evidence.
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { ineligibilityReasons } from '../../domain/appraisal/eligibility';
import { dossierGaps } from '../../domain/dossier/completeness';
import { FAILURE, phraseOf } from '../../domain/failures';
import type { Locale } from '../../domain/words/locale';
import { phrase, sayPhrase, type Phrase } from '../../domain/words/say';
import type { Db } from '../../prisma/client';
import { loadAppraisalRules } from '../../records/appraisal-rules';
import { listMaterials } from '../../records/materials';
import { achievementSchema, submitApplicationBody, type SubmitApplicationBody } from '../applications/schemas';
import type { DraftContent } from './schemas';

/** The submission's schema, but an achievement's evidence may still be missing: the dossier check names it. */
const draftSubmission = submitApplicationBody.extend({
  submission: submitApplicationBody.shape.submission.extend({ achievements: z.array(achievementSchema.extend({ evidence: z.array(z.string()) })).max(100) }),
});

export interface Finding {
  path: string;
  reason: Phrase;
}

export interface CheckResult {
  /** The submission the draft makes, when its fields are complete. */
  body?: SubmitApplicationBody;
  findings: Finding[];
  pinned?: { policyVersion: number; standardId: string; standardVersion: number };
}

/** The field a zod issue is about, as the catalogue names fields (`submission.currentTitle`). */
function fieldOf(path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  return named[0] === 'submission' && named[1] ? `submission.${named[1]}` : (named[0] ?? 'submission');
}

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);

/** The submission a draft makes: each achievement's evidence is the materials that back it. */
function submissionOf(content: DraftContent, materials: readonly { id: string; achievement: number | null }[]) {
  const achievements = (content.submission?.achievements ?? []).map((a, i) => ({
    ...a,
    evidence: materials.filter((m) => m.achievement === i).map((m) => m.id),
  }));
  return { track: 'standard', ...content, submission: { ...content.submission, achievements } };
}

export async function checkDraft(db: Db, draft: { id: string; applicantId: string; content: DraftContent }, at: Date): Promise<CheckResult> {
  const materials = await listMaterials(db, { draftId: draft.id });
  const candidate = submissionOf(draft.content, materials);
  const parsed = draftSubmission.safeParse(candidate);
  if (!parsed.success) {
    const findings = parsed.error.issues.map((i) => {
      const missing = valueAt(candidate, i.path) === undefined;
      return { path: `content.${i.path.join('.')}`, reason: phrase(missing ? 'check.field-missing' : 'check.field-invalid', { field: fieldOf(i.path) }) };
    });
    return { findings };
  }
  const body: SubmitApplicationBody = parsed.data;

  const employer = await db.organisation.findUnique({ where: { id: body.employerId } });
  if (!employer) return { body, findings: [{ path: 'content.employerId', reason: phrase('check.no-employer', { id: body.employerId }) }] };
  let facts;
  try {
    facts = await loadAppraisalRules(db, { track: body.track, series: body.series, level: body.level, employerId: body.employerId, applicantId: draft.applicantId, at: at.toISOString() });
  } catch (err) {
    if (!(err instanceof ApplicationFailure && err.type === FAILURE.rulesMissing)) throw err;
    return { body, findings: [{ path: 'content.track', reason: phraseOf(err) ?? phrase('text', { text: err.message }) }] };
  }
  const reasons = ineligibilityReasons(
    { track: body.track, level: body.level, submission: body.submission, today: at.toISOString().slice(0, 10), employer: facts.employer, integrity: facts.integrity, barredUntil: facts.barredUntil },
    facts.rules,
  );
  const standard = await db.standard.findUniqueOrThrow({ where: { id: facts.rules.standard.id } });
  const required = (standard.rules as { requiredEvidence?: string[] }).requiredEvidence ?? [];
  return {
    body,
    findings: [...reasons.map((reason) => ({ path: 'eligibility', reason })), ...dossierGaps(required, body.submission.achievements, materials)],
    pinned: { policyVersion: facts.rules.policyVersion, standardId: standard.id, standardVersion: standard.version },
  };
}

/** A finding as the caller reads it. */
export const findingView = (locale: Locale, f: Finding) => ({ path: f.path, code: f.reason.key, reason: sayPhrase(locale, f.reason) });
