// Errors leave the API as RFC 9457 problem details (application/problem+json).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { MaterialRefused } from '../domain/dossier/files';

const TITLES = { 400: 'Bad Request', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content' } as const;

export interface FieldError {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail = 'no such resource') => new HttpProblem(404, 'Not Found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const unprocessable = (detail: string) => new HttpProblem(422, 'Unprocessable Content', detail);

/** The shape of every error body, for the OpenAPI document. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export function fromZod(error: z.ZodError, where: 'body' | 'query' | 'params'): HttpProblem {
  const errors = error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return badRequest(`invalid ${where}: ${errors.map((e) => e.path).join(', ')}`, errors);
}

const send = (res: Parameters<RequestHandler>[1], p: HttpProblem, instance: string) =>
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: `about:blank`,
      title: p.title,
      status: p.status,
      detail: p.message,
      instance,
      ...(p.errors ? { errors: p.errors } : {}),
    });

export const notFoundHandler: RequestHandler = (req, res) => {
  send(res, notFound(`no route for ${req.method} ${req.path}`), req.originalUrl);
};

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) return send(res, err, req.originalUrl);
  if (err instanceof MaterialRefused) return send(res, new HttpProblem(err.status, TITLES[err.status], err.message, [{ path: 'body.file', message: err.code }]), req.originalUrl);
  // body-parser and friends mark client errors with a 4xx status.
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (status >= 400 && status < 500) {
    return send(res, new HttpProblem(status, err.type === 'entity.too.large' ? 'Payload Too Large' : 'Bad Request', err.message), req.originalUrl);
  }
  req.log?.error({ err }, 'unhandled error');
  return send(res, new HttpProblem(500, 'Internal Server Error', 'something went wrong on our side'), req.originalUrl);
};
