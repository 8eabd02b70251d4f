// The assessment's activities; workflows see their types only, through `Activities`.
import type { Transition } from '../../workflows/shared/transition';
import type { ActivityDeps } from '../deps';
import { deliverMail } from '../mail/deliver';
import { applyTransition } from '../transitions';
import { gradeCohort, type CohortRequest } from './cohort';
import { assignAssessmentExpert, type ExpertRequest } from './expert';
import { loadAssessmentRules, type AssessmentRulesRequest } from './rules';

/** Membership fields a transition may set with it, in the same transaction. */
export interface MembershipPatch {
  policyVersion?: number;
  standardId?: string;
  programmeStandardVersion?: number;
  termScore?: number | null;
  termGrade?: string;
  trend?: string;
  endedAt?: string;
  outcome?: string;
}

export function createAssessmentActivities(deps: ActivityDeps) {
  const { db, temporal } = deps;
  return {
    loadAssessmentRules: (r: AssessmentRulesRequest) => loadAssessmentRules(db, r),
    assignAssessmentExpert: (r: ExpertRequest) => assignAssessmentExpert(db, r),
    gradeCohort: (r: CohortRequest) => gradeCohort(db, temporal, r),

    /** A transition plus what it settles on the membership row (pinned versions, term result). */
    async recordMembershipTransition(t: Transition, patch: MembershipPatch): Promise<void> {
      const { mailKeys } = await db.$transaction(async (tx) => {
        const done = await applyTransition(tx, t);
        const { endedAt, ...rest } = patch;
        if (!done.replayed) await tx.membership.update({ where: { id: t.caseId }, data: { ...rest, ...(endedAt ? { endedAt: new Date(endedAt) } : {}) } });
        return done;
      });
      if (mailKeys.length) await deliverMail(deps, { eventKeys: mailKeys });
    },
  };
}
