// Title applications: the applicant's submit/list/detail/corrections/objection/appeal/withdraw/
// certificate, and the reviewers' decisions. Each decision answers with the workflow's verdict.
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import * as m from '../../workflows/appraisal/messages';
import type { Stage } from '../../domain/appraisal/types';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { created, ok, route, type RouteDef } from '../http/route';
import { applicationsService } from './service';
import { certificateHtml } from '../certificates/printable';
import * as s from './schemas';
import { certificatePdf } from '../print/certificate';
import { applicationFormPdf } from '../print/application-form';
import { dossierRequests } from './dossier-requests';
import { localeOfRequest } from '../problem';

const params = s.applicationParams;
const APPLICATIONS = ['Applications'];
const REVIEW = ['Review'];
const EVERYONE = ['applicant', 'employer', 'authority', 'industry', 'expert', 'admin'] as const;
const verdict = {
  200: { description: 'The workflow took the action; the stage after it.', schema: s.stageReply },
  409: { description: 'The workflow refused: wrong stage, already decided, or the case has ended.' },
};

export function applicationRoutes(deps: ApiDeps): RouteDef[] {
  const service = applicationsService(deps);
  const dossier = dossierRequests(deps);

  return [
    route({
      id: 'submitApplication',
      method: 'post',
      path: '/api/applications',
      summary: 'Submit a title application (申报)',
      description: 'With an `Idempotency-Key` header a retry returns the same case (200) instead of starting a second one; the same key with another body is refused (422).',
      tags: APPLICATIONS,
      access: ['applicant'],
      limit: 'mutation',
      headers: s.idempotencyHeaders,
      body: s.submitApplicationBody,
      responses: {
        201: { description: 'The case started; its stage once the submission is on record.', schema: s.submittedReply },
        200: { description: 'The same Idempotency-Key and body again: the case it created.', schema: s.submittedReply },
        422: { description: 'The Idempotency-Key was used with another body.' },
      },
      async handler({ actor, body, req }) {
        const key = req.get('Idempotency-Key') ?? undefined;
        const c = await service.submit(actor, body(), key);
        const self = `/api/applications/${c.id}`;
        const reply = { id: c.id, caseNumber: c.caseNumber, workflowId: c.workflowId, stage: c.stage, links: { self, temporalUi: deps.uiLink(c.workflowId) } };
        return c.replay ? ok(reply, { Location: self }) : created(reply, self);
      },
    }),
    route({
      id: 'listApplications',
      method: 'get',
      path: '/api/applications',
      summary: 'The applications the caller may see (an applicant: their own)',
      tags: APPLICATIONS,
      access: EVERYONE,
      query: s.listApplicationsQuery,
      responses: { 200: { description: 'One page.', schema: z.object({ items: z.array(s.applicationListItem), page: z.number(), pageSize: z.number(), total: z.number() }) } },
      handler: async ({ actor, query, req }) => ok(await service.list(actor, query, localeOfRequest(req))),
    }),
    route({
      id: 'getApplication',
      method: 'get',
      path: '/api/applications/:id',
      summary: 'One application with its timeline, tasks, due dates and outcome',
      tags: APPLICATIONS,
      access: EVERYONE,
      params,
      responses: { 200: { description: 'The case.', schema: s.applicationDetail } },
      handler: async ({ actor, params: p, req }) => ok(await service.detail(actor, p.id, localeOfRequest(req))),
    }),
    route({
      id: 'getApplicationEligibility',
      method: 'get',
      path: '/api/applications/:id/eligibility',
      summary: 'Whether the case meets the entry conditions of the policy and the standard it pinned, with every reason it does not',
      tags: REVIEW,
      access: EVERYONE,
      params,
      responses: { 200: { description: 'The eligibility as of submission.', schema: s.eligibilityReply } },
      handler: async ({ actor, params: p, req }) => ok(await service.eligibility(actor, p.id, localeOfRequest(req))),
    }),
    route({
      id: 'downloadCertificate',
      method: 'get',
      path: '/api/applications/:id/certificate',
      summary: 'The electronic certificate of a certified case',
      description: 'JSON by default; ?format=pdf the certificate as a PDF (Chinese, with a QR code of the public verification URL); ?format=html a page to print. A revoked certificate says so on it.',
      tags: APPLICATIONS,
      access: EVERYONE,
      params,
      query: z.object({ format: z.enum(['json', 'html', 'pdf']).default('json') }),
      responses: { 200: { description: 'The certificate, as a JSON document or a printable page to keep.', schema: z.object({ number: z.string(), verificationCode: z.string(), holderName: z.string(), series: z.string(), level: z.string(), issuedAt: z.string(), status: z.string(), verifyAt: z.string() }) } },
      async handler({ actor, params: p, query }) {
        const cert = await service.certificateOf(actor, p.id);
        const disposition = (ext: string) => ({ 'Content-Disposition': `attachment; filename="certificate-${cert.number}.${ext}"` });
        if (query.format === 'html') return { status: 200, body: certificateHtml(cert), contentType: 'text/html; charset=utf-8', headers: disposition('html') };
        if (query.format === 'pdf') return { status: 200, body: await certificatePdf(cert, deps.publicBaseUrl), contentType: 'application/pdf', headers: disposition('pdf') };
        return ok(cert, disposition('json'));
      },
    }),
    route({
      id: 'printApplicationForm',
      method: 'get',
      path: '/api/applications/:id/form',
      summary: 'The application form (申报表 / 评审表) as a PDF: applicant, achievements, materials with hashes, the employer’s opinion, the notice dates',
      tags: APPLICATIONS,
      access: EVERYONE,
      params,
      responses: { 200: { description: 'The PDF.', contentType: 'application/pdf' } },
      async handler({ actor, params: p }) {
        const form = await service.formOf(actor, p.id);
        const body = await applicationFormPdf(form, deps.now().toISOString());
        return { status: 200, body, contentType: 'application/pdf', headers: { 'Content-Disposition': `inline; filename="application-${form.caseNumber ?? form.id}.pdf"` } };
      },
    }),
    action('resubmitApplication', '/resubmission', 'Resubmit after the employer returned the application', ['applicant'], s.resubmitBody, m.resubmit),
    action('submitCorrection', '/corrections', 'Submit the corrections the formal review asked for (补正); evidence names materials added to the case in this round', ['applicant'], s.correctionBody, m.submitCorrection, 'visible', APPLICATIONS, (id, b) => dossier.correction(id, b)),
    action('appealApplication', '/appeal', 'Request a re-examination (复查) of a failed result', ['applicant'], s.reasonBody, m.appeal),
    action('withdrawApplication', '/withdrawal', 'Withdraw the application', ['applicant'], s.reasonBody, m.withdraw),
    action('objectToApplication', '/objections', 'Raise a real-name objection (异议) during a notice', EVERYONE, s.reasonBody, m.object, 'objectable'),
    action('decideAsEmployer', '/employer-decision', 'Employer review: approve, return with reasons, or reject', ['employer'], s.employerDecisionBody, m.decideAsEmployer, 'visible', REVIEW),
    action('decideFormalReview', '/formal-review', 'Formal review: pass, request correction (一次性告知: every item at once, each may name a material to replace), or reject', ['authority'], s.formalReviewBody, m.decideFormalReview, 'visible', REVIEW, (id, b) => dossier.formalDecision(id, b)),
    action('evaluateAsIndustry', '/industry-evaluation', 'Industry evaluation (行业评价): a score and an opinion', ['industry'], s.industryEvaluationBody, m.evaluateAsIndustry, 'visible', REVIEW),
    action('resolveObjection', '/objection-resolution', 'Resolve the open objection: dismiss (the notice resumes) or uphold', ['employer', 'authority'], s.resolveObjectionBody, m.resolveObjection, 'visible', REVIEW),
  ];

  /** A decision on one case: authorize (404/403), validate the body (400), send the update. */
  function action<B extends z.ZodType, A extends { actor: Actor }>(
    id: string,
    suffix: string,
    summary: string,
    access: RouteDef['access'],
    body: B,
    update: UpdateDefinition<Stage, [A]>,
    find: 'visible' | 'objectable' = 'visible',
    tags = APPLICATIONS,
    /** Checks the body against the case's dossier and completes it (after authorization). */
    prepare?: (caseId: string, body: never) => Promise<unknown>,
  ): RouteDef {
    return route({
      id,
      method: 'post',
      path: `/api/applications/:id${suffix}`,
      summary,
      tags,
      access,
      limit: 'mutation',
      params,
      headers: s.decisionIdempotencyHeaders,
      body,
      responses: verdict,
      handler: async ({ actor, params: p, body: parsed, req }) =>
        ok(await service.act(actor, p.id, update, async () => (prepare ? await prepare(p.id, parsed() as never) : parsed()) as Omit<A, 'actor'>, find, req.get('Idempotency-Key') ?? undefined)),
    });
  }
}
