// Use-cases of a supervision report (日常监管, DOMAIN §5): record it once per client key and start
// its workflow, list and read it, the talent's contest and the authority's resolution. Every
// refusal comes before anything is recorded or started.
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { z } from 'zod';
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { supervisionOf } from '../../domain/assessment/policy-defaults';
import { FACTS, REPORTED_BY, type ReportedAs, type SupervisionInput } from '../../domain/supervision/types';
import type { Actor } from '../../domain/types';
import { phrase } from '../../domain/words/say';
import { loadPolicy } from '../../records/policy';
import { recordReport, runningMembershipsOf } from '../../records/supervision';
import * as sm from '../../workflows/supervision/messages';
import { hasRole } from '../auth/authenticate';
import type { ApiDeps } from '../deps';
import { badRequest, conflict, forbidden } from '../problem';
import { workflowUpdates } from '../workflow-updates';
import { evidenceCheck } from './evidence';
import { reportPolicy } from './policy';
import type * as s from './schemas';

type Row = Awaited<ReturnType<ReturnType<typeof reportPolicy>['findReport']>>;

const view = (r: Row) => ({
  id: r.id,
  talentId: r.talentId,
  kind: r.kind,
  reportedAs: r.reportedAs,
  occurredOn: r.occurredOn,
  statement: r.statement,
  facts: r.facts as Record<string, unknown>,
  evidence: r.evidence as string[],
  effects: r.effects as unknown[],
  contestBy: r.contestBy?.toISOString() ?? null,
  status: r.status as 'recorded' | 'contested' | 'upheld' | 'overturned',
  createdAt: r.createdAt.toISOString(),
});

