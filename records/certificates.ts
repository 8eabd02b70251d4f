import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../prisma/client';
import type { CertificateRequest } from '../domain/activities';

// Crockford base32 without look-alike letters: easy to read out and type in.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = (bytes: Buffer) => Array.from(bytes, (b) => ALPHABET[b % 32]).join('');

/**
 * Issues the electronic certificate once per application: a retry returns the one issued. The
 * number derives from the application, the verification code is random and checked publicly.
 */
export async function issueCertificate(db: Db, r: CertificateRequest) {
  const existing = await db.certificate.findUnique({ where: { applicationId: r.applicationId } });
  if (existing) return existing;
  const holder = await db.user.findUniqueOrThrow({ where: { id: r.holderId } });
  const year = r.issuedAt.slice(0, 4);
  const digest = createHash('sha256').update(r.applicationId).digest();
  const number = `SH-${year}-${r.series.slice(0, 3).toUpperCase()}-${code(digest.subarray(0, 8))}`;
  try {
    return await db.certificate.create({
      data: {
        id: r.applicationId,
        number,
        verificationCode: code(randomBytes(10)),
        applicationId: r.applicationId,
        holderId: r.holderId,
        holderName: holder.name,
        series: r.series,
        level: r.level,
        issuedAt: new Date(r.issuedAt),
      },
    });
  } catch (err) {
    // Two attempts raced: the other one's row is the certificate.
    const raced = await db.certificate.findUnique({ where: { applicationId: r.applicationId } });
    if (raced) return raced;
    throw err;
  }
}
