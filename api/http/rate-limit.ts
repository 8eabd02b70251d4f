// Rate limits on writes (per caller) and on unauthenticated endpoints (per client IP).
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { phrase } from '../../domain/words/say';
import { HttpProblem } from '../problem';
import type { LimitKind } from './route';

export interface RateLimits {
  /** Writes per caller per window. */
  mutations: number;
  /** Requests per client IP per window on public endpoints. */
  public: number;
  windowMs: number;
}

/**
 * The default in-memory store counts per process: with several API replicas each replica
 * allows the limit on its own (N replicas ⇒ up to N× the limit). A shared store (e.g.
 * rate-limit-redis) would make the limit global; a load balancer's sticky routing narrows it.
 */
export function createLimiters(limits: RateLimits): Record<LimitKind, RequestHandler> {
  const tooMany = (what: 'changes' | 'requests') => new HttpProblem(429, phrase(what === 'changes' ? 'problem.too-many-writes' : 'problem.too-many-requests'));
  const ipOf = (req: Parameters<RequestHandler>[0]) => ipKeyGenerator(req.ip ?? 'unknown');
  return {
    mutation: rateLimit({
      windowMs: limits.windowMs,
      limit: limits.mutations,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => (req.actor ? `actor:${req.actor.id}` : `ip:${ipOf(req)}`),
      handler: (_req, _res, next) => next(tooMany('changes')),
    }),
    public: rateLimit({
      windowMs: limits.windowMs,
      limit: limits.public,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => ipOf(req),
      handler: (_req, _res, next) => next(tooMany('requests')),
    }),
  };
}
