// Errors leave the API as RFC 9457 problem details (application/problem+json), worded in the
// caller's language: Accept-Language chooses zh-CN (the default) or en. A problem carries its
// detail as a phrase of the catalogue (domain/words); the title follows from the status.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { z } from 'zod';
import { MaterialRefused } from '../domain/dossier/files';
import { fromAcceptLanguage, type Locale } from '../domain/words/locale';
import { phrase, say, sayPhrase, type Phrase } from '../domain/words/say';

export interface FieldError {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** What went wrong, said in the caller's language when the problem is answered. */
    readonly detail: Phrase,
    readonly errors?: FieldError[],
  ) {
    // The English words, for logs and for code that reads `message`.
    super(sayPhrase('en', detail));
  }
}

export const badRequest = (detail: Phrase, errors?: FieldError[]) => new HttpProblem(400, detail, errors);
export const unauthorized = (detail: Phrase) => new HttpProblem(401, detail);
export const forbidden = (detail: Phrase) => new HttpProblem(403, detail);
export const notFound = (detail: Phrase = phrase('problem.no-resource')) => new HttpProblem(404, detail);
export const conflict = (detail: Phrase) => new HttpProblem(409, detail);
export const unprocessable = (detail: Phrase) => new HttpProblem(422, detail);

/** The language a request reads: its Accept-Language, zh-CN when it names neither of ours. */
export const localeOfRequest = (req: Request): Locale => fromAcceptLanguage(req.headers['accept-language']);

/** The shape of every error body, for the OpenAPI document. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string().describe("The status in the caller's language (Accept-Language: zh-CN by default, or en)."),
  status: z.number().int(),
  detail: z.string().optional().describe("What went wrong, in the caller's language."),
  instance: z.string().optional(),
  code: z.string().optional().describe('The catalogue key of the detail (GET /api/words), stable across languages.'),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export function fromZod(error: z.ZodError, where: 'body' | 'query' | 'params'): HttpProblem {
  const errors = error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return badRequest(phrase('problem.invalid-input', { where, paths: errors.map((e) => e.path) }), errors);
}

function titleOf(locale: Locale, status: number): string {
  const key = `problem.title.${status}`;
  const said = sayPhrase(locale, { key });
  return said === key ? say(locale, status >= 500 ? 'problem.title.500' : 'problem.title.400') : said;
}

const send = (req: Request, res: Parameters<RequestHandler>[1], p: HttpProblem) => {
  const locale = localeOfRequest(req);
  res
    .status(p.status)
    .vary('Accept-Language')
    .set('Content-Language', locale)
    .type('application/problem+json')
    .json({
      type: `about:blank`,
      title: titleOf(locale, p.status),
      status: p.status,
      detail: sayPhrase(locale, p.detail),
      instance: req.originalUrl,
      code: p.detail.key,
      ...(p.errors ? { errors: p.errors } : {}),
    });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  send(req, res, notFound(phrase('problem.no-route', { method: req.method, path: req.path })));
};

/** body-parser and friends mark client errors with a 4xx status and a type. */
function clientError(err: { status: number; type?: string }): HttpProblem {
  if (err.type === 'entity.too.large') return new HttpProblem(err.status, phrase('problem.too-large'));
  if (err.type === 'entity.parse.failed') return new HttpProblem(err.status, phrase('problem.malformed-json'));
  return new HttpProblem(err.status, phrase('problem.bad-request'));
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) return send(req, res, err);
  if (err instanceof MaterialRefused) return send(req, res, new HttpProblem(err.status, err.phrase, [{ path: 'body.file', message: err.code }]));
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (status >= 400 && status < 500) return send(req, res, clientError(err));
  req.log?.error({ err }, 'unhandled error');
  return send(req, res, new HttpProblem(500, phrase('problem.internal')));
};
