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
    async extendDeadline(actor: Actor, id: string, body: Body<typeof s.extendBody>) {
      const c = await caseOf(id);
      const { deadline, ...b } = body();
      const r = { actor, ...b, ...(deadline ? { deadline } : {}) };
      const stage =
        c.process === 'appraisal'
          ? await act(c.workflowId, appraisal.extendDeadline, r)
          : c.process === 'assessment'
            ? await act(c.workflowId, assessment.extendDeadline, r)
            : await act(c.workflowId, exit.extendDeadline, r);
      return { id, stage };
    },

    async reassign(actor: Actor, id: string, body: Body<typeof s.reassignBody>) {
      const c = await caseOf(id);
      const r = { actor, ...body() };
      // Reassigning to someone who does not exist would strand the task: refuse it up front.
      if (!(await findUser(db, r.assigneeId))) throw badRequest(phrase('problem.unknown-assignee'), [{ path: 'body.assigneeId', message: `no user ${r.assigneeId}` }]);
      const stage =
        c.process === 'appraisal'
          ? await act(c.workflowId, appraisal.reassign, r)
          : c.process === 'assessment'
            ? await act(c.workflowId, assessment.reassign, r)
            : await act(c.workflowId, exit.reassign, r);
      return { id, stage };
    },

    async cancel(actor: Actor, id: string, body: Body<typeof s.cancelBody>) {
      const c = await caseOf(id);
      const r = { actor, ...body() };
      if (c.process === 'assessment') {
        throw conflict(phrase('problem.membership-not-cancelled', { id }));
      }
      const stage = c.process === 'appraisal' ? await act(c.workflowId, appraisal.cancel, r) : await act(c.workflowId, exit.cancel, r);
      return { id, stage };
    },
  };
}
