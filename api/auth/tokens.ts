import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ROLES, type Actor } from '../../workflows/shared/types';

const ISSUER = 'talent-lifecycle';
const claims = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  org: z.string().min(1).optional(),
});

const key = (secret: string) => new TextEncoder().encode(secret);

export async function mintToken(actor: Actor, secret: string, expiresIn = '30d'): Promise<string> {
  return new SignJWT({ roles: actor.roles, ...(actor.organisationId ? { org: actor.organisationId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

/** Verifies signature, issuer and expiry, then the claims' shape. */
export async function verifyToken(token: string, secret: string): Promise<Actor> {
  const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, algorithms: ['HS256'] });
  const c = claims.parse(payload);
  return { id: c.sub, roles: c.roles, ...(c.org ? { organisationId: c.org } : {}) };
}
