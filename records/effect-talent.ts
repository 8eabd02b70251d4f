// 效果跟踪, one talent: every programme membership with its cycles, long-term view, outputs and
// exit reviews; the titles (certificates, applications) and integrity records. Reads only.
import type { Db } from '../prisma/client';
import { longTermView } from '../domain/assessment/scoring';
import { assessmentPolicyV1, gradingV1 } from '../domain/assessment/policy-defaults';
import { assessmentPolicySchema, gradingValuesSchema } from '../domain/assessment/policy';
import type { CycleSummary, Grade } from '../domain/assessment/types';
import type { MembershipEffect } from '../domain/supervision/types';

/** Hundredths (8725) → points (87.25), as people read a score. */
export const points = (hundredths: number | null | undefined): number | null => (hundredths === null || hundredths === undefined ? null : hundredths / 100);

export interface ReportedOutput {
  cycle: number | null;
  kind: string;
  title: string;
  reportedAt: string;
}

/**
 * The outputs the talent reported in their self-reports. The self-report is kept in the
 * membership's audit trail (action `file-self-report`); its cycle is the one the last
 * `open-cycle` before it opened.
 */
async function outputsOf(db: Db, membershipId: string): Promise<ReportedOutput[]> {
  const events = await db.auditEvent.findMany({ where: { caseId: membershipId, action: { in: ['open-cycle', 'file-self-report'] } }, orderBy: { id: 'asc' } });
  let cycle: number | null = null;
  const out: ReportedOutput[] = [];
  for (const e of events) {
    const detail = (e.detail ?? {}) as { cycle?: number; outputs?: { kind: string; title: string }[] };
    if (e.action === 'open-cycle') cycle = typeof detail.cycle === 'number' ? detail.cycle : cycle;
    else for (const o of detail.outputs ?? []) out.push({ cycle, kind: o.kind, title: o.title, reportedAt: e.at.toISOString() });
  }
  return out;
}

/** The trend threshold and boundaries the membership pinned; the defaults when its versions are gone. */
async function pinnedRules(db: Db, m: { programmeId: string; policyVersion: number | null; programmeStandardVersion: number | null }) {
  const [policy, grading] = await Promise.all([
    m.policyVersion === null ? null : db.policy.findUnique({ where: { key_version: { key: 'assessment', version: m.policyVersion } } }),
    m.programmeStandardVersion === null ? null : db.programmeStandard.findUnique({ where: { programmeId_version: { programmeId: m.programmeId, version: m.programmeStandardVersion } } }),
  ]);
  const p = assessmentPolicySchema.safeParse(policy?.values);
  const g = gradingValuesSchema.safeParse(grading?.rules);
  return { trendThreshold: p.success ? p.data.trendThreshold : assessmentPolicyV1.trendThreshold, boundaries: g.success ? g.data.boundaries : gradingV1.boundaries };
}

export interface SupervisionEvent {
  id: string;
  kind: string;
  reportedAs: string;
  occurredOn: string;
  status: string;
  /** What the report did to each membership it acted on (exit-review, transfer, pause, ...). */
  effects: { membershipId: string; effect: string; undone: boolean }[];
  reportedAt: string;
}

/** The supervision reports (日常监管) naming the talent, in the order the events happened. */
export async function supervisionEvents(db: Db, talentId: string): Promise<SupervisionEvent[]> {
  const rows = await db.supervisionReport.findMany({ where: { talentId }, orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }] });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    reportedAs: r.reportedAs,
    occurredOn: r.occurredOn,
    status: r.status,
    effects: (Array.isArray(r.effects) ? (r.effects as unknown as MembershipEffect[]) : []).map((e) => ({ membershipId: e.membershipId, effect: e.result.effect, undone: e.undone !== undefined })),
    reportedAt: r.createdAt.toISOString(),
  }));
}

export interface EntitlementLine {
  membershipId: string;
  kind: string;
  basis: string;
  amountFen: number;
  startsOn: string;
  endsOn: string;
  status: string;
  endedOn: string | null;
  endReason: string | null;
  recoverableFen: number | null;
}

