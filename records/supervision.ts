// Supervision reports (日常监管, DOMAIN §5): the row the API writes once per reporter and client
// key, what the report's workflow settles on it, and the memberships a report acts on.
import type { Db, DbTx, Prisma } from '../prisma/client';
import type { Transition } from '../domain/transition';
import type { ReportKind, ReportedAs, ReportFacts } from '../domain/supervision/types';

/** What a supervision transition settles on the report row. */
export function supervisionPatch(t: Transition): Prisma.SupervisionReportUpdateInput {
  const d = t.detail ?? {};
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const when = (k: string) => (str(k) ? new Date(str(k)!) : undefined);
  return {
    ...(t.status ? { status: t.status } : {}),
    ...(when('contestBy') ? { contestBy: when('contestBy') } : {}),
    ...(Array.isArray(d.effects) ? { effects: d.effects as Prisma.InputJsonValue } : {}),
    ...(str('contestGrounds') ? { contestGrounds: str('contestGrounds'), contestedAt: when('contestedAt') } : {}),
    ...(str('resolution') ? { resolution: str('resolution'), resolutionReason: str('resolutionReason'), resolvedBy: str('resolvedBy'), resolvedAt: when('resolvedAt') } : {}),
  };
}

export interface NewReport {
  id: string;
  workflowId: string;
  reporterId: string;
  clientKey: string;
  talentId: string;
  kind: ReportKind;
  reportedAs: ReportedAs;
  organisationId?: string;
  occurredOn: string;
  statement: string;
  facts: ReportFacts;
  evidence: string[];
  createdAt: Date;
}

/** The report, once per reporter and client key: a repeat answers the first (created false). */
export async function recordReport(db: Db, r: NewReport) {
  const key = { reporterId_clientKey: { reporterId: r.reporterId, clientKey: r.clientKey } };
  const existing = await db.supervisionReport.findUnique({ where: key });
  if (existing) return { row: existing, created: false };
  try {
    const row = await db.supervisionReport.create({ data: { ...r, facts: r.facts as Prisma.InputJsonValue, evidence: r.evidence, effects: [] } });
    return { row, created: true };
  } catch (err) {
    // The same key at the same time: the other request wrote it.
    const row = await db.supervisionReport.findUnique({ where: key });
    if (row) return { row, created: false };
    throw err;
  }
}

/** The talent's memberships still running (active or paused). */
export async function runningMembershipsOf(db: Db | DbTx, talentId: string) {
  const rows = await db.membership.findMany({ where: { talentId, status: { in: ['active', 'paused'] } }, orderBy: { admittedAt: 'asc' } });
  return rows.map((m) => ({ membershipId: m.id, workflowId: m.workflowId, employerId: m.employerId }));
}
