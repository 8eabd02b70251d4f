// The administrator's workflow search, from Temporal's visibility store: what the case workflows
// publish as search attributes (process, stage, track, series, organisation) together with what
// only Temporal knows, the execution's status (a failed or terminated workflow whose row in the
// database still says open shows up here). Visibility is eventually consistent: a move shows
// within a second or so.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { TlOrganisation, TlProcess, TlSeries, TlStage, TlTrack } from '../../domain/search-attributes';

export const PROCESSES = ['appraisal', 'assessment', 'exit'] as const;

/** Our names for Temporal's execution statuses, and the value a visibility query compares. */
export const EXECUTION_STATUSES = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  terminated: 'Terminated',
  'continued-as-new': 'ContinuedAsNew',
  'timed-out': 'TimedOut',
} as const;
export type ExecutionStatus = keyof typeof EXECUTION_STATUSES;

export interface WorkflowFilters {
  process?: (typeof PROCESSES)[number] | undefined;
  stage?: string | undefined;
  track?: string | undefined;
  series?: string | undefined;
  organisation?: string | undefined;
  status?: ExecutionStatus | undefined;
}

/**
 * The list filter in Temporal's query language. Values reach here as plain tokens (the route's
 * schema admits no quote or space), so quoting them cannot change the query's meaning.
 */
export function visibilityQuery(f: WorkflowFilters): string {
  const clauses = [f.process ? `${TlProcess.name} = '${f.process}'` : `${TlProcess.name} IN (${PROCESSES.map((p) => `'${p}'`).join(', ')})`];
  const eq = (name: string, value: string | undefined) => value !== undefined && clauses.push(`${name} = '${value}'`);
  eq(TlStage.name, f.stage);
  eq(TlTrack.name, f.track);
  eq(TlSeries.name, f.series);
  eq(TlOrganisation.name, f.organisation);
  eq('ExecutionStatus', f.status && EXECUTION_STATUSES[f.status]);
  return clauses.join(' AND ');
}

const statusName = (s: WorkflowExecutionInfo['status']['name']) => s.toLowerCase().replaceAll('_', '-');

export interface WorkflowRow {
  workflowId: string;
  runId: string;
  type: string;
  process: string | null;
  stage: string | null;
  track: string | null;
  series: string | null;
  organisation: string | null;
  status: string;
  startedAt: string;
  closedAt: string | null;
  historyLength: number;
}

function rowOf(w: WorkflowExecutionInfo): WorkflowRow {
  const attr = w.typedSearchAttributes;
  return {
    workflowId: w.workflowId,
    runId: w.runId,
    type: w.type,
    process: attr.get(TlProcess) ?? null,
    stage: attr.get(TlStage) ?? null,
    track: attr.get(TlTrack) ?? null,
    series: attr.get(TlSeries) ?? null,
    organisation: attr.get(TlOrganisation) ?? null,
    status: statusName(w.status.name),
    startedAt: w.startTime.toISOString(),
    closedAt: w.closeTime?.toISOString() ?? null,
    historyLength: w.historyLength,
  };
}

/** One page of matching executions, newest first as the visibility store orders them. */
export async function searchWorkflows(temporal: Client, f: WorkflowFilters, page: { page: number; pageSize: number }): Promise<{ items: WorkflowRow[]; total: number }> {
  const query = visibilityQuery(f);
  const skip = (page.page - 1) * page.pageSize;
  const items: WorkflowRow[] = [];
  let seen = 0;
  for await (const w of temporal.workflow.list({ query, pageSize: Math.min(1000, skip + page.pageSize) })) {
    if (seen++ < skip) continue;
    items.push(rowOf(w));
    if (items.length === page.pageSize) break;
  }
  const { count } = await temporal.workflow.count(query);
  return { items, total: count };
}
