// Eligibility predicates as data, evaluated deterministically inside the workflow. A standard
// lists its predicates; a track lists who may enter it. A new predicate kind is added here, with
// its reason in the catalogue (domain/words: `eligibility.*`).
import { phrase, type Phrase } from '../words/say';
import type { Level, Submission } from './types';

export type Predicate =
  | { kind: 'minEducation'; value: Submission['education'] }
  | { kind: 'minYearsInCurrentTitle'; value: number }
  | { kind: 'currentLevel'; value: Level }
  | { kind: 'anyQualification'; value: string[] }
  | { kind: 'minAchievements'; kinds: string[]; count: number }
  | { kind: 'privateEmployer' };

const EDUCATION = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;

export interface EligibilityFacts {
  submission: Submission;
  /** The day of submission (YYYY-MM-DD), to count years in the current title. */
  today: string;
  employer: { kind: string; privateEnterprise: boolean };
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Why a predicate fails, as a phrase of the catalogue, or undefined when it holds. */
export function failure(p: Predicate, f: EligibilityFacts): Phrase | undefined {
  const s = f.submission;
  switch (p.kind) {
    case 'minEducation':
      return EDUCATION.indexOf(s.education) >= EDUCATION.indexOf(p.value) ? undefined : phrase('eligibility.min-education', { required: p.value, actual: s.education });
    case 'minYearsInCurrentTitle': {
      if (p.value === 0) return undefined;
      if (!s.currentTitle) return phrase('eligibility.needs-current-title', { required: p.value });
      const years = yearsBetween(s.currentTitle.since, f.today);
      return years >= p.value ? undefined : phrase('eligibility.years-in-title', { years, required: p.value });
    }
    case 'currentLevel':
      return s.currentTitle?.level === p.value ? undefined : phrase('eligibility.current-level', { required: p.value });
    case 'anyQualification':
      return (s.qualifications ?? []).some((q) => p.value.includes(q)) ? undefined : phrase('eligibility.any-qualification', { options: p.value });
    case 'minAchievements': {
      const n = s.achievements.filter((a) => p.kinds.includes(a.kind)).length;
      return n >= p.count ? undefined : phrase('eligibility.min-achievements', { count: n, kinds: p.kinds, required: p.count });
    }
    case 'privateEmployer':
      return f.employer.privateEnterprise || f.employer.kind === 'talent-service-centre' ? undefined : phrase('eligibility.private-employer');
  }
}

export function unmet(predicates: Predicate[], facts: EligibilityFacts): Phrase[] {
  return predicates.map((p) => failure(p, facts)).filter((r): r is Phrase => r !== undefined);
}
