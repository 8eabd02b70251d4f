// Use-cases of certificates: the public check by number and code, and the revocation (撤销) of a
// title obtained by fraud.
import type { Actor } from '../../domain/types';
import { revokeCertificate } from '../../records/revocation';
import type { ApiDeps } from '../deps';
import { notFound } from '../problem';
import { phrase } from '../../domain/words/say';

export function certificatesService({ db, now }: Pick<ApiDeps, 'db' | 'now'>) {
  return {
    /** What anyone may learn: nothing personal beyond the holder's name. A wrong number and a wrong code look the same. */
    async verify(number: string, code: string) {
      const cert = await db.certificate.findUnique({ where: { number: number.toUpperCase() } });
      if (!cert || cert.verificationCode !== code.toUpperCase()) throw notFound(phrase('problem.no-certificate-match'));
      return {
        number: cert.number,
        holderName: cert.holderName,
        title: { series: cert.series, level: cert.level },
        issuedAt: cert.issuedAt.toISOString(),
        status: cert.status === 'revoked' ? ('revoked' as const) : ('valid' as const),
        ...(cert.revokedAt ? { revokedAt: cert.revokedAt.toISOString() } : {}),
      };
    },

    /** Revokes and bars the holder; revoking again changes nothing. */
    async revoke(actor: Actor, number: string, reason: string) {
      const cert = await db.certificate.findUnique({ where: { number } });
      if (!cert) throw notFound(phrase('problem.no-certificate', { number }));
      const { integrityRecord } = await revokeCertificate(db, { certificateId: cert.id, reason, actorId: actor.id, at: now() });
      return { number: cert.number, status: 'revoked' as const, barUntil: integrityRecord.barUntil.toISOString() };
    },
  };
}
