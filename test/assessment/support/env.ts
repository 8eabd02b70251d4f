// The assessment and exit-review tests' environment: a worker environment plus talents and admissions.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { admitTalent, type AdmissionRequest } from '../../../records/admission';
import type { periodicAssessment } from '../../../workflows/assessment/periodic-assessment';
import type { Actor } from '../../../domain/types';
import { sleepUntil } from '../../support/temporal-env';
import { startWorkerEnv, type WorkerEnv } from '../../support/worker-env';
import type { Harness } from '../../support/harness';

export interface AssessmentEnv extends WorkerEnv {
  /** New talents (users with the applicant role) employed by the demo private enterprise. */
  talents(n: number, prefix?: string): Promise<string[]>;
  /** Admits at the server's (skipped) time; each test passes its own intake, so cohorts stay apart. */
  admit(r: Partial<AdmissionRequest> & { talentId: string; intake: string }): Promise<WorkflowHandle<typeof periodicAssessment>>;
  now(): Promise<number>;
  /** Skips server time to `iso` plus `extraMs` (nothing when it is already past). */
  sleepUntil(iso: string, extraMs?: number): Promise<void>;
}

export const admin: Actor = { id: 'u-admin', roles: ['admin'], organisationId: 'org-hrss-bureau' };
export const hr: Actor = { id: 'u-hr-zhangjiang', roles: ['employer'], organisationId: 'org-zhangjiang-tech' };
export const industry: Actor = { id: 'u-industry', roles: ['industry'], organisationId: 'org-ai-association' };
export const authority: Actor = { id: 'u-authority', roles: ['authority'], organisationId: 'org-hrss-bureau' };
export const talent = (id: string): Actor => ({ id, roles: ['applicant'], organisationId: 'org-zhangjiang-tech' });
export const expert = (id: string): Actor => ({ id, roles: ['expert'] });

export async function startAssessmentEnv(): Promise<AssessmentEnv> {
  const base = await startWorkerEnv('assessment');
  const { env, db, taskQueue } = base;
  const now = () => env.currentTimeMs();

  return {
    ...base,
    now,
    async talents(n, prefix = 'u-talent') {
      const ids = Array.from({ length: n }, () => `${prefix}-${randomUUID().slice(0, 8)}`);
      for (const id of ids) {
        await db.user.create({ data: { id, name: id, email: `${id}@talent.test`, organisationId: 'org-zhangjiang-tech', roles: { create: [{ role: 'applicant' }] } } });
      }
      return ids;
    },
    async admit(r) {
      const m = await admitTalent(
        { db, temporal: env.client, taskQueue },
        { programmeId: 'leading-talent', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', admittedBy: 'u-admin', at: new Date(await now()), ...r },
      );
      return env.client.workflow.getHandle(m.workflowId) as WorkflowHandle<typeof periodicAssessment>;
    },
    sleepUntil: (iso, extraMs) => sleepUntil(env, iso, extraMs),
  };
}

/** What the drive helpers use of an assessment environment, from a time-skipping API harness: its database and skipping time. */
export const driveOf = (h: Harness): AssessmentEnv => ({ db: h.db, sleepUntil: (iso: string, extraMs?: number) => sleepUntil(h.env!, iso, extraMs) }) as unknown as AssessmentEnv;
