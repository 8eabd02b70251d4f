// Failure types an update validator throws; the API maps each to an HTTP status. A refusal
// carries its words as a phrase (key + params) in the failure's details, for the API to say in
// the caller's language; the failure's message is the English text, for logs.
import { ApplicationFailure } from '@temporalio/common';
import { phrase as wordsOf, say, sayPhrase, type Args, type Phrase, type WordKey } from './words/say';

export const FAILURE = {
  forbidden: 'Forbidden',
  conflict: 'Conflict',
  invalid: 'InvalidRequest',
  /** No policy, track or standard for what was asked: an ineligible request, not a broken one. */
  rulesMissing: 'RulesMissing',
} as const;

function refusal<K extends WordKey>(type: string, key: K, params: Args<K>): ApplicationFailure {
  const p: Phrase = wordsOf(key, ...params);
  return ApplicationFailure.create({ type, message: say('en', key, ...params), details: [p], nonRetryable: true });
}

export const forbidden = <K extends WordKey>(key: K, ...params: Args<K>) => refusal(FAILURE.forbidden, key, params);
export const conflict = <K extends WordKey>(key: K, ...params: Args<K>) => refusal(FAILURE.conflict, key, params);
export const invalid = <K extends WordKey>(key: K, ...params: Args<K>) => refusal(FAILURE.invalid, key, params);
/** A conflict whose words were chosen elsewhere (a rule that answers why it refuses). */
export function conflictWith(p: Phrase): ApplicationFailure {
  return ApplicationFailure.create({ type: FAILURE.conflict, message: sayPhrase('en', p), details: [p], nonRetryable: true });
}
export const rulesMissing = <K extends WordKey>(key: K, ...params: Args<K>) => refusal(FAILURE.rulesMissing, key, params);

/** The phrase a refusal carries, if it carries one (failures from before the catalogue do not). */
export function phraseOf(failure: ApplicationFailure): Phrase | undefined {
  const first = failure.details?.[0] as Phrase | undefined;
  return first && typeof first === 'object' && typeof first.key === 'string' ? first : undefined;
}