export function supervisionService({ db, temporal, taskQueue, now }: ApiDeps) {
  const policy = reportPolicy(db);
  const unreadable = evidenceCheck(db);
  const act = workflowUpdates(temporal);

  /** Who reports this kind, and whether the caller is them; 403 otherwise. */
  function reporterOf(actor: Actor, kind: keyof typeof REPORTED_BY, talentId: string): ReportedAs {
    const as = REPORTED_BY[kind];
    const role = as === 'talent' ? 'applicant' : as;
    if (!hasRole(actor, role)) throw forbidden(phrase('problem.report-kind-not-yours', { kind, reporter: as }));
    if (as === 'talent' && talentId !== actor.id) throw forbidden(phrase('problem.report-kind-not-yours', { kind, reporter: as }));
    return as;
  }

  /** Checks everything before anything is written: the talent's memberships, the date, the facts, the evidence. */
  async function check(actor: Actor, b: z.infer<typeof s.reportBody>) {
    const reportedAs = reporterOf(actor, b.kind, b.talentId);
    const running = await runningMembershipsOf(db, b.talentId);
    if (!running.length) throw badRequest(phrase('problem.no-running-membership', { talentId: b.talentId }), [{ path: 'body.talentId', message: 'no running membership' }]);
    if (reportedAs === 'employer' && !running.some((m) => m.employerId === actor.organisationId)) throw forbidden(phrase('problem.not-your-employee', { talentId: b.talentId }));
    const today = shanghaiDate(now().toISOString());
    if (b.occurredOn > today) throw badRequest(phrase('problem.future-date', { date: b.occurredOn }), [{ path: 'body.occurredOn', message: `after today (${today})` }]);
    const facts = FACTS[b.kind].safeParse(b.facts);
    if (!facts.success) {
      const errors = facts.error.issues.map((i) => ({ path: ['body', 'facts', ...i.path.map(String)].join('.'), message: i.message }));
      throw badRequest(phrase('problem.invalid-input', { where: 'body', paths: errors.map((e) => e.path).join(', ') }), errors);
    }
    const to = (facts.data as { newEmployerId?: string }).newEmployerId;
    if (to) {
      const org = await db.organisation.findUnique({ where: { id: to } });
      if (!org || !['employer', 'talent-service-centre'].includes(org.kind)) throw badRequest(phrase('problem.no-such-employer', { id: to }), [{ path: 'body.facts.newEmployerId', message: 'no such employer' }]);
    }
    const unread = await unreadable(actor, b.evidence);
    if (unread.length) throw badRequest(phrase('problem.evidence-not-readable', { id: b.evidence[Number(unread[0]!.path.split('.').pop())]! }), unread);
    return { reportedAs, running, facts: facts.data as Record<string, unknown> };
  }

  /** The report's workflow input: the policy pinned by the talent's first running membership. */
  async function inputOf(row: Row, membershipId: string): Promise<SupervisionInput> {
    const m = await db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    const pinned = m.policyVersion ? await loadPolicy(db, 'assessment', { version: m.policyVersion }).catch(() => undefined) : undefined;
    const values = pinned?.values;
    return {
      version: 1,
      reportId: row.id,
      kind: row.kind as SupervisionInput['kind'],
      talentId: row.talentId,
      reporterId: row.reporterId,
      reportedAs: row.reportedAs as ReportedAs,
      statement: row.statement,
      facts: row.facts as SupervisionInput['facts'],
      occurredOn: row.occurredOn,
      recordedAt: row.createdAt.toISOString(),
      contestWindowDays: supervisionOf(values ?? {}).contestWindowDays,
      remindBeforeDays: values?.remindBeforeDays ?? [],
    };
  }

  async function start(row: Row, membershipId: string) {
    try {
      await temporal.workflow.start('supervisionReport', { workflowId: row.workflowId, taskQueue, args: [await inputOf(row, membershipId)], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  return {
    async report(actor: Actor, body: () => z.infer<typeof s.reportBody>, clientKey: string | undefined) {
      const b = body();
      const key = clientKey ?? randomUUID();
      const existing = await db.supervisionReport.findUnique({ where: { reporterId_clientKey: { reporterId: actor.id, clientKey: key } } });
      if (existing) {
        await start(existing, (await runningMembershipsOf(db, existing.talentId))[0]?.membershipId ?? '');
        return { report: view(existing), created: false };
      }
      const { reportedAs, running, facts } = await check(actor, b);
      const id = randomUUID();
      const { row, created } = await recordReport(db, {
        id,
        workflowId: `supervision-${id}`,
        reporterId: actor.id,
        clientKey: key,
        talentId: b.talentId,
        kind: b.kind,
        reportedAs,
        ...(reportedAs === 'employer' && actor.organisationId ? { organisationId: actor.organisationId } : {}),
        occurredOn: b.occurredOn,
        statement: b.statement,
        facts,
        evidence: b.evidence,
        createdAt: now(),
      });
      await start(row, running[0]!.membershipId);
      return { report: view(row), created };
    },

    async list(actor: Actor, q: z.infer<typeof s.listQuery>) {
      // A membership's reports: those about its talent.
      const ofMembership = q.membershipId ? ((await db.membership.findUnique({ where: { id: q.membershipId } }))?.talentId ?? '') : undefined;
      const rows = await db.supervisionReport.findMany({
        where: { AND: [await policy.visibleWhere(actor), q.talentId ? { talentId: q.talentId } : {}, ofMembership !== undefined ? { talentId: ofMembership } : {}] },
        orderBy: { createdAt: 'desc' },
        take: 200,
      });
      return rows.map(view);
    },

    get: async (actor: Actor, id: string) => view(await policy.findReport(actor, id)),

    async contest(actor: Actor, id: string, body: () => z.infer<typeof s.contestBody>) {
      const row = await policy.findReport(actor, id);
      const b = body();
      if (row.contestBy && now() > row.contestBy) throw conflict(phrase('problem.contest-window-closed', { until: row.contestBy.toISOString() }));
      return { id, stage: await act(row.workflowId, sm.contest, { actor, ...b }) };
    },

    async resolve(actor: Actor, id: string, body: () => z.infer<typeof s.resolutionBody>) {
      const row = await policy.findReport(actor, id);
      return { id, stage: await act(row.workflowId, sm.resolve, { actor, ...body() }) };
    },
  };
}
