// The pure parts of the committee: the seeded draw and the 2/3 arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawOrder, drawSeats } from '../../domain/committee/draw';
import { passes, quorumReached, rulesProblem } from '../../domain/committee/thresholds';
import { rules } from './support';

const ids = Array.from({ length: 11 }, (_, i) => `x${String(i).padStart(2, '0')}`);

describe('drawOrder', () => {
  it('is a permutation fixed by the seed alone, whatever order the pool arrives in', () => {
    const order = drawOrder(ids, 'seed-a');
    expect([...order].sort()).toEqual(ids);
    expect(drawOrder([...ids].reverse(), 'seed-a')).toEqual(order);
    expect(drawOrder(ids, 'seed-b')).not.toEqual(order);
  });

  it('gives every expert a fair chance at the first seat', () => {
    const first = new Map<string, number>();
    for (let i = 0; i < 11_000; i++) {
      const id = drawOrder(ids, `s${i}`)[0]!;
      first.set(id, (first.get(id) ?? 0) + 1);
    }
    // 1,000 expected each; a fair shuffle stays well inside ±20%.
    for (const id of ids) expect(first.get(id)).toBeGreaterThan(800);
    for (const id of ids) expect(first.get(id)).toBeLessThan(1200);
  });
});

describe('drawSeats', () => {
  it('walks the shuffled pool, records conflicted experts as skipped and stops when full', () => {
    const pool = ids.map((expertId, i) => (i % 3 === 0 ? { expertId, conflict: `same-employer: org-${i}` } : { expertId }));
    const { picks, short } = drawSeats(pool, 'seed-a', 5, new Set());
    const order = drawOrder(ids, 'seed-a');
    expect(picks.map((p) => p.expertId)).toEqual(order.slice(0, picks.length));
    expect(picks.filter((p) => !p.conflict)).toHaveLength(5);
    expect(picks.at(-1)?.conflict).toBeUndefined();
    expect(short).toBe(0);
  });

  it('skips experts already on the meeting and reports how many seats it could not fill', () => {
    const pool = ids.map((expertId) => ({ expertId }));
    const { picks, short } = drawSeats(pool, 'seed-a', 5, new Set(ids.slice(0, 8)));
    expect(picks.map((p) => p.expertId).sort()).toEqual(ids.slice(8));
    expect(short).toBe(2);
  });
});

describe('thresholds', () => {
  const r = rules({ size: 7 });

  it('passes with exactly 2/3 yes of those present and fails one vote under', () => {
    expect(passes(4, 6, r)).toBe(true);
    expect(passes(3, 6, r)).toBe(false);
    expect(passes(2, 3, r)).toBe(true);
    expect(passes(7, 11, r)).toBe(false); // 63.6 %
    expect(passes(0, 0, r)).toBe(false);
  });

  it('needs 2/3 of the members present: 5 of 7, not 4', () => {
    expect(quorumReached(5, r)).toBe(true);
    expect(quorumReached(4, r)).toBe(false);
  });

  it('agrees with exact rational comparison for every count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 }), (yes, present) => {
        fc.pre(yes <= present);
        expect(passes(yes, present, r)).toBe(3 * yes >= 2 * present);
      }),
    );
  });

  it('refuses rules no committee can meet under', () => {
    expect(rulesProblem(rules())).toBeUndefined();
    expect(rulesProblem(rules({ size: 6 }))).toMatch(/odd/);
    expect(rulesProblem(rules({ panelSize: 2 }))).toMatch(/panel/);
    expect(rulesProblem(rules({ quorum: { num: 3, den: 2 } }))).toMatch(/fraction/);
  });
});
