// The administrator's interventions on a case of any process, addressed by its case id: extend a
// running deadline, reassign a pending task, cancel. Each goes to the case's workflow as an update;
// the workflow's validator decides (403 / 409 / 400) and the answer is the stage after it.
import type { z } from 'zod';
import { findCase, type CaseRef } from '../../records/cases';
import { findUser } from '../../records/users';
import * as appraisal from '../../workflows/appraisal/messages';
import * as assessment from '../../workflows/assessment/messages';
import * as exit from '../../workflows/exit/messages';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { badRequest, conflict, notFound } from '../problem';
import { workflowUpdates } from '../workflow-updates';
import type * as s from './schemas';
import { phrase } from '../../domain/words/say';

type Body<S extends z.ZodType> = () => z.infer<S>;

/** An Idempotency-Key as the workflow update's id: a retried or double-sent intervention acts once. */
const updateIdOf = (action: string, key: string | undefined) => (key ? `admin-${action}-${key}` : undefined);

export function interventions({ db, temporal }: ApiDeps) {
  const act = workflowUpdates(temporal);

  /** The case, or 404; a committee meeting has interventions of its own. */
  async function caseOf(id: string): Promise<CaseRef & { process: 'appraisal' | 'assessment' | 'exit' }> {
    const c = await findCase(db, id);
    if (!c) throw notFound(phrase('problem.no-case', { id }));
    if (c.process === 'meeting') throw conflict(phrase('problem.meeting-not-case', { id }));
    return c as CaseRef & { process: 'appraisal' | 'assessment' | 'exit' };
  }

  return {
    async extendDeadline(actor: Actor, id: string, body: Body<typeof s.extendBody>, key?: string) {
      const c = await caseOf(id);
      const { deadline, ...b } = body();
      const r = { actor, ...b, ...(deadline ? { deadline } : {}) };
      const stage =
        c.process === 'appraisal'
          ? await act(c.workflowId, appraisal.extendDeadline, r, updateIdOf('extend-deadline', key))
          : c.process === 'assessment'
            ? await act(c.workflowId, assessment.extendDeadline, r, updateIdOf('extend-deadline', key))
            : await act(c.workflowId, exit.extendDeadline, r, updateIdOf('extend-deadline', key));
      return { id, stage };
    },

    async reassign(actor: Actor, id: string, body: Body<typeof s.reassignBody>, key?: string) {
      const c = await caseOf(id);
      const r = { actor, ...body() };
      // Reassigning to someone who does not exist would strand the task: refuse it up front.
      if (!(await findUser(db, r.assigneeId))) throw badRequest(phrase('problem.unknown-assignee'), [{ path: 'body.assigneeId', message: `no user ${r.assigneeId}` }]);
      const stage =
        c.process === 'appraisal'
          ? await act(c.workflowId, appraisal.reassign, r, updateIdOf('reassign', key))
          : c.process === 'assessment'
            ? await act(c.workflowId, assessment.reassign, r, updateIdOf('reassign', key))
            : await act(c.workflowId, exit.reassign, r, updateIdOf('reassign', key));
      return { id, stage };
    },

    async cancel(actor: Actor, id: string, body: Body<typeof s.cancelBody>, key?: string) {
      const c = await caseOf(id);
      const r = { actor, ...body() };
      if (c.process === 'assessment') {
        throw conflict(phrase('problem.membership-not-cancelled', { id }));
      }
      const stage = c.process === 'appraisal' ? await act(c.workflowId, appraisal.cancel, r, updateIdOf('cancel', key)) : await act(c.workflowId, exit.cancel, r, updateIdOf('cancel', key));
      return { id, stage };
    },
  };
}
