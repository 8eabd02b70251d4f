// An exit committee's agenda (DOMAIN §4): for each exit review, what its experts read before they
// vote on the motion "exit" — the trigger and its reason, the talent's defence, the employer's and
// the industry body's opinions, and the membership's grades by cycle. All of it is on record: the
// review's audit trail and the membership's cycle results.
import type { Db } from '../../prisma/client';
import type { MeetingRules } from '../../domain/committee/types';
import type { Actor } from '../../domain/types';
import { hasRole } from '../auth/authenticate';
import { loadPolicy } from '../../records/policy';
import { EXIT_COMMITTEE_DEFAULT } from '../../domain/assessment/policy-defaults';

const HEARD = ['open-exit-review', 'file-defence', 'file-opinion-employer', 'file-opinion-industry'] as const;

const noteOf = (detail: unknown) => ((detail as { note?: string } | null)?.note ?? '');

/** The committee rules of each exit review the membership pinned (policies before it: the default). */
export async function exitRules(db: Db, caseIds: string[]): Promise<Map<string, MeetingRules>> {
  const reviews = await db.exitReview.findMany({ where: { id: { in: caseIds } }, select: { id: true, membershipId: true } });
  const memberships = await db.membership.findMany({ where: { id: { in: reviews.map((r) => r.membershipId) } }, select: { id: true, policyVersion: true } });
  const rules = new Map<string, MeetingRules>();
  for (const r of reviews) {
    const version = memberships.find((m) => m.id === r.membershipId)?.policyVersion ?? 1;
    const policy = await loadPolicy(db, 'assessment', { version }).catch(() => undefined);
    rules.set(r.id, policy?.values.exit.committee ?? EXIT_COMMITTEE_DEFAULT);
  }
  return rules;
}

export interface ExitDossier {
  reviewId: string;
  membershipId: string;
  talentName: string;
  programmeId: string;
  series: string;
  trigger: { kind: string; reason: string };
  defence: string | null;
  opinions: { employer: string | null; industry: string | null };
  grades: { cycle: number; grade: string | null; score: number | null }[];
}

/**
 * The dossiers of the exit reviews on a meeting's agenda, for those who may read them: an
 * administrator or the authority, or an expert seated on this meeting while it is drawn or voting.
 */
export async function exitDossiers(db: Db, actor: Actor, meeting: { id: string; status: string }, caseIds: string[]): Promise<Map<string, ExitDossier>> {
  const out = new Map<string, ExitDossier>();
  if (!caseIds.length) return out;
  const seated = hasRole(actor, 'expert')
    ? await db.committeeSeat.findFirst({ where: { meetingId: meeting.id, expertId: actor.id, status: 'seated' } })
    : null;
  if (!hasRole(actor, 'admin', 'authority') && !(seated && ['drawn', 'voting'].includes(meeting.status))) return out;
  const reviews = await db.exitReview.findMany({ where: { id: { in: caseIds } } });
  const memberships = await db.membership.findMany({ where: { id: { in: reviews.map((r) => r.membershipId) } }, include: { talent: { select: { name: true } } } });
  const events = await db.auditEvent.findMany({ where: { caseId: { in: reviews.map((r) => r.id) }, action: { in: [...HEARD] } }, orderBy: { id: 'asc' } });
  const cycles = await db.cycleResult.findMany({ where: { membershipId: { in: memberships.map((m) => m.id) } }, orderBy: { cycleIndex: 'asc' } });
  for (const r of reviews) {
    const m = memberships.find((x) => x.id === r.membershipId);
    if (!m) continue;
    const said = (action: (typeof HEARD)[number]) => {
      const e = events.find((x) => x.caseId === r.id && x.action === action);
      return e ? noteOf(e.detail) : null;
    };
    out.set(r.id, {
      reviewId: r.id,
      membershipId: m.id,
      talentName: m.talent.name,
      programmeId: m.programmeId,
      series: m.series,
      trigger: { kind: r.trigger, reason: said('open-exit-review') ?? '' },
      defence: said('file-defence'),
      opinions: { employer: said('file-opinion-employer'), industry: said('file-opinion-industry') },
      grades: cycles.filter((c) => c.membershipId === m.id).map((c) => ({ cycle: c.cycleIndex, grade: c.grade, score: c.score === null ? null : c.score / 100 })),
    });
  }
  return out;
}
