import type { Client } from '@temporalio/client';
import type { Db } from '../prisma/client';
import type { RouteDef } from './http/route';

/** What every route module receives from the composition root (api/app.ts). */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** The Temporal Web UI page of a workflow, for administrators. */
  uiLink(workflowId: string): string;
  /** What time it is for due dates and overdue flags: the wall clock, or a test server's. */
  now(): Date;
}

/** A resource's routes: a function of the shared dependencies, listed once in api/app.ts. */
export type RouteModule = (deps: ApiDeps) => RouteDef[];
