// The 优秀 quota across a cohort (DOMAIN §3): the pure rule, and the activity that applies it
// once per cohort, deterministically, however many members call it at the same time.
import fc from 'fast-check';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeCohort as gradeCohortActivity } from '../../records/cohort-grading';
import { gradeCohort, gradeLate, slotsFor, type QuotaEntry } from '../../domain/assessment/quota';
import type { Grade } from '../../domain/assessment/types';
import { seedDemo } from '../../scripts/seed/seed';
import { providers, type TestDb } from '../support/db';
import type { CohortRequest } from '../../domain/activities';

/** The demo data and the memberships date from a year before the cohort is graded (2027-12): fixed. */
const SEEDED_AT = '2026-12-01T00:00:00.000Z';

const entry = (id: string, score: number, baseGrade: Grade = score >= 9000 ? 'excellent' : score >= 7000 ? 'pass' : score >= 6000 ? 'basic-pass' : 'fail', quota: number | null = 0.2): QuotaEntry => ({ membershipId: id, score, baseGrade, quota });

describe('the quota rule', () => {
  it('gives 优秀 to the best scores within ⌊20% × 10⌋ = 2 slots', () => {
    const r = gradeCohort([96, 94, 92, 91, 88, 85, 80, 75, 72, 65].map((s, i) => entry(`m${i}`, s * 100)));
    expect(r).toMatchObject({ quota: 0.2, slots: 2 });
    expect(Object.values(r.grades)).toEqual(['excellent', 'excellent', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'basic-pass']);
  });

  it('equal scores get equal grades: a tie group that would exceed the quota gets none of the last slot', () => {
    const r = gradeCohort([95, 93, 93, 91, 88, 85, 80, 75, 72, 65].map((s, i) => entry(`m${i}`, s * 100)));
    expect(r.slots).toBe(2);
    expect([r.grades.m0, r.grades.m1, r.grades.m2, r.grades.m3]).toEqual(['excellent', 'pass', 'pass', 'pass']);
  });

  it('the quota only limits 优秀; a member below a criterion’s minimum keeps the grade its boundaries give', () => {
    const r = gradeCohort([entry('a', 9900, 'basic-pass'), entry('b', 9100), entry('c', 5000)]);
    expect(r.grades).toEqual({ a: 'basic-pass', b: 'pass', c: 'fail' }); // ⌊0.2 × 3⌋ = 0 slots
  });

  it('the strictest quota pinned by a member applies; no quota at all means no limit', () => {
    expect(gradeCohort([entry('a', 9500, 'excellent', 0.5), entry('b', 9400, 'excellent', 0.3), entry('c', 9300, 'excellent', null), entry('d', 7000, 'pass', 0.5)]).slots).toBe(1);
    expect(gradeCohort([entry('a', 9500, 'excellent', null), entry('b', 9400, 'excellent', null)]).grades).toEqual({ a: 'excellent', b: 'excellent' });
  });

  it('a late member takes a slot still free, never one already given', () => {
    expect(gradeLate(entry('x', 9700), { size: 9, quota: 0.2, excellent: 1 })).toEqual({ grade: 'excellent', size: 10, slots: 2 });
    expect(gradeLate(entry('x', 9700), { size: 9, quota: 0.2, excellent: 2 })).toEqual({ grade: 'pass', size: 10, slots: 2 });
  });

  it('for any cohort: never over the quota, equal scores equal grades, no 优秀 below a 合格 candidate, order does not matter', () => {
    const cohorts = fc.array(fc.integer({ min: 5000, max: 10000 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(cohorts, fc.constantFrom(0.1, 0.2, 0.3), (scores, quota) => {
        const entries = scores.map((s, i) => entry(`m${i}`, s, undefined, quota));
        const r = gradeCohort(entries);
        const excellent = entries.filter((e) => r.grades[e.membershipId] === 'excellent');
        expect(excellent.length).toBeLessThanOrEqual(slotsFor(quota, entries.length));
        for (const a of entries) for (const b of entries) if (a.score === b.score) expect(r.grades[a.membershipId]).toBe(r.grades[b.membershipId]);
        const demoted = entries.filter((e) => e.baseGrade === 'excellent' && r.grades[e.membershipId] !== 'excellent');
        for (const e of excellent) for (const d of demoted) expect(e.score!).toBeGreaterThan(d.score!);
        expect(gradeCohort([...entries].reverse()).grades).toEqual(r.grades);
      }),
    );
  });
});

describe.each(providers)('gradeCohort on $name', ({ fresh, skip }) => {
  let db: TestDb;
  const signals: { workflowId: string; grade: Grade }[] = [];
  const temporal = {
    workflow: { getHandle: (workflowId: string) => ({ signal: async (_: unknown, s: { grade: Grade }) => void signals.push({ workflowId, grade: s.grade }) }) },
  } as unknown as Client;

  beforeAll(async () => {
    if (skip) return;
    db = await fresh();
    await seedDemo(db.prisma, new Date(SEEDED_AT));
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  async function cohortOf(intake: string, scores: number[]) {
    const ids = scores.map((_, i) => `${intake}-m${i}`);
    for (const id of ids) {
      await db.prisma.membership.create({
        data: { id, workflowId: `assessment-${id}`, programmeId: 'leading-talent', talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake, admittedAt: new Date(SEEDED_AT), admittedBy: 'u-admin' },
      });
    }
    const request = (i: number, at = '2027-12-01T00:00:00.000Z'): CohortRequest => ({
      membershipId: ids[i]!,
      programmeId: 'leading-talent',
      intake,
      cycle: 1,
      score: scores[i]!,
      baseGrade: scores[i]! >= 9000 ? 'excellent' : 'pass',
      quota: 0.2,
      detail: {},
      gradeBy: '2028-01-31T16:00:00.000Z',
      at,
    });
    return { ids, request };
  }

  it.skipIf(skip)('ten members calling at once: graded once, every call the same answer as the database', async () => {
    const { ids, request } = await cohortOf(`race-${crypto.randomUUID()}`, [9500, 9300, 9300, 9100, 8800, 8500, 8000, 7500, 7200, 9900]);
    const answers = await Promise.all(ids.map((_, i) => gradeCohortActivity(db.prisma, temporal, request(i))));
    // Whoever came last graded everyone; the others waited (or were graded by a later call).
    const rows = await db.prisma.cycleResult.findMany({ where: { membershipId: { in: ids } }, orderBy: { membershipId: 'asc' } });
    expect(rows.every((r) => r.grade !== null)).toBe(true);
    const grades = Object.fromEntries(rows.map((r) => [r.membershipId, r.grade]));
    answers.forEach((a, i) => a.grade && expect(a.grade).toBe(grades[ids[i]!]));
    expect(rows.filter((r) => r.grade === 'excellent').map((r) => r.membershipId)).toEqual([ids[0], ids[9]]);
    // Calls again (retries) change nothing and answer the same.
    const again = await Promise.all(ids.map((_, i) => gradeCohortActivity(db.prisma, temporal, request(i))));
    expect(again.map((a) => a.grade)).toEqual(ids.map((id) => grades[id]));
    const cohort = await db.prisma.assessmentCohort.findFirstOrThrow({ where: { intake: request(0).intake } });
    expect(cohort).toMatchObject({ size: 10, slots: 2, quota: 0.2 });
    // Every member still waiting heard its grade.
    for (const id of ids) if (!answers[ids.indexOf(id)]!.grade) expect(signals).toContainEqual({ workflowId: `assessment-${id}`, grade: grades[id] });
  });

  it.skipIf(skip)('at the cohort’s deadline it grades whoever is in; a late member takes a free slot or none', async () => {
    const { ids, request } = await cohortOf(`late-${crypto.randomUUID()}`, [9500, 8000, 9700, 9600, 7000, 7000, 7000, 7000, 7000, 7000]);
    const first = await Promise.all([0, 1, 4, 5, 6, 7, 8].map((i) => gradeCohortActivity(db.prisma, temporal, request(i))));
    expect(first.every((a) => a.grade === undefined)).toBe(true);
    const forced = await gradeCohortActivity(db.prisma, temporal, request(9, '2028-02-01T00:00:00.000Z'));
    expect(forced.grade).toBe('pass');
    const graded = await db.prisma.cycleResult.findMany({ where: { membershipId: { in: ids } } });
    expect(graded.find((r) => r.membershipId === ids[0])!.grade).toBe('excellent'); // ⌊0.2 × 8⌋ = 1 slot
    const late1 = await gradeCohortActivity(db.prisma, temporal, request(2, '2028-02-02T00:00:00.000Z'));
    expect(late1.grade).toBe('pass'); // ⌊0.2 × 9⌋ = 1 slot, taken
    const late2 = await gradeCohortActivity(db.prisma, temporal, request(3, '2028-02-03T00:00:00.000Z'));
    expect(late2.grade).toBe('excellent'); // ⌊0.2 × 10⌋ = 2 slots, one free
  });
});