/** The entitlements (allowance, apartment, grant) of every membership of the talent. */
export async function entitlements(db: Db, talentId: string): Promise<EntitlementLine[]> {
  const rows = await db.entitlement.findMany({ where: { membership: { talentId } }, orderBy: [{ startsOn: 'asc' }, { membershipId: 'asc' }, { kind: 'asc' }] });
  return rows.map((e) => ({
    membershipId: e.membershipId,
    kind: e.kind,
    basis: e.basis,
    amountFen: e.amountFen,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    status: e.status,
    endedOn: e.endedOn,
    endReason: e.endReason,
    recoverableFen: e.recoverableFen,
  }));
}

async function membershipsOf(db: Db, talentId: string) {
  const rows = await db.membership.findMany({ where: { talentId }, include: { programme: true }, orderBy: { admittedAt: 'asc' } });
  return Promise.all(
    rows.map(async (m) => {
      const [cycles, reviews, outputs, rules] = await Promise.all([
        db.cycleResult.findMany({ where: { membershipId: m.id }, orderBy: { cycleIndex: 'asc' } }),
        db.exitReview.findMany({ where: { membershipId: m.id }, orderBy: { n: 'asc' } }),
        outputsOf(db, m.id),
        pinnedRules(db, m),
      ]);
      const past: CycleSummary[] = cycles.filter((c) => c.grade).map((c) => ({ cycle: c.cycleIndex, score: c.score, grade: c.grade as Grade }));
      const view = longTermView(past, rules, m.status === 'completed');
      return {
        membershipId: m.id,
        programme: { id: m.programme.id, name: m.programme.name, nameEn: m.programme.nameEn },
        series: m.series,
        level: m.level,
        intake: m.intake,
        status: m.status,
        outcome: m.outcome,
        admittedAt: m.admittedAt.toISOString(),
        endedAt: m.endedAt?.toISOString() ?? null,
        cycles: cycles.map((c) => ({ cycle: c.cycleIndex, score: points(c.score), baseGrade: c.baseGrade, grade: c.grade, gradedAt: c.gradedAt?.toISOString() ?? null })),
        longTerm: { meanScore: points(view.meanScore), trend: view.trend ?? null, termGrade: view.termGrade ?? null },
        outputs,
        exitReviews: reviews.map((r) => ({ id: r.id, n: r.n, trigger: r.trigger, status: r.status, stage: r.stage, startedAt: r.startedAt.toISOString() })),
      };
    }),
  );
}

export type TalentEffect = NonNullable<Awaited<ReturnType<typeof talentEffect>>>;

/** The talent's long-term picture, or null when there is no such user. */
export async function talentEffect(db: Db, talentId: string) {
  const user = await db.user.findUnique({ where: { id: talentId } });
  if (!user) return null;
  const [memberships, certificates, applications, integrity, supervision, money] = await Promise.all([
    membershipsOf(db, talentId),
    db.certificate.findMany({ where: { holderId: talentId }, orderBy: { issuedAt: 'asc' } }),
    db.application.findMany({ where: { applicantId: talentId }, orderBy: { submittedAt: 'asc' } }),
    db.integrityRecord.findMany({ where: { userId: talentId }, orderBy: { recordedAt: 'asc' } }),
    supervisionEvents(db, talentId),
    entitlements(db, talentId),
  ]);
  return {
    talent: { id: user.id, name: user.name, organisationId: user.organisationId },
    memberships,
    titles: {
      certificates: certificates.map((c) => ({ number: c.number, series: c.series, level: c.level, issuedAt: c.issuedAt.toISOString(), revoked: c.status === 'revoked', revokedAt: c.revokedAt?.toISOString() ?? null })),
      applications: applications.map((a) => ({ id: a.id, caseNumber: a.caseNumber, track: a.track, series: a.series, level: a.level, status: a.status, outcome: a.outcome, submittedAt: a.submittedAt.toISOString(), endedAt: a.endedAt?.toISOString() ?? null })),
    },
    integrity: integrity.map((r) => ({ kind: r.kind, reason: r.reason, recordedAt: r.recordedAt.toISOString(), barUntil: r.barUntil.toISOString() })),
    supervisionEvents: supervision,
    entitlements: money,
  };
}
