// The composite score, the cohort's grade with its 优秀 quota, and what the grade sets off.
import { condition } from '@temporalio/workflow';
import { msUntil, now } from '../../shared/clock';
import { acts, record } from '../activities';
import { startExitReview } from '../exit-review-start';
import { baseGrade, composite, gradeTrigger } from '../../../domain/assessment/scoring';
import type { AssessmentCase } from '../state';
import { GRADE_LABELS } from '../../../domain/assessment/types';
import { phrase } from '../../../domain/words/say';


/** `assessed` is false when the self-report never came: the cycle is 不合格 without a score. */
export async function grading(c: AssessmentCase, assessed: boolean): Promise<void> {
  const rules = c.pinned;
  const ev = c.evaluations;
  const scored = assessed ? composite(rules.standard, { employer: ev.employer!.scores, industry: ev.industry!.scores, expert: ev.expert!.scores }) : undefined;
  const score = scored?.score ?? null;
  const base = baseGrade(score, scored?.belowMinimum ?? [], rules.grading.boundaries);
  if (score !== null) c.score = score;
  await record(c, c.log.move('grading', { actorId: 'system', action: 'score', detail: { cycle: c.cycle, score, baseGrade: base, ...(scored ? { criteria: scored.criteria, belowMinimum: scored.belowMinimum } : {}) } }, now()));

  const gradeBy = await acts.deadlineAfter({ from: c.windowOpensAt!, workingDays: rules.policy.deadlines.cohortGradingDays });
  const request = {
    membershipId: c.m.membershipId,
    programmeId: c.m.programmeId,
    intake: c.m.intake,
    cycle: c.cycle,
    score,
    baseGrade: base,
    quota: rules.grading.excellentQuota,
    detail: { evaluations: c.evaluations, standard: rules.standard.id, gradingVersion: rules.grading.version, ...(scored ? { criteria: scored.criteria } : {}) },
    gradeBy: gradeBy.dueAt,
  };
  // Graded by whichever call completes the cohort; until then, wait for its signal or its deadline.
  let answer = await acts.gradeCohort({ ...request, at: now() });
  while (!answer.grade) {
    await condition(() => c.cohortGrade !== undefined, msUntil(answer.gradeBy));
    answer = c.cohortGrade ? { grade: c.cohortGrade, gradeBy: answer.gradeBy } : await acts.gradeCohort({ ...request, at: now() });
  }
  const grade = answer.grade;
  c.grade = grade;
  c.past.push({ cycle: c.cycle, score, grade });
  await record(
    c,
    c.log.move('graded', {
      actorId: 'system',
      action: 'grade',
      note: GRADE_LABELS[grade],
      why: [phrase('reason.graded', { grade })],
      detail: { cycle: c.cycle, score, baseGrade: base, grade },
      mails: [{ eventKey: 'graded', to: { userId: c.m.talentId }, template: 'assessment-graded', data: { caseId: c.m.membershipId, programmeId: c.m.programmeId, cycle: String(c.cycle), grade, baseGrade: base, score: score === null ? '' : (score / 100).toFixed(2) } }],
    }, now()),
  );
}

/** DOMAIN §4's grade rules, and the follow-up of a retain-with-plan, may open an exit review. */
export async function afterGrade(c: AssessmentCase): Promise<void> {
  const triggers = c.pinned.policy.exitTriggers;
  let followUpFailed = false;
  if (c.followUpDue) {
    followUpFailed = c.evaluations.employer?.followUp?.met !== true;
    c.followUp = undefined;
  }
  const byGrade = gradeTrigger(c.past, triggers);
  const trigger = byGrade ?? (followUpFailed && triggers.followUpNotMet ? 'follow-up-not-met' : undefined);
  if (!trigger) return;
  if (c.exitReview) {
    await record(c, c.log.move(c.stage, { actorId: 'system', action: 'exit-rule-while-review-running', detail: { trigger, n: c.exitReview.n } }, now()));
    return;
  }
  const reason = trigger === 'grade-fail' ? `第${c.cycle}周期考核不合格` : trigger === 'grade-basic-pass-repeated' ? `连续${triggers.basicPassInARow}个周期基本合格` : '整改计划未完成';
  const why =
    trigger === 'grade-fail'
      ? phrase('reason.grade-fail', { cycle: c.cycle })
      : trigger === 'grade-basic-pass-repeated'
        ? phrase('reason.grade-basic-pass-repeated', { times: triggers.basicPassInARow })
        : phrase('reason.follow-up-not-met');
  await startExitReview(c, { kind: trigger, actorId: 'system', reason, why, cycle: c.cycle });
}
