// Mounts the route table on an Express router: authentication, rate limit and role check as
// middleware, then the handler with its parsed params and query.
import { Router, type RequestHandler } from 'express';
import type { Actor } from '../../domain/types';
import { phrase } from '../../domain/words/say';
import { forbidden, unauthorized } from '../problem';
import { parse } from '../validate';
import { receiveUpload } from './multipart';
import { pipeline } from 'node:stream/promises';
import type { LimitKind, RouteDef } from './route';

export interface MountOptions {
  authenticate: RequestHandler;
  limiters: Record<LimitKind, RequestHandler>;
}

const ANONYMOUS: Actor = { id: 'anonymous', roles: [] };

export function mountRoutes(routes: readonly RouteDef[], { authenticate, limiters }: MountOptions): Router {
  const router = Router();
  const seen = new Set<string>();
  for (const r of routes) {
    if (seen.has(r.id)) throw new Error(`two routes share the id ${r.id}`);
    seen.add(r.id);
    const chain: RequestHandler[] = [];
    if (r.access !== 'public') chain.push(authenticate, requireAccess(r));
    // Limited after authentication, so a mutation limit counts per caller, not per proxy IP.
    if (r.limit) chain.push(limiters[r.limit]);
    router[r.method](r.path, ...chain, async (req, res) => {
      const params = r.params ? parse(r.params, req, 'params') : undefined;
      const query = r.query ? parse(r.query, req, 'query') : undefined;
      const reply = await r.handler({
        actor: req.actor ?? ANONYMOUS,
        params,
        query,
        body: () => (r.body && !r.upload ? parse(r.body, req, 'body') : undefined),
        upload: (opts) => {
          if (!r.upload || !r.body) throw new Error(`route ${r.id} takes no upload`);
          return receiveUpload(req, { ...opts, fields: r.body });
        },
        req,
        res,
      });
      res.status(reply.status);
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      if (reply.stream) {
        res.type(reply.contentType ?? 'application/octet-stream');
        await pipeline(reply.stream, res);
      } else if (reply.contentType) res.type(reply.contentType).send(reply.body);
      else res.json(reply.body);
    });
  }
  return router;
}

function requireAccess(r: RouteDef): RequestHandler {
  const roles = r.access === 'public' ? [] : r.access;
  return (req, _res, next) => {
    const actor = req.actor;
    if (!actor) return next(unauthorized(phrase('problem.token-required')));
    if (!roles.some((role) => actor.roles.includes(role))) return next(forbidden(phrase('problem.role-needed', { roles })));
    next();
  };
}
