// The 优秀 quota across a cohort (DOMAIN §3): pure, so every caller computes the same grades
// from the same rows, whichever member's call happens to grade the cohort.
import type { Grade } from './types';

export interface QuotaEntry {
  membershipId: string;
  /** Hundredths; null for a cycle graded 不合格 without a score. */
  score: number | null;
  /** What the member's own boundaries give. */
  baseGrade: Grade;
  /** The quota the member pinned (share of the cohort); null for none. */
  quota: number | null;
}

export interface QuotaResult {
  grades: Record<string, Grade>;
  /** The quota applied: the strictest any member pinned, or null when none did. */
  quota: number | null;
  /** How many 优秀 the quota allows in this cohort (null: no limit). */
  slots: number | null;
}

/** The strictest quota of the cohort: the quota is an upper bound, so honouring the lowest honours all. */
export function cohortQuota(entries: { quota: number | null }[]): number | null {
  const quotas = entries.map((e) => e.quota).filter((q): q is number => q !== null);
  return quotas.length ? Math.min(...quotas) : null;
}

/** ⌊quota × size⌋, robust to 0.2 × 10 = 1.9999…: a quota is never exceeded, and never rounded down twice. */
export const slotsFor = (quota: number, size: number) => Math.floor(quota * size + 1e-9);

/**
 * Grades a cohort. Members whose own boundaries give 优秀 are ranked by score; 优秀 goes to whole
 * groups of equal scores, best first, while the whole group fits in the slots left. The first
 * group that does not fit, and everyone below it, get 合格 instead: equal scores always get equal
 * grades, the quota is never exceeded, and nobody outranks a better score. Every other grade is
 * the member's base grade: the quota only ever limits 优秀.
 */
export function gradeCohort(entries: QuotaEntry[]): QuotaResult {
  const quota = cohortQuota(entries);
  const slots = quota === null ? null : slotsFor(quota, entries.length);
  const grades: Record<string, Grade> = {};
  for (const e of entries) grades[e.membershipId] = e.baseGrade;
  if (slots === null) return { grades, quota, slots };

  const candidates = entries.filter((e) => e.baseGrade === 'excellent').sort((a, b) => b.score! - a.score!);
  let used = 0;
  let closed = false;
  for (let i = 0; i < candidates.length; ) {
    const score = candidates[i]!.score;
    const group = candidates.filter((c) => c.score === score);
    if (closed || used + group.length > slots) closed = true;
    else used += group.length;
    if (closed) for (const c of group) grades[c.membershipId] = 'pass';
    i += group.length;
  }
  return { grades, quota, slots };
}

/**
 * A member whose score arrives after its cohort was graded (paused, or late evaluations): grades
 * already published never change, so it gets 优秀 only if a slot is still free in the cohort
 * counted with it; otherwise 合格.
 */
export function gradeLate(entry: QuotaEntry, cohort: { size: number; quota: number | null; excellent: number }): { grade: Grade; size: number; slots: number | null } {
  const size = cohort.size + 1;
  const quota = cohortQuota([{ quota: cohort.quota }, entry]);
  const slots = quota === null ? null : slotsFor(quota, size);
  if (entry.baseGrade !== 'excellent' || slots === null) return { grade: entry.baseGrade, size, slots };
  return { grade: cohort.excellent < slots ? 'excellent' : 'pass', size, slots };
}

/** Why a member whose own score gives 优秀 was graded 合格: the quota, and the tie rule's part in it. */
export interface QuotaEffect {
  /** Members graded together, the quota (share) and the 优秀 places it gave. */
  size: number;
  quota: number;
  slots: number;
  /** Members with this member's score whose own boundaries give 优秀 (this member included). */
  group: number;
  /** Members graded 优秀: all with better scores. */
  above: number;
  /** Graded after the cohort (a late member): no place was left. */
  late: boolean;
}

/**
 * The quota's effect on one member, or undefined when it had none (the member's grade is their
 * base grade, or no quota applies). `rows` are the cohort's graded results.
 */
export function quotaEffect(
  member: { membershipId: string; score: number | null; baseGrade: Grade; grade: Grade | null; late: boolean },
  rows: { membershipId: string; score: number | null; baseGrade: Grade; grade: Grade | null }[],
  cohort: { size: number | null; quota: number | null; slots: number | null },
): QuotaEffect | undefined {
  if (member.baseGrade !== 'excellent' || member.grade !== 'pass' || cohort.quota === null || cohort.slots === null) return undefined;
  const group = rows.filter((r) => r.baseGrade === 'excellent' && r.score === member.score).length;
  const above = rows.filter((r) => r.grade === 'excellent').length;
  return { size: cohort.size ?? rows.length, quota: cohort.quota, slots: cohort.slots, group: Math.max(group, 1), above, late: member.late };
}
