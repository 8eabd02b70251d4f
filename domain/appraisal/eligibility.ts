// Whether an applicant may enter (DOMAIN §1.1): the integrity record, the track's channels and
// levels, the track's entry predicates and the standard's. One function, so the workflow's intake
// and the draft's pre-check (保存并检查) give the same reasons in the same order.
import { phrase, type Phrase } from '../words/say';
import { barReason, type IntegrityBar } from '../integrity';
import { unmet, type Predicate } from './predicates';
import type { Level, Submission } from './types';

export interface EligibilityCase {
  track: string;
  level: Level;
  submission: Submission;
  /** The day of submission (YYYY-MM-DD). */
  today: string;
  employer: { kind: string; privateEnterprise: boolean };
  /** The integrity record barring the applicant, if any; older cases know only the bar's end. */
  integrity?: IntegrityBar | undefined;
  barredUntil?: string | undefined;
}

export interface EligibilityRules {
  track: { channels: string[]; levels: string[]; entry: Predicate[] };
  standard: { eligibility: Predicate[] };
}

/** Every reason the case may not enter, each a phrase of the catalogue; empty when it may. */
export function ineligibilityReasons(c: EligibilityCase, rules: EligibilityRules): Phrase[] {
  const facts = { submission: c.submission, today: c.today, employer: c.employer };
  const bar = c.integrity ? [barReason(c.integrity)] : c.barredUntil ? [phrase('eligibility.integrity-bar-until', { barUntil: c.barredUntil })] : [];
  return [
    ...bar,
    ...(rules.track.channels.includes(c.employer.kind) ? [] : [phrase('eligibility.channel', { track: c.track, kind: c.employer.kind })]),
    ...(rules.track.levels.includes(c.level) ? [] : [phrase('eligibility.level', { track: c.track, level: c.level })]),
    ...unmet(rules.track.entry, facts),
    ...unmet(rules.standard.eligibility, facts),
  ];
}
