// The composite score, the grade boundaries, the long-term view and the exit rules: pure
// functions on pinned data (DOMAIN §2–§4).
import { describe, expect, it } from 'vitest';
import { standards } from '../../scripts/seed/demo-data';
import { gradingV1 } from '../../domain/assessment/policy-defaults';
import type { ScoringStandard } from '../../domain/assessment/policy';
import { baseGrade, composite, gradeTrigger, longTermView } from '../../domain/assessment/scoring';

const row = standards.find((s) => s.id === 'std-engineering-intermediate-standard-v1')!;
const standard = { id: row.id, version: 1, ...(row.rules as Pick<ScoringStandard, 'criteria' | 'weights'>) };
const b = gradingV1.boundaries;

describe('composite score', () => {
  it('weights criteria (0.5/0.3/0.2) and evaluators (employer 0.3, industry 0.2, expert 0.5)', () => {
    const c = composite(standard, {
      employer: { achievements: 100, contribution: 90, ethics: 80 },
      industry: { achievements: 90, contribution: 90, ethics: 90 },
      expert: { achievements: 98, contribution: 96, ethics: 100 },
    });
    expect(c).toEqual({ score: 9480, criteria: { achievements: 9700, contribution: 9300, ethics: 9200 }, belowMinimum: [] });
  });

  it('a criterion below its minimum caps the grade at 基本合格, whatever the total', () => {
    const c = composite(standard, {
      employer: { achievements: 100, contribution: 100, ethics: 40 },
      industry: { achievements: 100, contribution: 100, ethics: 40 },
      expert: { achievements: 100, contribution: 100, ethics: 40 },
    });
    expect(c).toMatchObject({ score: 8800, belowMinimum: ['ethics'] });
    expect(baseGrade(c.score, c.belowMinimum, b)).toBe('basic-pass');
  });

  it('grade boundaries: 优秀 ≥ 90, 合格 ≥ 70, 基本合格 ≥ 60, else 不合格; no score is 不合格', () => {
    expect([9000, 8999, 7000, 6999, 6000, 5999].map((s) => baseGrade(s, [], b))).toEqual(['excellent', 'pass', 'pass', 'basic-pass', 'basic-pass', 'fail']);
    expect(baseGrade(null, [], b)).toBe('fail');
  });
});

describe('long-term view and exit rules', () => {
  const past = (...scores: (number | null)[]) => scores.map((score, i) => ({ cycle: i + 1, score, grade: baseGrade(score, [], b) }));

  it('mean, trend (±3 points is stable) and a term grade by the boundaries', () => {
    expect(longTermView(past(8000, 8400, 8800), { trendThreshold: 3, boundaries: b }, true)).toEqual({ meanScore: 8400, trend: 'improving', termGrade: 'pass' });
    expect(longTermView(past(9100, 9200, 8000), { trendThreshold: 3, boundaries: b }, false)).toEqual({ meanScore: 8767, trend: 'declining' });
    expect(longTermView(past(7500, 7300), { trendThreshold: 3, boundaries: b }, false).trend).toBe('stable');
  });

  it('不合格 once, or 基本合格 twice in a row, opens an exit review; a better grade in between breaks the streak', () => {
    const rules = { failInARow: 1, basicPassInARow: 2 };
    expect(gradeTrigger(past(8000, 5000), rules)).toBe('grade-fail');
    expect(gradeTrigger(past(6500, 6500), rules)).toBe('grade-basic-pass-repeated');
    expect(gradeTrigger(past(6500, 7500, 6500), rules)).toBeUndefined();
    expect(gradeTrigger(past(6500, 7500, 6500), { failInARow: 1, basicPassInARow: 3 })).toBeUndefined();
  });
});
