import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ROLES, type Actor, type Role } from '../../domain/types';

const ISSUER = 'talent-lifecycle';

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
  /** The claim that carries the roles (JWT_ROLES_CLAIM, default `roles`; a dotted path reaches a nested one). */
  rolesClaim?: string;
  /** The claim that carries the organisation's id (JWT_ORG_CLAIM, default `org`; dotted paths too). */
  orgClaim?: string;
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/** `realm_access.roles` reads payload.realm_access.roles; a plain name reads that claim. */
const claimAt = (payload: JWTPayload, path: string): unknown =>
  path in payload ? payload[path] : path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), payload);

/**
 * The mapping from a token's claims to an actor (docs/sign-in.md): `sub` is the user's id; the
 * roles claim is an array of role codes or one space-separated string, and values that are not
 * this application's roles (a provider's other clients' roles, `offline_access`…) are ignored;
 * a token with none of ours is refused. The organisation claim is one id string.
 */
export function actorOfClaims(payload: JWTPayload, rolesClaim = 'roles', orgClaim = 'org'): Actor {
  const sub = z.string().min(1).parse(payload.sub);
  const raw = claimAt(payload, rolesClaim);
  const listed = typeof raw === 'string' ? raw.split(/\s+/) : z.array(z.string()).parse(raw);
  const roles = [...new Set(listed.filter((r): r is Role => (ROLES as readonly string[]).includes(r)))];
  if (!roles.length) throw new Error(`the token's ${rolesClaim} claim names none of this application's roles`);
  const org = z.string().min(1).optional().parse(claimAt(payload, orgClaim) ?? undefined);
  return { id: sub, roles, ...(org ? { organisationId: org } : {}) };
}

/**
 * Verifies signature, issuer, audience and expiry, then maps the claims (actorOfClaims). The
 * JWKS is fetched lazily and cached by jose.
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
    return actorOfClaims(payload, config.rolesClaim, config.orgClaim);
  };
}

/** Kept for callers that verify one token with the shared secret. */
export const verifyToken = (token: string, secret: string): Promise<Actor> => createVerifier({ secret })(token);
