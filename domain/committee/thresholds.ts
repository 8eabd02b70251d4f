// The committee's arithmetic, in integers so that exactly 2/3 is exactly 2/3.
import { meetingRulesSchema, type Fraction, type MeetingRules } from './policy';

/** part/whole ≥ num/den, without floating point. */
export const reaches = (part: number, whole: number, { num, den }: Fraction) => part * den >= whole * num;

export const quorumReached = (present: number, rules: MeetingRules) => reaches(present, rules.size, rules.quorum);

/** Passed with enough yes votes among the experts present; nobody present passes nothing. */
export const passes = (yes: number, present: number, rules: MeetingRules) => present > 0 && reaches(yes, present, rules.pass);

/** Why the rules cannot run a meeting (below DOMAIN's floors), or undefined when they can. */
export function rulesProblem(r: MeetingRules): string | undefined {
  const parsed = meetingRulesSchema.safeParse(r);
  return parsed.success ? undefined : parsed.error.issues.map((i) => `${i.path.join('.') || 'rules'}: ${i.message}`).join('; ');
}
