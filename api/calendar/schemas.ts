import { z } from 'zod';
import { dayNumber } from '../../domain/calendar/shanghai';

const realDate = (d: string) => {
  try {
    dayNumber(d);
    return true;
  } catch {
    return false;
  }
};

export const isoDate = z.string().refine(realDate, 'a calendar date, YYYY-MM-DD').meta({ format: 'date', example: '2027-02-06' });
export const year = z.coerce.number().int().min(1992).max(9998).meta({ example: 2027 });
const kind = z.enum(['holiday', 'workday']).meta({ description: 'holiday: a day off; workday: a make-up working day (调休上班)' });
const reason = z.string().trim().min(1, 'a reason is required').max(500);

export const yearParams = z.object({ year });
export const dateParams = z.object({ date: isoDate });

export const dayBody = z.object({
  kind,
  name: z.string().trim().min(1).max(40).optional().meta({ example: '春节' }),
  reason,
});
export const removeDayBody = z.object({ reason });

const dayChange = z.object({
  date: isoDate,
  kind: kind.nullable().meta({ description: 'null removes the entry: the published data (or Monday–Friday) applies again' }),
  name: z.string().trim().min(1).max(40).optional(),
});
export const changeDaysBody = z.object({
  reason,
  days: z.array(dayChange).min(1).max(400),
});
export const previewBody = z.object({ days: z.array(dayChange).min(1).max(400) });

export const coverageQuery = z.object({
  from: year.optional().meta({ description: 'First year (default: last year, on the server clock)' }),
  to: year.optional().meta({ description: 'Last year (default: two years ahead)' }),
});
export const changesQuery = z.object({ year: year.optional() });

export const recomputeBody = z.object({
  reason,
  workflowIds: z.array(z.string().min(1).max(200)).min(1).max(1000).optional().meta({ description: 'Only these cases (default: every case with a deadline the calendar now puts elsewhere)' }),
});

export const dayView = z.object({
  date: z.string(),
  kind,
  name: z.string().optional(),
  source: z.enum(['published', 'entry']),
  published: kind.optional().meta({ description: 'What the published data says, when an entry overrides it' }),
  reason: z.string().optional(),
  enteredBy: z.string().optional(),
  enteredAt: z.string().optional(),
});
export const yearView = z.object({ year: z.number(), published: z.boolean(), entries: z.number(), days: z.array(dayView) });

export const changeView = z.object({
  id: z.number(),
  date: z.string(),
  before: kind.nullable(),
  after: kind.nullable(),
  name: z.string().nullable(),
  reason: z.string(),
  actorId: z.string(),
  at: z.string(),
});

export const moveView = z.object({
  workflowId: z.string(),
  caseId: z.string(),
  process: z.string(),
  purpose: z.string(),
  countFrom: z.string(),
  workingDays: z.number(),
  dueAt: z.string().meta({ description: 'Where the case has it now' }),
  wouldBe: z.string().meta({ description: 'Where it ends when counted again' }),
  pausedSince: z.string().optional(),
});

export const changedView = z.object({
  changes: z.array(changeView),
  moves: z.array(moveView).meta({ description: 'Running deadlines this change puts elsewhere; they keep their end until an administrator recomputes them' }),
});

export const coverageView = z.object({
  lastPublishedYear: z.number(),
  years: z.array(
    z.object({
      year: z.number(),
      coverage: z.enum(['published', 'entered', 'missing']).meta({ description: 'missing: deadlines there count weekends only, with a warning' }),
      entries: z.number(),
      runningDeadlines: z.number(),
    }),
  ),
});

export const recomputeView = z.object({
  results: z.array(
    z.object({
      workflowId: z.string(),
      outcome: z.enum(['moved', 'unchanged', 'ended', 'refused']),
      stage: z.string().optional(),
      moved: z.array(z.object({ purpose: z.string(), from: z.string(), to: z.string() })),
      detail: z.string().optional(),
    }),
  ),
});
