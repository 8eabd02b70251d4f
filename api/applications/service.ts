// Use-cases for title applications: validate against stored data, authorize, then talk to the
// workflow or read the database.
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Db } from '../../prisma/client';
import { awaitSubmission, appraisalWorkflowId, decideAsEmployer, status } from '../../workflows/appraisal/messages';
import type { AppraisalPolicy } from '../../workflows/appraisal/policy';
import type { AppraisalInput, AppraisalStatus } from '../../workflows/appraisal/types';
import type { Actor } from '../../workflows/shared/types';
import { badRequest, notFound } from '../problem';
import { runUpdate } from '../temporal-errors';
import type { SubmitApplicationBody } from './schemas';

export interface ApplicationsDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

export function applicationsService({ db, temporal, taskQueue }: ApplicationsDeps) {
  async function submit(actor: Actor, body: SubmitApplicationBody) {
    const policy = await db.policy.findFirst({ where: { key: 'appraisal' }, orderBy: { version: 'desc' } });
    const track = (policy?.values as unknown as AppraisalPolicy | undefined)?.tracks[body.track];
    if (!track) throw badRequest('unknown track', [{ path: 'body.track', message: `no track ${body.track} in the policy in force` }]);
    const employer = await db.organisation.findUnique({ where: { id: body.employerId } });
    if (!employer || !track.channels.includes(employer.kind)) {
      throw badRequest('unknown employer', [
        { path: 'body.employerId', message: `no ${track.channels.join(' or ')} with this id may submit on the ${body.track} track` },
      ]);
    }
    const standard = await db.standard.findFirst({ where: { series: body.series, level: body.level, track: body.track } });
    if (!standard) {
      throw badRequest('no standard for this series and level', [
        { path: 'body.series', message: `no published standard for ${body.series} / ${body.level} on the ${body.track} track` },
      ]);
    }
    const id = randomUUID();
    const input: AppraisalInput = {
      version: 1,
      applicationId: id,
      applicantId: actor.id,
      ...body,
      submittedAt: new Date().toISOString(),
    };
    const workflowId = appraisalWorkflowId(id);
    const stage = await temporal.workflow.executeUpdateWithStart(awaitSubmission, {
      startWorkflowOperation: new WithStartWorkflowOperation('titleAppraisal', {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    return { id, workflowId, stage };
  }

  /** The stored record, or 404 both when it is missing and when the caller may not see it. */
  async function findVisible(actor: Actor, id: string) {
    const application = await db.application.findUnique({ where: { id } });
    if (!application || !canSee(actor, application)) throw notFound(`no application ${id}`);
    return application;
  }

  async function detail(actor: Actor, id: string) {
    const application = await findVisible(actor, id);
    const live = await temporal.workflow
      .getHandle(application.workflowId)
      .query(status)
      .catch(() => undefined as AppraisalStatus | undefined);
    return {
      ...application,
      stage: live?.stage ?? application.stage,
      live: live !== undefined,
      pendingTasks: live?.pendingTasks ?? [],
      timeline: live?.timeline ?? [],
    };
  }

  async function decideAsEmployerUseCase(actor: Actor, id: string, decision: { decision: 'approve' | 'return' | 'reject'; reason?: string | undefined }) {
    const application = await findVisible(actor, id);
    const handle = temporal.workflow.getHandle(application.workflowId);
    const stage = await runUpdate(() =>
      handle.executeUpdate(decideAsEmployer, {
        args: [{ actor, decision: decision.decision, ...(decision.reason ? { reason: decision.reason } : {}) }],
      }),
    );
    return { id, stage };
  }

  return { submit, detail, decideAsEmployer: decideAsEmployerUseCase };
}

function canSee(actor: Actor, a: { applicantId: string; employerId: string }): boolean {
  if (actor.roles.includes('admin') || actor.roles.includes('authority')) return true;
  if (actor.roles.includes('applicant') && a.applicantId === actor.id) return true;
  if (actor.roles.includes('employer') && a.employerId === actor.organisationId) return true;
  return false;
}
