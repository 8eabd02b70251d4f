// Certificates: the public check by number + verification code, and the administrator's
// revocation (撤销) of a title obtained by fraud.
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import { certificatesService } from './service';

const verifyQuery = z.object({
  number: z.string().trim().min(1).max(64),
  code: z.string().trim().min(1).max(64),
});

/** What anyone may learn: nothing personal beyond the holder's name. */
const verification = z.object({
  number: z.string(),
  holderName: z.string(),
  title: z.object({ series: z.string(), level: z.string() }),
  issuedAt: z.string(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().optional(),
});

export function certificateRoutes(deps: ApiDeps): RouteDef[] {
  const service = certificatesService(deps);
  return [
    route({
      id: 'verifyCertificate',
      method: 'get',
      path: '/api/public/certificates/verify',
      summary: 'Verify a certificate by its number and verification code (public)',
      description: 'A wrong number and a wrong code both answer 404, so the endpoint cannot be used to find valid numbers. A revoked certificate verifies as revoked.',
      tags: ['Public'],
      access: 'public',
      limit: 'public',
      query: verifyQuery,
      responses: { 200: { description: 'The certificate as published.', schema: verification }, 404: { description: 'No certificate with this number and code.' } },
      handler: async ({ query }) => ok(await service.verify(query.number, query.code)),
    }),
    route({
      id: 'revokeCertificate',
      method: 'post',
      path: '/api/admin/certificates/:number/revocation',
      summary: 'Revoke a certificate obtained by fraud; the holder is barred by an integrity record',
      tags: ['Administration'],
      access: ['admin'],
      limit: 'mutation',
      params: z.object({ number: z.string().min(1).max(64) }),
      body: z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) }),
      responses: {
        200: {
          description: 'Revoked (again: unchanged).',
          schema: z.object({ number: z.string(), status: z.literal('revoked'), barUntil: z.string() }),
        },
      },
      handler: async ({ actor, params, body }) => ok(await service.revoke(actor, params.number, body().reason)),
    }),
  ];
}
