// The composite score, the grade the boundaries give, and the long-term view: pure arithmetic on
// pinned data, so a replay computes the same numbers.
import type { Evaluator, GradingRules, ScoringStandard } from './policy';
import { EVALUATORS } from './policy';
import type { CycleSummary, Grade, LongTermView } from './types';

export type Scores = Record<string, number>;

export interface Composite {
  /** Hundredths: integers, so equal scores compare equal in the cohort's ranking. */
  score: number;
  /** Per criterion, weighted over the evaluators, hundredths. */
  criteria: Record<string, number>;
  /** Criteria whose weighted score is below their minimum threshold. */
  belowMinimum: string[];
}

const hundredths = (x: number) => Math.round(x * 100);

/**
 * Each evaluator scores every criterion 0–100. A criterion's score is the evaluators' weighted
 * mean; the composite is the criteria's weighted mean. Weights are normalised, so a standard
 * whose weights do not add up to exactly 1 still gives a 0–100 score.
 */
export function composite(standard: ScoringStandard, scores: Record<Evaluator, Scores>): Composite {
  const evaluatorTotal = EVALUATORS.reduce((s, e) => s + standard.weights[e], 0);
  const criteriaTotal = standard.criteria.reduce((s, c) => s + c.weight, 0);
  const criteria: Record<string, number> = {};
  let total = 0;
  for (const c of standard.criteria) {
    const value = EVALUATORS.reduce((s, e) => s + standard.weights[e] * scores[e][c.key]!, 0) / evaluatorTotal;
    criteria[c.key] = hundredths(value);
    total += c.weight * value;
  }
  return {
    score: hundredths(total / criteriaTotal),
    criteria,
    belowMinimum: standard.criteria.filter((c) => criteria[c.key]! < c.min * 100).map((c) => c.key),
  };
}

/** The grade the boundaries give; a criterion below its minimum caps it at 基本合格. */
export function baseGrade(score: number | null, belowMinimum: string[], b: GradingRules['boundaries']): Grade {
  if (score === null) return 'fail';
  const grade: Grade = score >= b.excellent * 100 ? 'excellent' : score >= b.pass * 100 ? 'pass' : score >= b.basicPass * 100 ? 'basic-pass' : 'fail';
  if (belowMinimum.length && (grade === 'excellent' || grade === 'pass')) return 'basic-pass';
  return grade;
}

/**
 * The long-term view across cycles (DOMAIN §3): the mean of the scored cycles, the trend from
 * the first scored cycle to the last, and at the term's end a term grade by the boundaries (no
 * quota: it compares a person with the standard, not with a cohort). A cycle graded 不合格
 * without a score counts as 0 in the mean.
 */
export function longTermView(past: CycleSummary[], rules: { trendThreshold: number; boundaries: GradingRules['boundaries'] }, termEnded: boolean): LongTermView {
  if (!past.length) return {};
  const values = past.map((p) => p.score ?? 0);
  const meanScore = Math.round(values.reduce((s, v) => s + v, 0) / values.length);
  const view: LongTermView = { meanScore };
  if (values.length > 1) {
    const delta = values[values.length - 1]! - values[0]!;
    view.trend = Math.abs(delta) < rules.trendThreshold * 100 ? 'stable' : delta > 0 ? 'improving' : 'declining';
  }
  if (termEnded) view.termGrade = baseGrade(meanScore, [], rules.boundaries);
  return view;
}

/** The exit rule that fires after this cycle's grade, if any (DOMAIN §4; counts are policy). */
export function gradeTrigger(past: CycleSummary[], t: { failInARow: number; basicPassInARow: number }): 'grade-fail' | 'grade-basic-pass-repeated' | undefined {
  const streak = (g: Grade) => {
    let n = 0;
    for (let i = past.length - 1; i >= 0 && past[i]!.grade === g; i--) n++;
    return n;
  };
  if (t.failInARow > 0 && streak('fail') >= t.failInARow) return 'grade-fail';
  if (t.basicPassInARow > 0 && streak('basic-pass') >= t.basicPassInARow) return 'grade-basic-pass-repeated';
  return undefined;
}
