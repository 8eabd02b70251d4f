import type { Request, RequestHandler } from 'express';
import type { Actor, Role } from '../../domain/types';
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
    if (!header?.startsWith('Bearer ')) return next(unauthorized('a bearer token is required'));
    try {
      req.actor = await verify(header.slice('Bearer '.length));
      next();
    } catch {
      next(unauthorized('the token is invalid or expired'));
    }
  };
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized('a bearer token is required');
  return req.actor;
}

export function requireRole(req: Request, ...roles: Role[]): Actor {
  const actor = actorOf(req);
  if (!roles.some((r) => actor.roles.includes(r))) throw forbidden(`this action needs the role ${roles.join(' or ')}`);
  return actor;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
