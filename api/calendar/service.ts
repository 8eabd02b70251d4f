// The administrators' calendar (DOMAIN §6): what a year holds, which years lack data, entering and
// correcting days (audited), what a change would move, and recomputing running deadlines. A
// change applies to deadlines computed after it; running ones keep their end until recomputed.
import type { Client } from '@temporalio/client';
import { calendarOf, changeDays, changeLog, coverageOf, currentCalendar, deadlinesMoved, loadOverrides, withChanges, yearOf, CalendarRefused, type DayChange } from '../../records/calendar';
import { recomputeDeadlines } from '../../workflows/shared/calendar-messages';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { conflict, HttpProblem } from '../problem';
import { runUpdate } from '../temporal-errors';
import type { CalendarMode } from '../../domain/calendar/mode';

const changeView = (c: { id: number; date: string; before: string | null; after: string | null; name: string | null; reason: string; actorId: string; at: Date }) => ({
  ...c,
  before: c.before as 'holiday' | 'workday' | null,
  after: c.after as 'holiday' | 'workday' | null,
  at: c.at.toISOString(),
});

/** Recomputes a few cases at a time: each is an update that records a transition. */
const PARALLEL = 4;

export function calendarService({ db, temporal, now, calendarMode }: Pick<ApiDeps, 'db' | 'temporal' | 'now'> & { calendarMode: CalendarMode }) {
  async function movesOf(changes: readonly DayChange[]) {
    const overrides = await loadOverrides(db);
    return deadlinesMoved(db, calendarOf(withChanges(overrides, changes), calendarMode), calendarOf(overrides, calendarMode));
  }

  return {
    year: (y: number) => yearOf(db, y),

    coverage(from?: number, to?: number) {
      const thisYear = Number(now().toISOString().slice(0, 4));
      return coverageOf(db, from ?? thisYear - 1, to ?? Math.max(from ?? thisYear - 1, thisYear + 2));
    },

    changes: async (y?: number) => (await changeLog(db, { year: y })).map(changeView),

    preview: async (changes: DayChange[]) => ({ changes: [], moves: await movesOf(changes) }),

    /** Enters the changes (audited), answering with what a recompute would now move because of them. */
    async change(actor: Actor, changes: DayChange[], reason: string) {
      const moves = await movesOf(changes);
      try {
        const logged = await changeDays(db, changes, { actorId: actor.id, reason, at: now() });
        return { changes: logged.map(changeView), moves };
      } catch (err) {
        if (err instanceof CalendarRefused) throw conflict(err.phrase);
        throw err;
      }
    },

    /** Deadlines whose end the calendar now puts elsewhere: the candidates for a recompute. */
    async pending() {
      return deadlinesMoved(db, await currentCalendar(db, calendarMode));
    },

    /** Has each case count its deadlines again on today's calendar; every move is in its audit trail. */
    async recompute(actor: Actor, reason: string, workflowIds?: string[]) {
      const moves = await deadlinesMoved(db, await currentCalendar(db, calendarMode), undefined, workflowIds ? { workflowIds } : {});
      const targets = [...new Set([...(workflowIds ?? []), ...moves.map((m) => m.workflowId)])];
      const results = [];
      for (let i = 0; i < targets.length; i += PARALLEL) {
        results.push(...(await Promise.all(targets.slice(i, i + PARALLEL).map((id) => recomputeOne(temporal, id, actor, reason)))));
      }
      return { results };
    },
  };
}

async function recomputeOne(temporal: Client, workflowId: string, actor: Actor, reason: string) {
  try {
    const r = await runUpdate(() => temporal.workflow.getHandle(workflowId).executeUpdate(recomputeDeadlines, { args: [{ actor, reason }] }));
    return { workflowId, outcome: r.moved.length ? ('moved' as const) : ('unchanged' as const), stage: r.stage, moved: r.moved };
  } catch (err) {
    if (err instanceof HttpProblem) return { workflowId, outcome: err.status === 409 ? ('ended' as const) : ('refused' as const), moved: [], detail: err.message };
    throw err;
  }
}
