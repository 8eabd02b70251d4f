// Certificates: the public check by number + verification code, and the administrator's
// revocation (撤销) of a title obtained by fraud.
import { z } from 'zod';
import { revokeCertificate } from '../../records/revocation';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import { notFound } from '../problem';

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

export function certificateRoutes({ db, now }: ApiDeps): RouteDef[] {
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
      async handler({ query }) {
        const cert = await db.certificate.findUnique({ where: { number: query.number.toUpperCase() } });
        if (!cert || cert.verificationCode !== query.code.toUpperCase()) throw notFound('no certificate with this number and verification code');
        return ok({
          number: cert.number,
          holderName: cert.holderName,
          title: { series: cert.series, level: cert.level },
          issuedAt: cert.issuedAt.toISOString(),
          status: cert.status === 'revoked' ? 'revoked' : 'valid',
          ...(cert.revokedAt ? { revokedAt: cert.revokedAt.toISOString() } : {}),
        });
      },
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
      async handler({ actor, params, body }) {
        const cert = await db.certificate.findUnique({ where: { number: params.number } });
        if (!cert) throw notFound(`no certificate ${params.number}`);
        const { reason } = body();
        const { integrityRecord } = await revokeCertificate(db, { certificateId: cert.id, reason, actorId: actor.id, at: now() });
        return ok({ number: cert.number, status: 'revoked', barUntil: integrityRecord.barUntil.toISOString() });
      },
    }),
  ];
}
