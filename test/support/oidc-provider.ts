// A real OpenID provider (oidc-provider) for the sign-in tests: a public client doing the
// authorization code flow with PKCE, demo accounts whose claims carry `roles` and `org` in the
// ID token (scope `roles`), and the library's own login and consent pages (any password).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  name: string;
  roles: string[];
  org?: string;
}

export interface OpenIdProvider {
  issuer: string;
  jwksUrl: string;
  /** Registers the client (its redirect URI is known once the site listens) and starts answering. */
  start(client: { clientId: string; redirectUri: string }, accounts: Record<string, ProviderAccount>): Promise<void>;
  close(): Promise<void>;
}

/** Listens first (the site's configuration needs the issuer), answers once started. */
export async function openIdProvider(): Promise<OpenIdProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    async start({ clientId, redirectUri }, accounts) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, token_endpoint_auth_method: 'none', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
        jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
        cookies: { keys: ['a test cookie key of some length'] },
        claims: { openid: ['sub'], profile: ['name'], roles: ['roles', 'org'] },
        // The roles and organisation in the ID token itself, as the API reads them.
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
        // The browser calls the token endpoint from the site the client returns to.
        clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: string[] }) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx: unknown, id: string) {
          const a = accounts[id];
          if (!a) return undefined;
          return { accountId: id, claims: () => ({ sub: id, name: a.name, roles: a.roles, ...(a.org ? { org: a.org } : {}) }) };
        },
      });
      handle = provider.callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
