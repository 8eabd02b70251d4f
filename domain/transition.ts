// What a workflow asks the database to record after one transition, in one transaction.
import type { Instant, PendingTask, Role } from './types';
import type { Phrase } from './words/say';

export interface TaskSpec {
  taskKey: string;
  kind: string;
  assigneeRole: Role;
  assigneeId?: string;
  assigneeOrg?: string;
  dueAt?: Instant;
}

/** A mail is addressed to a user, or to every user holding a role (in an organisation). */
export type Recipient = { userId: string } | { role: Role; organisationId?: string };

/**
 * A mail, as the workflow asks for it: which template, with codes, ids and ISO instants as data.
 * The words are chosen when it is queued, in each recipient's language (records/outbox.ts).
 */
export interface MailSpec {
  /** Unique per mail and recipient group: the outbox sends each key once. */
  eventKey: string;
  to: Recipient;
  template: string;
  data: Record<string, string>;
  /** The system's reasons, as phrases of the catalogue (an ineligibility, a deemed withdrawal). */
  why?: Phrase[];
}

/** A working-day deadline as the database keeps it (RunningDeadline). */
export interface DeadlineReport {
  purpose: string;
  countFrom: Instant;
  workingDays: number;
  dueAt: Instant;
  pausedSince?: Instant;
}

export interface Transition {
  workflowId: string;
  caseId: string;
  /** Unique within the workflow; the audit row and the whole transition are keyed by it. */
  eventKey: string;
  actorId: string;
  action: string;
  at: Instant;
  stage: string;
  status?: string;
  detail?: Record<string, unknown>;
  closeTasks?: { taskKey: string; outcome: string }[];
  openTasks?: TaskSpec[];
  /** Open tasks whose due date moved (a deadline was extended). */
  retimeTasks?: { taskKey: string; dueAt: Instant }[];
  mails?: MailSpec[];
  /** Every working-day deadline the case runs after this transition; unset: not reported. */
  deadlines?: DeadlineReport[];
}

/** What a log hands over to the next run at continue-as-new: plain JSON. */
export interface LogState {
  seq: number;
  pendingTasks: PendingTask[];
  /** Task kind → user it was reassigned to by an administrator. */
  reassigned: Record<string, string>;
}
