import { z } from 'zod';
import { flag, pagingQuery } from '../http/paging';
import { taskFilterQuery } from '../inbox/routes';
import { EXECUTION_STATUSES, PROCESSES, type ExecutionStatus } from './workflows';

const reason = z.string().trim().min(1, 'a reason is required').max(2000);
/** Every search can be exported: ?format=csv answers text/csv with the same rows, unpaged up to the limit. */
const format = z.enum(['json', 'csv']).default('json');

export const caseSearchQuery = z.object({
  process: z.enum(['appraisal', 'meeting', 'assessment', 'exit']).default('appraisal').describe('the process whose cases to search'),
  stage: z.string().max(50).optional(),
  status: z.string().max(50).optional(),
  state: z.enum(['running', 'closed']).optional(),
  track: z.string().max(50).optional().describe('appraisal: standard/direct/green; meeting: its kind; assessment and exit: the programme'),
  series: z.string().max(50).optional(),
  organisation: z.string().max(100).optional().describe("the applicant's employer (or talent service centre)"),
  overdue: flag.optional().describe('only cases with (true) or without (false) an overdue open task'),
  caseNumber: z.string().trim().max(30).optional().describe('受理编号, e.g. 2026-ZT-GC-0001 (any case): the one application with it'),
  text: z.string().trim().min(1).max(100).optional().describe("a part of the 受理编号, the case id, the applicant's (talent's) id or name, or the field"),
  from: z.iso.date().optional().describe('started (submitted, admitted…) on or after this Asia/Shanghai day'),
  to: z.iso.date().optional().describe('started on or before this Asia/Shanghai day'),
  format,
  ...pagingQuery,
});

/** A search-attribute value: a plain token (letters, digits, CJK, - _ .), never a quote or a space. */
const token = z.string().max(100).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, - _ . only');

export const workflowSearchQuery = z.object({
  process: z.enum(PROCESSES).optional().describe('appraisal, assessment or exit; all three when absent'),
  stage: token.optional(),
  track: token.optional(),
  series: token.optional(),
  organisation: token.optional(),
  status: z.enum(Object.keys(EXECUTION_STATUSES) as [ExecutionStatus, ...ExecutionStatus[]]).optional().describe("Temporal's execution status"),
  ...pagingQuery,
});

export const workflowRowSchema = z.object({
  workflowId: z.string(),
  runId: z.string(),
  type: z.string(),
  process: z.string().nullable(),
  stage: z.string().nullable(),
  track: z.string().nullable(),
  series: z.string().nullable(),
  organisation: z.string().nullable(),
  status: z.string(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  historyLength: z.number().int(),
  links: z.object({ temporalUi: z.string(), case: z.string().optional() }),
});

export const taskSearchQuery = z.object({
  ...taskFilterQuery,
  case: z.string().min(1).max(200).optional().describe("one case's tasks (its case id)"),
  state: z.enum(['open', 'closed', 'all']).default('open'),
  role: z.string().max(50).optional(),
  organisation: z.string().max(100).optional(),
  assignee: z.string().max(100).optional(),
  format,
  ...pagingQuery,
});

export const auditQuery = z.object({ format, ...pagingQuery, pageSize: z.coerce.number().int().min(1).max(1000).default(500) });

export const statisticsQuery = z.object({
  from: z.iso.date().default('2021-01-01').describe('start of the period, inclusive (the plan runs 2021–2025)'),
  to: z.iso.date().optional().describe('end of the period, exclusive; default: tomorrow'),
});

/** A case of any process: an application, a membership, an exit review (`<membershipId>-<n>`). */
export const caseParams = z.object({ id: z.string().min(1).max(200) });
export const anyCaseParams = z.object({ id: z.string().min(1).max(200) });

export const extendBody = z.object({
  workingDays: z.number().int().min(1).max(60),
  reason,
  deadline: z.string().trim().min(1).max(200).optional().describe('which running deadline: its purpose (e.g. evaluation-expert, defence) or its task’s key; needed when several run'),
});
export const reassignBody = z.object({ taskKey: z.string().min(1).max(200), assigneeId: z.string().min(1).max(100), reason });
export const cancelBody = z.object({ reason });
export const interventionHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe('made once per form: the same key again acts once and answers as the first time'),
});
export const changesQuery = z.object({
  resource: z.enum(['expert', 'organisation', 'user']).optional(),
  resourceId: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(100).optional().describe('the administrator who made the change'),
  ...pagingQuery,
});

export const changeSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string(),
  resource: z.string(),
  resourceId: z.string(),
  action: z.string(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const remindBody = z.object({
  kind: z.string().max(100).optional(),
  process: z.string().max(50).optional(),
});

export const caseRowSchema = z.object({
  process: z.string(),
  caseId: z.string(),
  caseNumber: z.string().nullable().describe('受理编号 (applications), beside the internal id'),
  workflowId: z.string(),
  stage: z.string(),
  stageLabel: z.string().describe("The stage in the caller's language."),
  status: z.string(),
  track: z.string().nullable(),
  series: z.string().nullable(),
  level: z.string().nullable(),
  organisationId: z.string().nullable(),
  subjectId: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string().nullable(),
  openTasks: z.number(),
  overdueTasks: z.number(),
  nextDueAt: z.string().nullable(),
  links: z.object({ self: z.string().optional(), audit: z.string(), temporalUi: z.string() }),
});

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  detail: z.unknown(),
});

/** Counts by a code (a stage, a track, a status, a level). */
const tally = z.record(z.string(), z.number().int());

export const statisticsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  planVersion: z.number().int().nullable().describe('the version of the `plan` policy whose targets apply; null when none is published'),
  indicators: z.array(
    z.object({
      key: z.string(),
      label: z.object({ 'zh-CN': z.string(), en: z.string() }),
      target: z.number().nullable().describe('0: monitored, no target; null: no plan published'),
      unit: z.string().nullable(),
      basis: z.string().describe('what the value counts'),
      value: z.number().nullable(),
    }),
  ),
  appraisal: z.object({
    runningByStage: tally.describe('open applications submitted in the period, by stage'),
    byStatus: tally,
    byTrack: tally,
    certifiedByLevel: tally.describe('valid certificates issued in the period, by level'),
  }),
  tasks: z.object({ open: z.number().int(), overdue: z.number().int() }).describe('every open task now, whatever the period'),
  meetings: z.object({ byStatus: tally }),
});
