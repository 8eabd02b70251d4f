// The assessment's activities: thin adapters over records/.
import type { AssessmentRulesRequest, CohortRequest, ExpertRequest, MembershipPatch } from '../../domain/activities';
import type { Transition } from '../../domain/transition';
import { assignAssessmentExpert } from '../../records/assessment-expert';
import { loadAssessmentRules } from '../../records/assessment-rules';
import { gradeCohort } from '../../records/cohort-grading';
import { recordMembershipTransition } from '../../records/memberships';
import { mailSettingsOf, type ActivityDeps } from '../deps';
import { sendNow } from '../mail/deliver';

export function createAssessmentActivities(deps: ActivityDeps) {
  const { db, temporal } = deps;
  const send = sendNow(deps);
  const mail = mailSettingsOf(deps);
  return {
    loadAssessmentRules: (r: AssessmentRulesRequest) => loadAssessmentRules(db, r),
    assignAssessmentExpert: (r: ExpertRequest) => assignAssessmentExpert(db, r),
    gradeCohort: (r: CohortRequest) => gradeCohort(db, temporal, r),
    recordMembershipTransition: async (t: Transition, patch: MembershipPatch) => send(await recordMembershipTransition(db, mail, t, patch)),
  };
}
