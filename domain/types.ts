// Types shared by workflows, activities and the API. Plain JSON only: workflow state and
// inputs cross Temporal's history, so no Date, Map or class instances.

export const ROLES = ['applicant', 'employer', 'authority', 'industry', 'expert', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who performs an action; the API derives it from the verified token, never from the body. */
export interface Actor {
  id: string;
  roles: Role[];
  organisationId?: string;
}

/** ISO-8601 instant, e.g. 2026-10-10T15:59:59.999Z. */
export type Instant = string;

export interface TimelineEntry {
  at: Instant;
  action: string;
  actorId: string;
  stage: string;
  note?: string;
}

export interface PendingTask {
  taskKey: string;
  kind: string;
  assigneeRole: Role;
  assigneeId?: string;
  assigneeOrg?: string;
  dueAt?: Instant;
}
