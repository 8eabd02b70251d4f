// The route table: every endpoint is one data record (path, who may call it, its zod schemas,
// its handler). The same records mount the Express routes, generate the OpenAPI document and
// drive the authorization-matrix test, so none of the three can drift from the others.
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Actor, Role } from '../../domain/types';
import type { Upload } from './multipart';

/**
 * Who may call a route at all. Callers outside it get 403 before any lookup, which leaks
 * nothing; which *resource* they may touch is the resource's policy function's business.
 */
export type Access = 'public' | readonly Role[];

/** mutation: per-caller limit on writes; public: per-IP limit on unauthenticated reads. */
export type LimitKind = 'mutation' | 'public';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** application/json unless said otherwise (text/csv, text/html). */
  contentType?: string;
}

export interface Ctx<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  /**
   * Parses the body on demand, so a handler authorizes first (404/403) and validates after:
   * a stranger learns nothing from a 400 about a case they may not see.
   */
  body(): B;
  /** With `upload`: receives the file and the form fields (authorize first, then call it). */
  upload(opts: { incomingDir: string; maxFileBytes: number }): Promise<Upload<B>>;
  req: Request;
  res: Response;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A non-JSON reply (CSV, HTML, a download): `body` is sent as the string it is. */
  contentType?: string;
  /** A download streamed as it is read (with `contentType`); `body` is then ignored. */
  stream?: Readable;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> {
  /** Unique; the OpenAPI operationId and the key of the authorization matrix. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax: /api/applications/:id */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  limit?: LimitKind;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A multipart/form-data upload: one part named "file" and the form fields `body` describes
   * (received by `ctx.upload`, not parsed as JSON).
   */
  upload?: { description: string };
  /** Documented request headers, e.g. Idempotency-Key. */
  headers?: z.ZodObject;
  responses: Record<number, ResponseSpec>;
  handler(ctx: Ctx<Infer<P>, Infer<Q>, Infer<B>>): Promise<Reply>;
}

export type RouteDef = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Typed at the definition, erased in the table. */
export function route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteDef {
  return spec as unknown as RouteDef;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown, location: string): Reply => ({ status: 201, body, headers: { Location: location } });
