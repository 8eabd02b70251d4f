// Supervision reports (日常监管, DOMAIN §5): the employer, the authority or the talent reports what
// changed between assessments; the report acts on the talent's memberships by policy; the talent
// may contest it within the window and the authority resolves the contest.
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { supervisionService } from './service';

const TAGS = ['Programmes'];
const KINDS = [
  '`left-employer` (employer; facts.destination `outside-district` | `in-district` + newEmployerId | `unknown`)',
  '`employer-move` (the talent; facts.newEmployerId)',
  '`post-change` (employer; facts.post, facts.eligible, optional facts.series)',
  '`long-absence` (employer; facts.from, facts.expectedUntil)',
  '`absence-return` (employer)',
  '`death` (employer)',
  '`integrity-violation` (authority; facts.finding)',
].join('; ');

export function supervisionReportRoutes(deps: ApiDeps): RouteDef[] {
  const service = supervisionService(deps);
  return [
    route({
      id: 'reportSupervision',
      method: 'post',
      path: '/api/supervision-reports',
      summary: 'Report what changed about a member between assessments (日常监管)',
      description: `Kinds and who reports them: ${KINDS}. The employer reports about its own employees' running memberships. The report acts on every running membership of the talent by its pinned policy. With the same Idempotency-Key again the same report answers (200), recorded and started once.`,
      tags: TAGS,
      access: ['employer', 'authority', 'applicant'],
      limit: 'mutation',
      headers: s.reportHeaders,
      body: s.reportBody,
      responses: {
        201: { description: 'Recorded; its workflow started.', schema: s.reportReply },
        200: { description: 'The same client key again: the report recorded first.', schema: s.reportReply },
        403: { description: 'Not the reporter of this kind, or not the employer of the talent.' },
      },
      handler: async ({ actor, body, req }) => {
        const r = await service.report(actor, body, req.get('Idempotency-Key') ?? undefined);
        return r.created ? created(r.report, `/api/supervision-reports/${r.report.id}`) : ok(r.report, { Location: `/api/supervision-reports/${r.report.id}` });
      },
    }),
    route({
      id: 'listSupervisionReports',
      method: 'get',
      path: '/api/supervision-reports',
      summary: 'Supervision reports the caller may see: the talent their own, an employer its employees’, the authority all',
      tags: TAGS,
      access: ['applicant', 'employer', 'authority', 'admin'],
      query: s.listQuery,
      responses: { 200: { description: 'Newest first.', schema: s.reportReply.array() } },
      handler: async ({ actor, query }) => ok(await service.list(actor, query)),
    }),
    route({
      id: 'getSupervisionReport',
      method: 'get',
      path: '/api/supervision-reports/:id',
      summary: 'One supervision report: its facts, evidence, effects per membership, contest and resolution',
      tags: TAGS,
      access: ['applicant', 'employer', 'authority', 'admin'],
      params: s.reportParams,
      responses: { 200: { description: 'The report.', schema: s.reportReply } },
      handler: async ({ actor, params }) => ok(await service.get(actor, params.id)),
    }),
    route({
      id: 'contestSupervisionReport',
      method: 'post',
      path: '/api/supervision-reports/:id/contest',
      summary: 'Contest a report about you, with grounds, within the contest window (working days, policy)',
      tags: TAGS,
      access: ['applicant'],
      limit: 'mutation',
      params: s.reportParams,
      body: s.contestBody,
      responses: { 200: { description: 'Contested; the authority resolves it.', schema: s.stageReply }, 409: { description: 'The window has closed, or contested already.' } },
      handler: async ({ actor, params, body }) => ok(await service.contest(actor, params.id, body)),
    }),
    route({
      id: 'resolveSupervisionReport',
      method: 'post',
      path: '/api/supervision-reports/:id/resolution',
      summary: 'Resolve a contested report: upheld, or overturned (its pause resumes, its running exit review is cancelled)',
      tags: TAGS,
      access: ['authority'],
      limit: 'mutation',
      params: s.reportParams,
      body: s.resolutionBody,
      responses: { 200: { description: 'Resolved.', schema: s.stageReply }, 409: { description: 'Not contested, or resolved already.' } },
      handler: async ({ actor, params, body }) => ok(await service.resolve(actor, params.id, body)),
    }),
  ];
}
