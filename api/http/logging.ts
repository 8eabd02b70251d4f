// Request logs with request ids. A caller's (or proxy's) X-Request-Id is kept so one id follows
// a request across services; otherwise we make one. It is echoed back in the response.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Only ids that are safe to log and echo: no spaces, no control characters, bounded. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Bodies, tokens and query strings may carry personal data (names, certificate codes): the
    // log keeps the route shape only. Redaction is a second net for anything a handler logs.
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, url: String(req.url).split('?')[0] }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.authorization', '*.password', '*.token'], censor: '[redacted]' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
}
