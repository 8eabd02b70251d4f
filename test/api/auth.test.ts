// Identity: HS256 tokens with the shared secret, or an identity provider's keys from a JWKS URL;
// expired, foreign and malformed tokens are refused with 401.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { mintToken } from '../../api/auth/tokens';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';

let h: Harness;
let jwks: Server;
let jwksUrl = '';
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
beforeAll(async () => {
  h = await startHarness();
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  await new Promise((resolve) => jwks?.close(resolve));
  await h?.stop();
});

const idpToken = (claims: Record<string, unknown>, opts: { issuer?: string; audience?: string; expires?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('u-hr-hospital')
    .setIssuer(opts.issuer ?? 'https://idp.example')
    .setAudience(opts.audience ?? 'talent-lifecycle')
    .setIssuedAt()
    .setExpirationTime(opts.expires ?? '5m')
    .sign(privateKey);

describe('tokens', () => {
  it('accepts the shared-secret tokens `npm run token` mints, and refuses expired, tampered and role-less ones', async () => {
    const inbox = (token: string) => request(h.app).get('/api/inbox').set('Authorization', `Bearer ${token}`);
    expect((await inbox(await h.tokenFor('u-li-ming'))).status).toBe(200);
    expect((await inbox(await mintToken({ id: 'u-li-ming', roles: ['applicant'] }, JWT_SECRET, '-1m'))).status).toBe(401);
    expect((await inbox(await mintToken({ id: 'u-li-ming', roles: ['applicant'] }, 'another-secret-of-16-chars'))).status).toBe(401);
    expect((await inbox(await mintToken({ id: 'u-li-ming', roles: [] }, JWT_SECRET))).status).toBe(401);
    const forged = (await h.tokenFor('u-li-ming')).split('.');
    forged[1] = Buffer.from(JSON.stringify({ sub: 'u-li-ming', roles: ['admin'], iss: 'talent-lifecycle' })).toString('base64url');
    expect((await inbox(forged.join('.'))).status).toBe(401);
  });

  it("accepts an identity provider's tokens through its JWKS, checking issuer and audience", async () => {
    const app = createApp({
      db: h.db,
      objects: h.objects,
      temporal: h.temporal,
      logger: pino({ level: 'silent' }),
      config: {
        jwt: { secret: JWT_SECRET, jwksUrl, issuer: 'https://idp.example', audience: 'talent-lifecycle' },
        taskQueue: h.taskQueue,
        temporalUiUrl: 'http://localhost:8233',
        namespace: 'default',
        rateLimits: { mutations: 100, public: 100, windowMs: 60_000 },
      },
    });
    const inbox = (token: string) => request(app).get('/api/inbox').set('Authorization', `Bearer ${token}`);
    const ok = await inbox(await idpToken({ roles: ['employer'], org: 'org-district-hospital' }));
    expect(ok.status).toBe(200);
    expect((await inbox(await idpToken({ roles: ['employer'] }, { audience: 'someone-else' }))).status).toBe(401);
    expect((await inbox(await idpToken({ roles: ['employer'] }, { issuer: 'https://evil.example' }))).status).toBe(401);
    expect((await inbox(await idpToken({ roles: ['employer'] }, { expires: '-1m' }))).status).toBe(401);
    // With a JWKS configured, the shared secret no longer signs anything acceptable.
    expect((await inbox(await h.tokenFor('u-hr-hospital'))).status).toBe(401);
  });

  it("maps the provider's claims to roles and organisation: configurable claim names, other roles ignored, none of ours refused", async () => {
    const app = createApp({
      db: h.db,
      objects: h.objects,
      temporal: h.temporal,
      logger: pino({ level: 'silent' }),
      config: {
        jwt: { secret: JWT_SECRET, jwksUrl, issuer: 'https://idp.example', audience: 'talent-lifecycle', rolesClaim: 'realm_access.roles', orgClaim: 'tl_org' },
        taskQueue: h.taskQueue,
        temporalUiUrl: 'http://localhost:8233',
        namespace: 'default',
        rateLimits: { mutations: 100, public: 100, windowMs: 60_000 },
      },
    });
    const me = async (claims: Record<string, unknown>) => request(app).get('/api/auth/me').set('Authorization', `Bearer ${await idpToken(claims)}`);
    const mapped = await me({ realm_access: { roles: ['offline_access', 'employer', 'employer'] }, tl_org: 'org-district-hospital' });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toEqual({ id: 'u-hr-hospital', name: expect.any(String), roles: ['employer'], organisationId: 'org-district-hospital', organisation: { id: 'org-district-hospital', name: '区中心医院', kind: 'employer' } });
    expect((await me({ realm_access: { roles: 'employer expert' } })).body.roles).toEqual(['employer', 'expert']);
    expect((await me({ realm_access: { roles: ['offline_access'] } })).status).toBe(401);
    // The default names are not read when others are configured.
    expect((await me({ roles: ['admin'], org: 'org-district-hospital' })).status).toBe(401);
  });
});

describe('GET /api/auth/config', () => {
  const appWith = (config: Partial<Parameters<typeof createApp>[0]['config']>) =>
    createApp({
      db: h.db,
      objects: h.objects,
      temporal: h.temporal,
      logger: pino({ level: 'silent' }),
      config: { jwt: { secret: JWT_SECRET }, taskQueue: h.taskQueue, temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { mutations: 100, public: 100, windowMs: 60_000 }, ...config },
    });
  const oidc = { issuer: 'https://idp.example', clientId: 'talent-web', scopes: 'openid profile roles', bearer: 'id_token' as const };

  it('says dev with TL_DEV_MODE and no provider, oidc with a provider and a client id, none otherwise', async () => {
    expect((await request(appWith({ devMode: true })).get('/api/auth/config')).body).toEqual({ mode: 'dev' });
    expect((await request(appWith({})).get('/api/auth/config')).body).toEqual({ mode: 'none' });
    // A provider without a client id for the pages: tokens are accepted, the pages offer no sign-in.
    expect((await request(appWith({ devMode: true, jwt: { secret: JWT_SECRET, jwksUrl } })).get('/api/auth/config')).body).toEqual({ mode: 'none' });
    const withIdp = await request(appWith({ devMode: true, oidc, jwt: { secret: JWT_SECRET, jwksUrl, issuer: oidc.issuer } })).get('/api/auth/config');
    expect(withIdp.status).toBe(200);
    expect(withIdp.body).toEqual({ mode: 'oidc', ...oidc });
  });
});
