import { z } from 'zod';
import { createDataConverter, DEV_PAYLOAD_KEY } from './data-converter';
import type { CalendarMode } from '../domain/calendar/mode';
import type { ObjectStoreConfig } from './object-store';
import { DEFAULT_PUBLIC_BASE_URL } from '../domain/links';

/** Development only: production sets JWT_SECRET (or JWT_JWKS_URL). */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-please';

/** 'true'/'1'/'yes' or 'false'/'0'/'no'/''; anything else is an error, not a silent false. */
const flagDefaulting = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(fallback)
    .transform((v) => ['true', '1', 'yes'].includes(v));
const flag = flagDefaulting('false');

// Configuration is parsed once at start-up; a bad value stops the process with a readable message.
const fields = z.object({
  /**
   * What this deployment is. `production` refuses the development flag and the development
   * secrets; anything else is a development or demo machine. Deliberately not NODE_ENV, which
   * tools set for their own reasons.
   */
  TL_DEPLOYMENT: z.enum(['development', 'production']).default('development'),
  /**
   * Development conveniences (off by default): compressed working days (below), and what later
   * pages offer developers. `npm start` turns it on.
   */
  TL_DEV_MODE: flag,
  /** With TL_DEV_MODE: one working day lasts this many seconds, so demos get past 5-day notices. */
  TL_DEV_WORKING_DAY_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/app.db'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('talent-lifecycle'),
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  /** Where people reach this deployment: links in mail (to a case, a certificate) start with it. */
  PUBLIC_BASE_URL: z.url().default(DEFAULT_PUBLIC_BASE_URL),
  JWT_SECRET: z.string().min(16).default(DEV_JWT_SECRET),
  /** An identity provider's JWKS: when set, its signed tokens are accepted instead of HS256 ones. */
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().min(1).default('talent-lifecycle'),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** The claims that carry a user's roles and organisation (docs/sign-in.md); a dotted path reaches a nested claim. */
  JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
  JWT_ORG_CLAIM: z.string().min(1).default('org'),
  /**
   * The pages' sign-in with the identity provider (JWT_ISSUER, JWT_JWKS_URL): its client id for
   * this application (a public client, authorization code with PKCE). Without it, no sign-in is offered.
   */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile'),
  /** Which of the provider's tokens the pages send to the API: the ID token (default) or the access token. */
  OIDC_BEARER: z.enum(['id_token', 'access_token']).default('id_token'),
  /** Writes per caller, and public requests per IP, per RATE_LIMIT_WINDOW_MS (per API replica). */
  RATE_LIMIT_MUTATIONS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_PUBLIC: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Express `trust proxy`: the number of proxies in front of the API (0: none). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/).default('256kb'),
  SMTP_URL: z.string().min(1).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(1).default('talent-lifecycle <no-reply@talent.local>'),
  /**
   * AES-256 key (base64) that encrypts workflow payloads, so Temporal's history never holds a
   * ballot in clear. The default is for development only; production must set its own.
   */
  TEMPORAL_PAYLOAD_KEY: z.base64().default(DEV_PAYLOAD_KEY),
  /** Earlier keys, comma-separated, still accepted for decryption after a rotation. */
  TEMPORAL_PAYLOAD_PREVIOUS_KEYS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where applicants' materials are stored: local files (the default) or an S3-compatible bucket. */
  OBJECT_STORE: z.enum(['local', 's3']).default('local'),
  /** local: the folder (data/objects under the data folder by default). */
  OBJECTS_DIR: z.string().min(1).default('./data/objects'),
  /** s3: the bucket and how to reach it; uploads are checked in S3_INCOMING_DIR first. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: flagDefaulting('true'),
  S3_PREFIX: z.string().default('materials/'),
  S3_INCOMING_DIR: z.string().min(1).default('./data/incoming'),
});

const schema = fields.superRefine((env, ctx) => {
  const production = env.TL_DEPLOYMENT === 'production';
  if (production && env.TL_DEV_MODE) {
    ctx.addIssue({ code: 'custom', path: ['TL_DEV_MODE'], message: 'TL_DEV_MODE is refused: this deployment is marked production (TL_DEPLOYMENT=production)' });
  }
  if (env.TL_DEV_WORKING_DAY_SECONDS !== undefined && !env.TL_DEV_MODE) {
    ctx.addIssue({ code: 'custom', path: ['TL_DEV_WORKING_DAY_SECONDS'], message: 'TL_DEV_WORKING_DAY_SECONDS is a development convenience: it needs TL_DEV_MODE=true' });
  }
  if (production && env.JWT_SECRET === DEV_JWT_SECRET && !env.JWT_JWKS_URL) {
    ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET: production needs its own (or JWT_JWKS_URL), not the development default' });
  }
  if (env.OIDC_CLIENT_ID && !env.JWT_JWKS_URL) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: "OIDC_CLIENT_ID needs JWT_JWKS_URL (and JWT_ISSUER): the API must accept the provider's tokens" });
  }
  if (env.OIDC_CLIENT_ID && !URL.canParse(env.JWT_ISSUER)) {
    ctx.addIssue({ code: 'custom', path: ['JWT_ISSUER'], message: "JWT_ISSUER: with OIDC_CLIENT_ID it is the provider's issuer URL, where the pages find its discovery document" });
  }
  if (env.OBJECT_STORE === 's3') {
    for (const k of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!env[k]) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is needed when OBJECT_STORE=s3` });
    }
  }
  if (production && env.TEMPORAL_PAYLOAD_KEY === DEV_PAYLOAD_KEY) {
    ctx.addIssue({ code: 'custom', path: ['TEMPORAL_PAYLOAD_KEY'], message: 'TEMPORAL_PAYLOAD_KEY: production needs its own, not the development default' });
  }
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** For a process's start: a bad configuration ends it with the reasons, not a stack trace. */
export function loadEnvOrExit(source: NodeJS.ProcessEnv = process.env): Env {
  try {
    return loadEnv(source);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  }
}

/** Where materials are stored in this deployment. */
export function objectStoreConfigOf(env: Env): ObjectStoreConfig {
  if (env.OBJECT_STORE === 'local') return { kind: 'local', dir: env.OBJECTS_DIR };
  return {
    kind: 's3',
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    region: env.S3_REGION,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    prefix: env.S3_PREFIX,
    incomingDir: env.S3_INCOMING_DIR,
  };
}

/** How the calendar activity counts working days in this deployment. */
export function calendarModeOf(env: Env): CalendarMode {
  return env.TL_DEV_MODE && env.TL_DEV_WORKING_DAY_SECONDS ? { acceleratedWorkingDayMs: env.TL_DEV_WORKING_DAY_SECONDS * 1000 } : {};
}

/** The payload codec every Temporal client and worker of this deployment uses. */
export function dataConverterOf(env: Env) {
  const previous = env.TEMPORAL_PAYLOAD_PREVIOUS_KEYS.split(',').map((k) => k.trim()).filter(Boolean);
  return createDataConverter(env.TEMPORAL_PAYLOAD_KEY, ...previous);
}

/** The API's configuration, from the environment. */
export function appConfigOf(env: Env) {
  return {
    jwt: {
      secret: env.JWT_SECRET,
      issuer: env.JWT_ISSUER,
      ...(env.JWT_JWKS_URL ? { jwksUrl: env.JWT_JWKS_URL } : {}),
      rolesClaim: env.JWT_ROLES_CLAIM,
      orgClaim: env.JWT_ORG_CLAIM,
      // An ID token is addressed to the client it was issued to: accept only this application's.
      ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : env.OIDC_CLIENT_ID && env.OIDC_BEARER === 'id_token' ? { audience: env.OIDC_CLIENT_ID } : {}),
    },
    ...(env.OIDC_CLIENT_ID && env.JWT_JWKS_URL ? { oidc: { issuer: env.JWT_ISSUER, clientId: env.OIDC_CLIENT_ID, scopes: env.OIDC_SCOPES, bearer: env.OIDC_BEARER } } : {}),
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    temporalUiUrl: env.TEMPORAL_UI_URL,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    namespace: env.TEMPORAL_NAMESPACE,
    rateLimits: { mutations: env.RATE_LIMIT_MUTATIONS, public: env.RATE_LIMIT_PUBLIC, windowMs: env.RATE_LIMIT_WINDOW_MS },
    bodyLimit: env.BODY_LIMIT,
    trustProxy: env.TRUST_PROXY,
    calendarMode: calendarModeOf(env),
    devMode: env.TL_DEV_MODE,
  };
}
