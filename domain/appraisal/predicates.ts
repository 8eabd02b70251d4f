// Eligibility predicates as data, evaluated deterministically inside the workflow. A standard
// lists its predicates; a track lists who may enter it. A new predicate kind is added here.
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

/** The reason a predicate fails, or undefined when it holds. */
export function failure(p: Predicate, f: EligibilityFacts): string | undefined {
  const s = f.submission;
  switch (p.kind) {
    case 'minEducation':
      return EDUCATION.indexOf(s.education) >= EDUCATION.indexOf(p.value) ? undefined : `education below ${p.value}`;
    case 'minYearsInCurrentTitle': {
      if (p.value === 0) return undefined;
      if (!s.currentTitle) return `needs ${p.value} years in a current title`;
      const years = yearsBetween(s.currentTitle.since, f.today);
      return years >= p.value ? undefined : `${years} years in the current title, ${p.value} required`;
    }
    case 'currentLevel':
      return s.currentTitle?.level === p.value ? undefined : `needs a current title at level ${p.value}`;
    case 'anyQualification':
      return (s.qualifications ?? []).some((q) => p.value.includes(q)) ? undefined : `needs one of: ${p.value.join(', ')}`;
    case 'minAchievements': {
      const n = s.achievements.filter((a) => p.kinds.includes(a.kind)).length;
      return n >= p.count ? undefined : `${n} qualifying achievements (${p.kinds.join('/')}), ${p.count} required`;
    }
    case 'privateEmployer':
      return f.employer.privateEnterprise || f.employer.kind === 'talent-service-centre' ? undefined : 'the employer is not a private enterprise';
  }
}

export function unmet(predicates: Predicate[], facts: EligibilityFacts): string[] {
  return predicates.map((p) => failure(p, facts)).filter((r): r is string => r !== undefined);
}
