import type { Db } from '../prisma/client';
import { appraisalPolicySchema } from '../domain/appraisal/policy';

/**
 * 撤销: a title obtained by fraud is revoked and an integrity record bars its holder for the
 * policy's number of years (DOMAIN §5). Idempotent: revoking again changes nothing.
 */
export async function revokeCertificate(db: Db, r: { certificateId: string; reason: string; actorId: string; at: Date }) {
  const { at } = r;
  return db.$transaction(async (tx) => {
    const cert = await tx.certificate.findUniqueOrThrow({ where: { id: r.certificateId } });
    const application = await tx.application.findUniqueOrThrow({ where: { id: cert.applicationId } });
    // The bar the case's own policy version sets: it is what the holder applied under.
    const policy = await tx.policy.findFirstOrThrow({ where: { key: 'appraisal', version: application.policyVersion ?? 1 } });
    const years = appraisalPolicySchema.parse(policy.values).integrityBarYears;
    const barUntil = new Date(at);
    barUntil.setUTCFullYear(barUntil.getUTCFullYear() + years);
    if (cert.status !== 'revoked') {
      await tx.certificate.update({ where: { id: cert.id }, data: { status: 'revoked', revokedAt: at, revokedReason: r.reason } });
    }
    const record = await tx.integrityRecord.upsert({
      where: { userId_kind_sourceRef: { userId: cert.holderId, kind: 'title-fraud', sourceRef: cert.id } },
      create: { userId: cert.holderId, kind: 'title-fraud', reason: r.reason, sourceRef: cert.id, recordedAt: at, barUntil },
      update: {},
    });
    await tx.auditEvent.upsert({
      where: { workflowId_eventKey: { workflowId: application.workflowId, eventKey: `revoke-${cert.id}` } },
      create: {
        workflowId: application.workflowId,
        eventKey: `revoke-${cert.id}`,
        caseId: application.id,
        actorId: r.actorId,
        action: 'revoke-certificate',
        at,
        detail: { reason: r.reason, barUntil: record.barUntil.toISOString() },
      },
      update: {},
    });
    return { certificate: { ...cert, status: 'revoked' }, integrityRecord: record };
  });
}
