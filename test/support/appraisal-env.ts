// The appraisal lifecycle tests' environment: a worker environment plus starting a case.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { users } from '../../scripts/seed/demo-data';
import type { titleAppraisal } from '../../workflows/appraisal/title-appraisal';
import type { AppraisalInput } from '../../domain/appraisal/types';
import type { Actor } from '../../domain/types';
import { startWorkerEnv, type WorkerEnv } from './worker-env';

export interface AppraisalEnv extends WorkerEnv {
  start(overrides?: Partial<AppraisalInput>): Promise<WorkflowHandle<typeof titleAppraisal>>;
}

export function actor(userId: string): Actor {
  const u = users.find((x) => x.id === userId);
  if (u) return { id: u.id, roles: u.roles, ...(u.organisationId ? { organisationId: u.organisationId } : {}) };
  if (userId.startsWith('x-')) return { id: userId, roles: ['expert'] };
  throw new Error(`no demo user ${userId}`);
}

/** A submission; `start()` stamps it with the server's time, as the API stamps its clock's. */
export const baseInput = (submittedAt = '2026-09-28T02:00:00.000Z'): AppraisalInput => ({
  version: 1,
  applicationId: randomUUID(),
  applicantId: 'u-li-ming',
  employerId: 'org-zhangjiang-tech',
  track: 'standard',
  series: 'engineering',
  level: 'intermediate',
  field: '人工智能',
  submission: {
    education: 'master',
    currentTitle: { level: 'junior', series: 'engineering', since: '2019-07-01' },
    achievements: [{ kind: 'patent', title: '一种图像识别方法', year: 2024, evidence: ['patent.pdf'] }],
  },
  submittedAt,
});

export async function startAppraisalEnv(): Promise<AppraisalEnv> {
  const base = await startWorkerEnv('appraisal');
  const { env, taskQueue } = base;
  return {
    ...base,
    async start(overrides = {}) {
      const input = { ...baseInput(), ...overrides };
      // The submission is stamped with the server's (skipped) time, as the API stamps real time.
      input.submittedAt = overrides.submittedAt ?? new Date(await env.currentTimeMs()).toISOString();
      return env.client.workflow.start('titleAppraisal', {
        workflowId: `appraisal-${input.applicationId}`,
        taskQueue,
        args: [input],
      }) as Promise<WorkflowHandle<typeof titleAppraisal>>;
    },
  };
}
