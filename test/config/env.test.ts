// The development flag and the production mark (api/env.ts): development conveniences are off by
// default, refused when the deployment is marked production (not keyed on NODE_ENV), and a
// production deployment may not run on the development secrets. The API and the worker refuse to
// start on such a configuration.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appConfigOf, calendarModeOf, loadEnv } from '../../config/env';
import { DEV_JWT_SECRET } from '../../config/env';

const run = promisify(execFile);
const PRODUCTION_SECRETS = { JWT_SECRET: 'a-production-secret-of-32-chars!', TEMPORAL_PAYLOAD_KEY: Buffer.alloc(32, 7).toString('base64') };

describe('the development flag', () => {
  it('is off by default, and so are compressed working days', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ TL_DEPLOYMENT: 'development', TL_DEV_MODE: false });
    expect(calendarModeOf(env)).toEqual({});
  });

  it('compresses working days only with the flag on', () => {
    expect(calendarModeOf(loadEnv({ TL_DEV_MODE: 'true', TL_DEV_WORKING_DAY_SECONDS: '20' }))).toEqual({ acceleratedWorkingDayMs: 20_000 });
    expect(() => loadEnv({ TL_DEV_WORKING_DAY_SECONDS: '20' })).toThrow(/TL_DEV_WORKING_DAY_SECONDS is a development convenience: it needs TL_DEV_MODE=true/);
    expect(() => loadEnv({ TL_DEV_MODE: 'maybe' })).toThrow(/TL_DEV_MODE/);
  });

  it('is refused in a deployment marked production, whatever NODE_ENV says', () => {
    expect(() => loadEnv({ TL_DEPLOYMENT: 'production', TL_DEV_MODE: 'true', NODE_ENV: 'development', ...PRODUCTION_SECRETS })).toThrow(/TL_DEV_MODE is refused: this deployment is marked production/);
    expect(loadEnv({ TL_DEPLOYMENT: 'production', NODE_ENV: 'development', ...PRODUCTION_SECRETS }).TL_DEV_MODE).toBe(false);
    // NODE_ENV=production alone marks nothing.
    expect(loadEnv({ NODE_ENV: 'production', TL_DEV_MODE: 'true' }).TL_DEV_MODE).toBe(true);
  });

  it('a production deployment needs its own secrets', () => {
    expect(() => loadEnv({ TL_DEPLOYMENT: 'production', TEMPORAL_PAYLOAD_KEY: PRODUCTION_SECRETS.TEMPORAL_PAYLOAD_KEY })).toThrow(/JWT_SECRET/);
    expect(() => loadEnv({ TL_DEPLOYMENT: 'production', JWT_SECRET: PRODUCTION_SECRETS.JWT_SECRET })).toThrow(/TEMPORAL_PAYLOAD_KEY/);
    expect(loadEnv({ TL_DEPLOYMENT: 'production', ...PRODUCTION_SECRETS }).JWT_SECRET).not.toBe(DEV_JWT_SECRET);
  });

  it.each(['api/main.ts', 'worker/main.ts'])('%s refuses to start with it in production, saying why', async (entry) => {
    const env = { ...process.env, TL_DEPLOYMENT: 'production', TL_DEV_MODE: 'true', ...PRODUCTION_SECRETS, TEMPORAL_ADDRESS: '127.0.0.1:1' };
    const failed = await run(process.execPath, ['--import', 'tsx', entry], { env, timeout: 30_000 }).then(
      () => undefined,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('TL_DEV_MODE is refused: this deployment is marked production');
    expect(failed?.stderr).not.toMatch(/\bat .*\.ts:\d+/); // the reasons, not a stack trace
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('is where mail links to: localhost by default, a URL when set, refused when not one', () => {
    expect(loadEnv({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(appConfigOf(loadEnv({ PUBLIC_BASE_URL: 'https://talent.example.cn' })).publicBaseUrl).toBe('https://talent.example.cn');
    expect(() => loadEnv({ PUBLIC_BASE_URL: 'talent.example.cn' })).toThrow(/PUBLIC_BASE_URL/);
  });
});

describe('the sign-in with an identity provider', () => {
  const IDP = { JWT_ISSUER: 'https://sso.example.cn/realms/hrss', JWT_JWKS_URL: 'https://sso.example.cn/realms/hrss/certs' };

  it('gives the pages the issuer, client id and scopes, and requires ID tokens addressed to that client', () => {
    const config = appConfigOf(loadEnv({ ...IDP, OIDC_CLIENT_ID: 'talent-web', JWT_ROLES_CLAIM: 'realm_access.roles' }));
    expect(config.oidc).toEqual({ issuer: IDP.JWT_ISSUER, clientId: 'talent-web', scopes: 'openid profile', bearer: 'id_token' });
    expect(config.jwt).toMatchObject({ issuer: IDP.JWT_ISSUER, jwksUrl: IDP.JWT_JWKS_URL, audience: 'talent-web', rolesClaim: 'realm_access.roles', orgClaim: 'org' });
    expect(appConfigOf(loadEnv({ ...IDP, OIDC_CLIENT_ID: 'talent-web', OIDC_BEARER: 'access_token', JWT_AUDIENCE: 'talent-api' })).jwt.audience).toBe('talent-api');
    expect(appConfigOf(loadEnv({ ...IDP, OIDC_CLIENT_ID: 'talent-web', OIDC_BEARER: 'access_token' })).jwt).not.toHaveProperty('audience');
    expect(appConfigOf(loadEnv(IDP))).not.toHaveProperty('oidc');
  });

  it('refuses a client id without the provider’s keys or issuer URL', () => {
    expect(() => loadEnv({ OIDC_CLIENT_ID: 'talent-web' })).toThrow(/OIDC_CLIENT_ID needs JWT_JWKS_URL/);
    expect(() => loadEnv({ JWT_JWKS_URL: IDP.JWT_JWKS_URL, OIDC_CLIENT_ID: 'talent-web' })).toThrow(/JWT_ISSUER: with OIDC_CLIENT_ID/);
  });
});
