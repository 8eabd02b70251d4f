// The Express app, without listen(): main.ts serves it, tests start it on port 0.
import type { Client } from '@temporalio/client';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../domain/clock';
import type { Db } from '../prisma/client';
import type { ObjectStore } from '../records/objects/store';
import { adminRoutes } from './admin/routes';
import { applicationRoutes } from './applications/routes';
import { calendarRoutes } from './calendar/routes';
import { authenticate } from './auth/authenticate';
import { authRoutes } from './auth/routes';
import { createVerifier, mintToken, type TokenConfig } from './auth/tokens';
import { certificateRoutes } from './certificates/routes';
import type { ApiDeps, OidcClientConfig, RouteModule } from './deps';
import { exitReviewRoutes } from './exit-reviews/routes';
import { supervisionReportRoutes } from './supervision-reports/routes';
import { devRoutes } from './dev/routes';
import { draftRoutes } from './drafts/routes';
import { expertRoutes } from './experts/routes';
import { docsRouter } from './http/docs';
import { materialRoutes } from './materials/routes';
import { retentionRoutes } from './retention/routes';
import { effectRoutes } from './effect/routes';
import { requestLogger } from './http/logging';
import { mountRoutes } from './http/mount';
import { buildOpenApi } from './http/openapi';
import { createLimiters, type RateLimits } from './http/rate-limit';
import type { RouteDef } from './http/route';
import { inboxRoutes } from './inbox/routes';
import { meetingRoutes } from './meetings/routes';
import { membershipRoutes } from './memberships/routes';
import { entitlementRoutes } from './entitlements/routes';
import { organisationRoutes } from './organisations/routes';
import { notFoundHandler, problemHandler } from './problem';
import { policyRoutes } from './policies/routes';
import { programmeRoutes } from './programmes/routes';
import { standardRoutes } from './standards/routes';
import { systemRoutes } from './system/routes';
import { userRoutes } from './users/routes';
import { wordRoutes } from './words/routes';
import { webRouter } from './web/static';
import type { CalendarMode } from '../domain/calendar/mode';
import type { Actor } from '../domain/types';
import { DEFAULT_PUBLIC_BASE_URL } from '../domain/links';

/**
 * Every resource's routes, one line each. A new resource adds its module here; it is then
 * mounted, documented in /openapi.json, and must get a row in the authorization-matrix test.
 */
export const routeModules: RouteModule[] = [
  systemRoutes,
  applicationRoutes,
  inboxRoutes,
  meetingRoutes,
  certificateRoutes,
  membershipRoutes,
  entitlementRoutes,
  programmeRoutes,
  exitReviewRoutes,
  supervisionReportRoutes,
  standardRoutes,
  adminRoutes,
  calendarRoutes,
  policyRoutes,
  draftRoutes,
  materialRoutes,
  retentionRoutes,
  effectRoutes,
  expertRoutes,
  organisationRoutes,
  userRoutes,
  wordRoutes,
  authRoutes,
  devRoutes,
];

/** The OpenAPI document's title and version. */
export const API_INFO = { title: 'talent-lifecycle API', version: '1' };

export interface AppConfig {
  jwt: TokenConfig;
  taskQueue: string;
  temporalUiUrl: string;
  /** PUBLIC_BASE_URL: where mail the API queues links to (http://localhost:3000 when not given). */
  publicBaseUrl?: string;
  namespace: string;
  rateLimits: RateLimits;
  /** Largest JSON body accepted; larger ones get 413. */
  bodyLimit?: string;
  /** Express `trust proxy`, so rate limits and logs see the client's IP behind a proxy. */
  trustProxy?: boolean | number | string;
  /** How working days are counted (compressed only in a development deployment). */
  calendarMode?: CalendarMode;
  /**
   * TL_DEV_MODE: development sign-in (GET /api/dev/users, POST /api/dev/token) is mounted.
   * Off, those routes do not exist. Ignored with an identity provider (jwt.jwksUrl).
   */
  devMode?: boolean;
  /**
   * The identity provider the pages sign in with (code flow with PKCE); needs jwt.jwksUrl and
   * jwt.issuer of the same provider. GET /api/auth/config tells the pages.
   */
  oidc?: OidcClientConfig;
  /** The built web pages (web/dist): served at / when the folder holds a build. */
  webDist?: string;
}

export interface AppDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  config: AppConfig;
  /** Where applicants' materials are stored. */
  objects: ObjectStore;
  /** The clock that decides what is overdue; tests on a time-skipping server pass its time. */
  clock?: Clock;
}

export function createApp({ db, temporal, logger, config, objects, clock = systemClock }: AppDeps) {
  const deps: ApiDeps = {
    db,
    temporal,
    taskQueue: config.taskQueue,
    now: clock,
    calendarMode: config.calendarMode ?? {},
    objects,
    publicBaseUrl: config.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL,
    ...(config.devMode && !config.jwt.jwksUrl ? { devTokens: (actor: Actor) => mintToken(actor, config.jwt.secret) } : {}),
    ...(config.oidc && config.jwt.jwksUrl ? { oidc: config.oidc } : {}),
    uiLink: (workflowId) => `${config.temporalUiUrl}/namespaces/${config.namespace}/workflows/${encodeURIComponent(workflowId)}`,
  };
  const routes: RouteDef[] = routeModules.flatMap((module) => module(deps));
  let openapi: object | undefined;

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.locals.routes = routes;
  // helmet's policy, plus blob: frames and images (the pages show a material fetched with the
  // token, a PDF in a frame or an image, from a blob: URL of their own making) and, with an
  // identity provider, connections to it (discovery, the token exchange run by the browser).
  const provider = deps.oidc ? new URL(deps.oidc.issuer).origin : undefined;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'frame-src': ["'self'", 'blob:'], 'img-src': ["'self'", 'data:', 'blob:'], ...(provider ? { 'connect-src': ["'self'", provider] } : {}) },
      },
    }),
  );
  app.use(requestLogger(logger));
  app.use(express.json({ limit: config.bodyLimit ?? '256kb' }));
  app.use(docsRouter(() => (openapi ??= buildOpenApi(routes, API_INFO))));
  app.use(mountRoutes(routes, { authenticate: authenticate(createVerifier(config.jwt)), limiters: createLimiters(config.rateLimits) }));
  app.use(webRouter(config.webDist));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}

/** The route table of an app built by createApp (tests generate their matrices from it). */
export const routesOf = (app: ReturnType<typeof createApp>): RouteDef[] => app.locals.routes as RouteDef[];
