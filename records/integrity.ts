// 诚信档案 as a refusal names it (DOMAIN §5): the record's kind, what was revoked (the certificate's
// number), when it was recorded, the finding, and until when it bars.
import type { DbTx } from '../prisma/client';
import type { IntegrityBar } from '../domain/integrity';

type Reader = Pick<DbTx, 'integrityRecord' | 'certificate'>;

/** The record barring this person at `at` (the one barring longest), or undefined. */
export async function integrityBar(db: Reader, userId: string, at: Date): Promise<IntegrityBar | undefined> {
  const record = await db.integrityRecord.findFirst({ where: { userId, barUntil: { gt: at } }, orderBy: { barUntil: 'desc' } });
  if (!record) return undefined;
  // A title revoked for fraud names its certificate; the record's source is the certificate's id.
  const certificate = record.kind === 'title-fraud' ? await db.certificate.findUnique({ where: { id: record.sourceRef } }) : null;
  return {
    kind: record.kind,
    finding: record.reason,
    recordedAt: record.recordedAt.toISOString(),
    barUntil: record.barUntil.toISOString(),
    ...(certificate ? { certificateNumber: certificate.number } : {}),
  };
}
