import type { Client } from '@temporalio/client';
import type { Clock } from '../domain/clock';
import type { Db } from '../prisma/client';
import type { ObjectStore } from '../records/objects/store';
import type { RouteDef } from './http/route';
import type { CalendarMode } from '../domain/calendar/mode';
import type { Actor } from '../domain/types';

/** The identity provider as the browser uses it (OIDC_CLIENT_ID with JWT_ISSUER/JWT_JWKS_URL). */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  /** Space-separated, as the authorization request sends them. */
  scopes: string;
  /** Which token the pages send to the API. */
  bearer: 'id_token' | 'access_token';
}

/** What every route module receives from the composition root (api/app.ts). */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** The Temporal Web UI page of a workflow, for administrators. */
  uiLink(workflowId: string): string;
  /** What time it is: stamps, due dates and overdue flags. The wall clock, or a test server's. */
  now: Clock;
  /** How working days are counted here (compressed in a development deployment). */
  calendarMode: CalendarMode;
  /** Where applicants' materials are stored. */
  objects: ObjectStore;
  /** PUBLIC_BASE_URL: where the mail the API queues links to. */
  publicBaseUrl: string;
  /** Development mode only (TL_DEV_MODE): mints a token for a user, as `npm run token` does. */
  devTokens?: (actor: Actor) => Promise<string>;
  /** The identity provider the pages sign in with (OIDC_CLIENT_ID), when there is one. */
  oidc?: OidcClientConfig;
}

/** A resource's routes: a function of the shared dependencies, listed once in api/app.ts. */
export type RouteModule = (deps: ApiDeps) => RouteDef[];
