// The committee's arithmetic, in integers so that exactly 2/3 is exactly 2/3.
import type { Fraction, MeetingRules } from './types';

/** part/whole ≥ num/den, without floating point. */
export const reaches = (part: number, whole: number, { num, den }: Fraction) => part * den >= whole * num;

export const quorumReached = (present: number, rules: MeetingRules) => reaches(present, rules.size, rules.quorum);

/** Passed with enough yes votes among the experts present; nobody present passes nothing. */
export const passes = (yes: number, present: number, rules: MeetingRules) => present > 0 && reaches(yes, present, rules.pass);

const isFraction = (f: Fraction) => Number.isInteger(f.num) && Number.isInteger(f.den) && f.num > 0 && f.den > 0 && f.num <= f.den;

/** Why the rules cannot run a meeting, or undefined when they can. */
export function rulesProblem(r: MeetingRules): string | undefined {
  if (!Number.isInteger(r.size) || r.size < 1 || r.size % 2 === 0) return `committee size must be odd, got ${r.size}`;
  if (!Number.isInteger(r.panelSize) || (r.panelSize !== 0 && (r.panelSize < 3 || r.panelSize > r.size))) {
    return `panel size must be 0 or between 3 and the committee size, got ${r.panelSize}`;
  }
  if (!isFraction(r.quorum) || !isFraction(r.pass)) return 'quorum and pass must be fractions num/den with 0 < num ≤ den';
  if (!(r.checkInHours > 0) || !(r.votingHours > 0)) return 'checkInHours and votingHours must be positive';
  return undefined;
}
