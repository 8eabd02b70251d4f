import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ROLES, type Actor } from '../../domain/types';

const ISSUER = 'talent-lifecycle';
const claims = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  org: z.string().min(1).optional(),
});

const key = (secret: string) => new TextEncoder().encode(secret);

/** Development and test tokens, signed with the shared HS256 secret. */
export async function mintToken(actor: Actor, secret: string, expiresIn = '30d'): Promise<string> {
  return new SignJWT({ roles: actor.roles, ...(actor.organisationId ? { org: actor.organisationId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

export interface TokenConfig {
  /** HS256 shared secret: tokens minted by `npm run token` or a trusted issuer sharing it. */
  secret: string;
  /** An identity provider's JWKS: tokens signed by its keys (RS256/ES256/EdDSA) are accepted instead. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * Verifies signature, issuer, audience and expiry, then the claims' shape: `sub`, `roles` and
 * the optional organisation `org`. The JWKS is fetched lazily and cached by jose.
 */
export function createVerifier(config: TokenConfig): TokenVerifier {
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const options = {
    issuer: config.issuer ?? ISSUER,
    ...(config.audience ? { audience: config.audience } : {}),
  };
  return async (token) => {
    const { payload } = jwks
      ? await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256', 'EdDSA'] })
      : await jwtVerify(token, key(config.secret), { ...options, algorithms: ['HS256'] });
    const c = claims.parse(payload);
    return { id: c.sub, roles: c.roles, ...(c.org ? { organisationId: c.org } : {}) };
  };
}

/** Kept for callers that verify one token with the shared secret. */
export const verifyToken = (token: string, secret: string): Promise<Actor> => createVerifier({ secret })(token);
