// What a report does to a membership, by policy (DOMAIN §5): an integrity violation, leaving the
// district (or moving outside it) and an ineligible post open an exit review; an in-district move
// transfers the membership; a long absence pauses it until the return; death closes it.
import type { SupervisionPolicy } from '../assessment/policy';
import type { SupervisionApplication, SupervisionTrigger } from './types';

export type Planned =
  | { do: 'exit-review'; trigger: SupervisionTrigger }
  | { do: 'transfer'; to: string }
  | { do: 'post'; post: string; series?: string }
  | { do: 'pause' }
  | { do: 'resume' }
  | { do: 'close' }
  | { do: 'none'; why: 'short-absence' | 'not-paused' | 'already-paused' | 'same-employer' };

/** The same calendar day `months` later (clamped to the month's end), on YYYY-MM-DD dates. */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** `paused`: the membership is paused now (`byReport`: by a report, which a return ends); `employerId`: its employer now. */
export function plannedEffect(r: SupervisionApplication, policy: SupervisionPolicy, now: { paused: boolean; byReport: boolean; employerId: string }): Planned {
  const f = r.facts;
  const moveTo = (to: { id: string; district: string | null } | undefined): Planned => {
    if (!to) return { do: 'exit-review', trigger: 'left-employer' };
    if (to.id === now.employerId) return { do: 'none', why: 'same-employer' };
    return to.district === policy.district ? { do: 'transfer', to: to.id } : { do: 'exit-review', trigger: 'left-district' };
  };
  switch (r.kind) {
    case 'integrity-violation':
      return { do: 'exit-review', trigger: 'integrity-violation' };
    case 'left-employer':
      if (f.destination === 'outside-district') return { do: 'exit-review', trigger: 'left-district' };
      if (f.destination === 'unknown') return { do: 'exit-review', trigger: 'left-employer' };
      return moveTo(r.newEmployer);
    case 'employer-move':
      return moveTo(r.newEmployer);
    case 'post-change':
      if (f.eligible === false) return { do: 'exit-review', trigger: 'ineligible-move' };
      return { do: 'post', post: f.post ?? '', ...(f.series ? { series: f.series } : {}) };
    case 'long-absence':
      if (now.paused) return { do: 'none', why: 'already-paused' };
      return f.expectedUntil! >= addMonthsToDay(f.from!, policy.longAbsenceMonths) ? { do: 'pause' } : { do: 'none', why: 'short-absence' };
    case 'absence-return':
      return now.byReport ? { do: 'resume' } : { do: 'none', why: 'not-paused' };
    case 'death':
      return { do: 'close' };
  }
}
