// Production sign-in: a real OpenID provider (oidc-provider) and the API configured with its
// issuer and JWKS, no development mode. In Chromium a stranger at /cases is sent to the sign-in
// page, signs in with 统一身份认证 (the provider's login and consent pages, code flow with PKCE),
// comes back at /auth/callback and lands on /cases as the provider's user, with the roles and
// organisation the API maps from the ID token's claims. A token of another issuer is refused.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { ensureWebBuild, WEB_DIST } from '../../scripts/web/build';
import { expectAccessible } from '../support/axe';
import { chromiumAvailable, launchChromium, listen } from '../support/browser';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';
import { openIdProvider, type OpenIdProvider } from '../support/oidc-provider';
import { pageOf, shot } from '../support/web-pages';

const CLIENT_ID = 'talent-web';

describe.skipIf(!chromiumAvailable)('sign-in with the identity provider', () => {
  let h: Harness;
  let idp: OpenIdProvider;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    await ensureWebBuild((msg) => console.log(`[web] ${msg}`));
    h = await startHarness({});
    idp = await openIdProvider();
    site = await listen(
      createApp({
        db: h.db,
        objects: h.objects,
        temporal: h.temporal,
        logger: pino({ level: 'silent' }),
        // As config/env.ts builds it from JWT_JWKS_URL, JWT_ISSUER and OIDC_CLIENT_ID (ID tokens: audience = the client id).
        config: {
          jwt: { secret: JWT_SECRET, jwksUrl: idp.jwksUrl, issuer: idp.issuer, audience: CLIENT_ID },
          oidc: { issuer: idp.issuer, clientId: CLIENT_ID, scopes: 'openid profile roles', bearer: 'id_token' },
          taskQueue: h.taskQueue,
          temporalUiUrl: 'http://localhost:8233',
          namespace: 'default',
          rateLimits: { mutations: 1000, public: 1000, windowMs: 60_000 },
          webDist: WEB_DIST,
        },
      }),
    );
    // The provider's user: roles of this application and another's, and an organisation.
    await idp.start({ clientId: CLIENT_ID, redirectUri: `${site.url}/auth/callback` }, { 'u-hr-hospital': { name: '赵军', roles: ['employer', 'portal-user'], org: 'org-district-hospital' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await idp?.close();
    await h?.stop();
  });

  it('offers only the provider, sends a stranger through its login and consent, and comes back at /cases with the mapped roles', async () => {
    const config = await (await fetch(`${site.url}/api/auth/config`)).json();
    expect(config).toEqual({ mode: 'oidc', issuer: idp.issuer, clientId: CLIENT_ID, scopes: 'openid profile roles', bearer: 'id_token' });
    expect((await fetch(`${site.url}/api/dev/users`)).status).toBe(404);

    const { page, errors } = await pageOf(browser);
    // The provider's own pages are not ours: only our site's errors count.
    const ours: string[] = [];
    page.on('pageerror', (e) => page.url().startsWith(site.url) && ours.push(e.message));
    page.on('console', (m) => m.type() === 'error' && m.location().url.startsWith(site.url) && ours.push(m.text()));

    await page.goto(`${site.url}/cases`);
    await page.waitForURL('**/sign-in');
    const button = page.getByRole('button', { name: '使用统一身份认证登录' });
    await button.waitFor();
    expect(await page.getByRole('row', { name: /u-li-ming/ }).count()).toBe(0);
    await expectAccessible(page, 'sign-in (identity provider)');
    await shot(page, 'auth-sign-in-oidc-zh-CN');
    await button.click();

    // The provider's login and consent (oidc-provider's development pages: any password).
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.getByPlaceholder('Enter any login').fill('u-hr-hospital');
    await page.getByPlaceholder('and password').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back through /auth/callback to where the person was going.
    await page.waitForURL(`${site.url}/cases`);
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('u-hr-hospital');
    await page.getByRole('heading', { name: '我的申报' }).or(page.getByText('我的申报').first()).first().waitFor();
    const session = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('tl.session'));
    const { token, user } = JSON.parse(session!) as { token: string; user: { id: string; roles: string[]; organisationId: string } };
    // The API's mapping: the provider's roles that are ours, its organisation claim.
    expect(user).toMatchObject({ id: 'u-hr-hospital', roles: ['employer'], organisationId: 'org-district-hospital' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: idp.issuer, aud: CLIENT_ID, sub: 'u-hr-hospital', roles: ['employer', 'portal-user'], org: 'org-district-hospital' });
    await shot(page, 'auth-signed-in-oidc-zh-CN');

    // An employer may not open the applicant's 申报向导.
    await page.goto(`${site.url}/apply`);
    await page.getByText('403', { exact: true }).waitFor();
    expect(ours).toEqual([]);
    expect(errors.filter((e) => !/fonts\.googleapis|ERR_|Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('refuses a token of another issuer, and the pages send its bearer back to sign in', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    void (await exportJWK(publicKey));
    const foreign = await new SignJWT({ roles: ['admin'], org: 'org-hrss-bureau' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject('u-admin')
      .setIssuer('https://another-idp.example')
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await fetch(`${site.url}/api/auth/me`, { headers: { Authorization: `Bearer ${foreign}` } })).status).toBe(401);
    // The same claims with our issuer's name but not its keys: refused too.
    const forged = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setSubject('u-admin').setIssuer(idp.issuer).setAudience(CLIENT_ID).setIssuedAt().setExpirationTime('5m').sign(privateKey);
    expect((await fetch(`${site.url}/api/auth/me`, { headers: { Authorization: `Bearer ${forged}` } })).status).toBe(401);
    // And the development tokens of the shared secret are not accepted here.
    expect((await fetch(`${site.url}/api/auth/me`, { headers: { Authorization: `Bearer ${await h.tokenFor('u-admin')}` } })).status).toBe(401);

    const { page } = await pageOf(browser);
    await page.goto(`${site.url}/sign-in`);
    await page.evaluate((t) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('tl.session', JSON.stringify({ token: t, user: { id: 'u-admin', name: 'admin', roles: ['admin'], organisationId: null } })), foreign);
    await page.goto(`${site.url}/cases`);
    await page.waitForURL('**/sign-in');
    await page.getByRole('button', { name: '使用统一身份认证登录' }).waitFor();
    await page.context().close();
  });
});
