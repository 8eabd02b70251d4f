import type { Request, RequestHandler } from 'express';
import type { Actor, Role } from '../../domain/types';
import { phrase } from '../../domain/words/say';
import { forbidden, unauthorized } from '../problem';
import type { TokenVerifier } from './tokens';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

export function authenticate(verify: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return next(unauthorized(phrase('problem.token-required')));
    try {
      req.actor = await verify(header.slice('Bearer '.length));
      next();
    } catch {
      next(unauthorized(phrase('problem.token-invalid')));
    }
  };
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized(phrase('problem.token-required'));
  return req.actor;
}

export function requireRole(req: Request, ...roles: Role[]): Actor {
  const actor = actorOf(req);
  if (!roles.some((r) => actor.roles.includes(r))) throw forbidden(phrase('problem.role-needed', { roles }));
  return actor;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
