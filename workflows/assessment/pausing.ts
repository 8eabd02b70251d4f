// Pausing and resuming a membership: every clock stands still while it is paused, and on the
// resumption each deadline moves by the working days paused. An administrator does it by hand;
// a long-absence report and the employer's return report do it by policy.
import { resume as resumeClocks } from '../shared/deadline-book';
import { now } from '../shared/clock';
import { record } from './activities';
import type { AssessmentCase } from './state';
import { pause as pauseClocks, retimeFor } from '../../domain/deadlines';
import type { serial } from '../shared/serial';

export type Clocks = ReturnType<typeof serial>;

export async function pauseMembership(c: AssessmentCase, clocks: Clocks, by: { actorId: string; reason: string; reportId?: string }): Promise<void> {
  const at = now();
  c.pause = { since: at, reason: by.reason, ...(by.reportId ? { reportId: by.reportId } : {}) };
  await clocks(async () => {
    pauseClocks(c.book, at);
    await record(c, c.log.move(c.stage, { actorId: by.actorId, action: 'pause', note: by.reason, status: 'paused', ...(by.reportId ? { detail: { reportId: by.reportId } } : {}) }, at));
  });
}

/** Answers the working days the membership was paused. */
export async function resumeMembership(c: AssessmentCase, clocks: Clocks, by: { actorId: string; reason: string; reportId?: string }): Promise<number> {
  const since = c.pause!.since;
  c.pause = undefined;
  return clocks(async () => {
    const at = now();
    const { pausedWorkingDays, moved } = await resumeClocks(c.book, at);
    const retime = retimeFor(c.log.pendingTasks, moved);
    await record(c, c.log.move(c.stage, { actorId: by.actorId, action: 'resume', note: by.reason, status: 'active', retime, detail: { pausedSince: since, pausedWorkingDays, moved, ...(by.reportId ? { reportId: by.reportId } : {}) } }, at));
    return pausedWorkingDays;
  });
}
