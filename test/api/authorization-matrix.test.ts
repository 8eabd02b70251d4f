// The authorization matrix: every route of the route table × every role × a resource of the
// caller's own and someone else's → the expected answer. The table below is written by hand,
// independently of the routes' own `access`; a route without a row here fails, so a new
// endpoint cannot ship without a decision on who may call it.
//
// "ok" means: let through (the answer is then the handler's: 200, or 400 for the empty body
// sent to every mutation, or the workflow's 409) and never 401/403/404/5xx. Mutations get `{}`,
// which fails validation after authorization, so the matrix changes (almost) nothing.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../records/certificates';
import { routesOf } from '../../api/app';
import type { RouteDef } from '../../api/http/route';
import { startHarness, type Harness } from '../support/harness';
import * as files from '../fixtures/files';
import { bearer, caseMaterial, healthBody, meetingFor, submitAs } from './fixtures';

type Cell = 'ok' | 401 | 403 | 404;
const WHO = ['anonymous', 'applicant', 'employer', 'authority', 'industry', 'expert', 'admin'] as const;
type Who = (typeof WHO)[number];
/** One cell for both resources, or [own, other]. */
type Rule = Record<Exclude<Who, 'anonymous'>, Cell | [Cell, Cell]>;

const all = (cell: Cell | [Cell, Cell]): Rule => ({ applicant: cell, employer: cell, authority: cell, industry: cell, expert: cell, admin: cell });
const only = (grant: Partial<Rule>): Rule => ({ ...all(403), ...grant });
const OWN: [Cell, Cell] = ['ok', 404];
/** Who sees a title application: the applicant and employer their own, the authority and admins all, industry and experts the cases given to them. */
const caseReaders: Rule = { applicant: OWN, employer: OWN, authority: 'ok', industry: OWN, expert: OWN, admin: 'ok' };

const MATRIX: Record<string, Rule | 'public'> = {
  health: 'public',
  verifyCertificate: 'public',
  words: 'public',
  // How the pages sign in (test/api/auth.test.ts: each mode), and whom a token names.
  signInConfig: 'public',
  me: all('ok'),
  // Development sign-in: mounted only with TL_DEV_MODE (this matrix's app runs with it on);
  // test/api/dev-sign-in.test.ts checks that the routes are absent otherwise.
  devUsers: 'public',
  devToken: 'public',
  submitApplication: only({ applicant: 'ok' }),
  listApplications: all('ok'),
  getApplication: caseReaders,
  getApplicationEligibility: caseReaders,
  downloadCertificate: caseReaders,
  printApplicationForm: caseReaders,
  resubmitApplication: only({ applicant: OWN }),
  submitCorrection: only({ applicant: OWN }),
  appealApplication: only({ applicant: OWN }),
  withdrawApplication: only({ applicant: OWN }),
  objectToApplication: caseReaders,
  decideAsEmployer: only({ employer: OWN }),
  decideFormalReview: only({ authority: 'ok' }),
  evaluateAsIndustry: only({ industry: OWN }),
  resolveObjection: only({ employer: OWN, authority: 'ok' }),
  inbox: all('ok'),
  listMeetings: only({ expert: 'ok', admin: 'ok' }),
  getMeeting: only({ expert: OWN, admin: 'ok' }),
  checkIn: only({ expert: OWN }),
  recuse: only({ expert: OWN }),
  submitOpinion: only({ expert: OWN }),
  vote: only({ expert: OWN }),
  convene: only({ admin: 'ok' }),
  closeVoting: only({ admin: 'ok' }),
  redraw: only({ admin: 'ok' }),
  reschedule: only({ admin: 'ok' }),
  searchCases: only({ admin: 'ok' }),
  searchWorkflows: only({ admin: 'ok' }),
  searchTasks: only({ admin: 'ok' }),
  caseAudit: only({ admin: 'ok' }),
  extendDeadline: only({ admin: 'ok' }),
  reassignTask: only({ admin: 'ok' }),
  cancelCase: only({ admin: 'ok' }),
  statistics: only({ admin: 'ok' }),
  talentEffect: only({ authority: 'ok', admin: 'ok' }),
  programmeEffect: only({ authority: 'ok', admin: 'ok' }),
  remindOverdue: only({ admin: 'ok' }),
  revokeCertificate: only({ admin: 'ok' }),
  submitSelfReport: only({ applicant: OWN }),
  getExitReview: { applicant: OWN, employer: OWN, authority: 'ok', industry: OWN, expert: 403, admin: 'ok' },
  fileDefence: only({ applicant: OWN }),
  appealExitReview: only({ applicant: OWN }),
  publishStandard: only({ admin: 'ok' }),
  listStandards: only({ authority: 'ok', admin: 'ok' }),
  createProgramme: only({ admin: 'ok' }),
  listProgrammes: only({ authority: 'ok', admin: 'ok' }),
  publishProgrammeStandard: only({ admin: 'ok' }),
  listProgrammeStandards: only({ authority: 'ok', admin: 'ok' }),
  publishProgrammeGrants: only({ admin: 'ok' }),
  listProgrammeGrants: only({ authority: 'ok', admin: 'ok' }),
  admitTalent: only({ admin: 'ok' }),
  // Industry and expert see a membership while they hold an open task on it.
  listMemberships: only({ applicant: 'ok', employer: 'ok', authority: 'ok', admin: 'ok' }),
  getMembership: { applicant: OWN, employer: OWN, authority: 'ok', industry: OWN, expert: OWN, admin: 'ok' },
  evaluateMember: only({ employer: OWN, industry: OWN, expert: OWN }),
  pauseMembership: only({ admin: 'ok' }),
  // Entitlements: whoever sees the membership, but not its evaluators; payables are finance's (admin).
  listMembershipEntitlements: { ...only({ authority: 'ok', admin: 'ok' }), applicant: OWN, employer: OWN },
  listPayables: only({ admin: 'ok' }),
  resumeMembership: only({ admin: 'ok' }),
  requestExitReview: only({ employer: OWN, admin: 'ok' }),
  decideExitReview: only({ authority: 'ok' }),
  // Supervision reports: the talent sees their own, an employer its employees', the authority all.
  reportSupervision: only({ applicant: 'ok', employer: 'ok', authority: 'ok' }),
  listSupervisionReports: only({ applicant: 'ok', employer: 'ok', authority: 'ok', admin: 'ok' }),
  getSupervisionReport: only({ applicant: OWN, employer: OWN, authority: 'ok', admin: 'ok' }),
  contestSupervisionReport: only({ applicant: OWN }),
  resolveSupervisionReport: only({ authority: 'ok' }),
  // The employer of the membership; an industry body on a review that asked for its opinion.
  fileExitOpinion: only({ employer: OWN, industry: OWN }),
  dismissExitReview: only({ authority: 'ok' }),
  draftImprovementPlan: only({ employer: OWN }),
  reviewImprovementPlan: only({ authority: 'ok' }),
  calendarYear: only({ admin: 'ok' }),
  calendarCoverage: only({ admin: 'ok' }),
  setCalendarDay: only({ admin: 'ok' }),
  removeCalendarDay: only({ admin: 'ok' }),
  changeCalendarDays: only({ admin: 'ok' }),
  previewCalendarChange: only({ admin: 'ok' }),
  calendarChanges: only({ admin: 'ok' }),
  pendingDeadlines: only({ admin: 'ok' }),
  recomputeDeadlines: only({ admin: 'ok' }),
  listPolicies: only({ authority: 'ok', admin: 'ok' }),
  policyVersions: only({ authority: 'ok', admin: 'ok' }),
  policyPins: only({ authority: 'ok', admin: 'ok' }),
  publishPolicy: only({ admin: 'ok' }),
  // A draft is its applicant's alone.
  createDraft: only({ applicant: 'ok' }),
  listDrafts: only({ applicant: 'ok' }),
  getDraft: only({ applicant: OWN }),
  saveDraft: only({ applicant: OWN }),
  deleteDraft: only({ applicant: OWN }),
  uploadDraftMaterial: only({ applicant: OWN }),
  deleteDraftMaterial: only({ applicant: OWN }),
  uploadCaseMaterial: only({ applicant: OWN }),
  checkDraft: only({ applicant: OWN }),
  submitDraft: only({ applicant: OWN }),
  // Materials: narrower than the case (industry while its task is open, an expert while seated
  // on a drawn or voting meeting of the case); see test/api/material-access.test.ts.
  caseMaterials: { applicant: OWN, employer: OWN, authority: 'ok', industry: OWN, expert: OWN, admin: 'ok' },
  readMaterial: { applicant: OWN, employer: OWN, authority: 'ok', industry: OWN, expert: OWN, admin: 'ok' },
  sweepRetention: only({ admin: 'ok' }),
  adminChanges: only({ admin: 'ok' }),
  listExperts: only({ admin: 'ok' }),
  getExpert: only({ admin: 'ok' }),
  appointExpert: only({ admin: 'ok' }),
  suspendExpert: only({ admin: 'ok' }),
  reinstateExpert: only({ admin: 'ok' }),
  endExpertTerm: only({ admin: 'ok' }),
  declareExpertConflict: only({ admin: 'ok' }),
  withdrawExpertConflict: only({ admin: 'ok' }),
  listOrganisations: only({ admin: 'ok' }),
  getOrganisation: only({ admin: 'ok' }),
  addOrganisation: only({ admin: 'ok' }),
  editOrganisation: only({ admin: 'ok' }),
  listUsers: only({ admin: 'ok' }),
  getUser: only({ admin: 'ok' }),
  addUser: only({ admin: 'ok' }),
  editUser: only({ admin: 'ok' }),
  grantRole: only({ admin: 'ok' }),
  revokeRole: only({ admin: 'ok' }),
};

let h: Harness;
const users: Record<Exclude<Who, 'anonymous'>, string> = {
  applicant: 'u-li-ming',
  employer: 'u-hr-zhangjiang',
  authority: 'u-authority',
  industry: 'u-industry',
  expert: '',
  admin: 'u-admin',
};
/** own / other: an application, a meeting, a certificate. */
const res = { own: {} as Record<string, string>, other: {} as Record<string, string> };

beforeAll(async () => {
  h = await startHarness({ devMode: true });
  const own = await submitAs(h, 'u-li-ming');
  const other = await submitAs(h, 'u-anna-chen', healthBody);
  // Both get a certificate, issued by the activity the workflow uses, so every certificate
  // route has a resource to find.
  const certs = await Promise.all(
    [own, other].map((a) => issueCertificate(h.db, { applicationId: a.id, holderId: a.applicantId, series: a.series, level: a.level, issuedAt: h.clock().toISOString() })),
  );
  // The industry body sees cases given to it: the green channel's industry evaluation opens
  // such a task after the employer's 5-working-day notice, which real time cannot wait for.
  await h.db.task.create({ data: { workflowId: own.workflowId, taskKey: 'industry-evaluation-fixture', kind: 'industry-evaluation', caseId: own.id, assigneeRole: 'industry' } });
  // The expert sits on the meeting that reviews the own case; the other meeting is not theirs.
  const mine = await meetingFor(h, own, { convened: true });
  const theirs = await meetingFor(h, other);
  users.expert = mine.seated[0]!;
  // Programme memberships and exit reviews: the rows the assessment's activities write (the
  // talent's side acts on them; their workflows are not needed to decide who may).
  for (const [who, talentId, employerId] of [['own', 'u-li-ming', 'org-zhangjiang-tech'], ['other', 'u-anna-chen', 'org-district-hospital']] as const) {
    const id = who === 'own' ? '00000000-0000-4000-8000-00000000a001' : '00000000-0000-4000-8000-00000000a002';
    await h.db.membership.create({
      data: { id, workflowId: `assessment-${id}`, programmeId: 'leading-talent', talentId, employerId, series: 'engineering', level: 'senior', intake: String(h.clock().getUTCFullYear()), admittedAt: h.clock(), admittedBy: 'u-admin' },
    });
    if (who === 'own') {
      // The evaluators of this cycle: an industry-body task and one expert's task.
      await h.db.task.createMany({
        data: [
          { workflowId: `assessment-${id}`, taskKey: 'industry-evaluation-fixture', kind: 'industry-evaluation', caseId: id, assigneeRole: 'industry' },
          { workflowId: `assessment-${id}`, taskKey: 'expert-evaluation-fixture', kind: 'expert-evaluation', caseId: id, assigneeRole: 'expert', assigneeId: users.expert },
        ],
      });
    }
    await h.db.exitReview.create({ data: { id: `${id}-1`, workflowId: `exit-${id}-1`, membershipId: id, talentId, n: 1, trigger: 'admin', startedAt: h.clock() } });
    const report = who === 'own' ? '00000000-0000-4000-8000-00000000b001' : '00000000-0000-4000-8000-00000000b002';
    await h.db.supervisionReport.create({
      data: { id: report, workflowId: `supervision-${report}`, reporterId: 'u-authority', clientKey: report, talentId, kind: 'integrity-violation', reportedAs: 'authority', occurredOn: '2026-01-05', statement: '核查', facts: { finding: '论文抄袭' }, evidence: [], effects: [] },
    });
    // The own review asks the industry body's opinion.
    if (who === 'own') await h.db.task.create({ data: { workflowId: `exit-${id}-1`, taskKey: 'exit-opinion-industry-1', kind: 'exit-opinion-industry', caseId: `${id}-1`, assigneeRole: 'industry' } });
  }
  // Drafts (one to keep, one to delete, one with a material to remove) and a material of each case.
  const drafts = async (userId: string) => {
    const make = async () => (await request(h.app).post('/api/drafts').set('Authorization', await bearer(h, userId)).send({ content: {} })).body.id as string;
    const [draft, draftToDelete, draftWithMaterial] = [await make(), await make(), await make()];
    const upload = await request(h.app).post(`/api/drafts/${draftWithMaterial}/materials`).set('Authorization', await bearer(h, userId)).field('kind', 'identity').field('title', '身份证').attach('file', files.png(), 'id.png');
    return { draft, draftToDelete, draftWithMaterial, draftMaterial: upload.body.id as string };
  };
  const [ownDrafts, otherDrafts] = [await drafts('u-li-ming'), await drafts('u-anna-chen')];
  const [ownMaterial, otherMaterial] = [await caseMaterial(h, own), await caseMaterial(h, other)];
  res.own = { ...ownDrafts, material: ownMaterial, application: own.id, meeting: mine.meetingId, certificate: certs[0]!.number, code: certs[0]!.verificationCode, membership: '00000000-0000-4000-8000-00000000a001', exitReview: '00000000-0000-4000-8000-00000000a001-1', report: '00000000-0000-4000-8000-00000000b001' };
  res.other = { ...otherDrafts, material: otherMaterial, application: other.id, meeting: theirs.meetingId, certificate: certs[1]!.number, code: certs[1]!.verificationCode, membership: '00000000-0000-4000-8000-00000000a002', exitReview: '00000000-0000-4000-8000-00000000a002-1', report: '00000000-0000-4000-8000-00000000b002' };
});
afterAll(async () => {
  await h?.stop();
});

function urlOf(r: RouteDef, which: 'own' | 'other') {
  const ids = res[which];
  const path = r.path
    .replace(':materialId', ids.draftMaterial!)
    .replace(':number', encodeURIComponent(ids.certificate!))
    .replace(':year', '2027')
    .replace(':key', 'appraisal')
    .replace(':date', '2027-01-01')
    .replace(':conflictId', 'no-such-conflict')
    .replace(':role', 'expert')
    .replace(':talentId', 'u-li-ming')
    .replace(':programmeId', 'leading-talent')
    .replace(':id', idFor(r, ids));
  return r.id === 'verifyCertificate' ? `${path}?number=${ids.certificate}&code=${ids.code}` : path;
}

/** Which resource a route's :id names, by the collection it is under. */
function idFor(r: RouteDef, ids: Record<string, string>): string {
  const path = r.path;
  if (r.id === 'deleteDraft') return ids.draftToDelete!;
  if (path.startsWith('/api/meetings/')) return ids.meeting!;
  if (path.startsWith('/api/memberships/')) return ids.membership!;
  if (path.startsWith('/api/exit-reviews/')) return ids.exitReview!;
  if (path.startsWith('/api/supervision-reports/')) return ids.report!;
  if (path.startsWith('/api/programmes/')) return 'leading-talent';
  if (path === '/api/drafts/:id') return ids.draft!;
  if (path.startsWith('/api/drafts/:id/materials/')) return ids.draftWithMaterial!;
  if (path.startsWith('/api/drafts/')) return ids.draft!;
  if (path.startsWith('/api/materials/')) return ids.material!;
  if (path.startsWith('/api/admin/experts/')) return 'x-engineering-1';
  if (path.startsWith('/api/admin/organisations/')) return 'org-zhangjiang-tech';
  if (path.startsWith('/api/admin/users/')) return 'u-li-ming';
  return ids.application!;
}

const matches = (cell: Cell, status: number) => (cell === 'ok' ? ![401, 403, 404].includes(status) && status < 500 : status === cell);

describe('authorization matrix', () => {
  it('has a rule for every route and a route for every rule', () => {
    const ids = routesOf(h.app).map((r) => r.id);
    expect(ids.filter((id) => !(id in MATRIX)), 'routes without a rule in MATRIX').toEqual([]);
    expect(Object.keys(MATRIX).filter((id) => !ids.includes(id)), 'rules for routes that no longer exist').toEqual([]);
  });

  it('answers every route × role × own/other resource as the matrix says', async () => {
    const wrong: string[] = [];
    for (const r of routesOf(h.app)) {
      const rule = MATRIX[r.id];
      if (!rule) continue;
      const owned = r.path.includes(':');
      for (const who of WHO) {
        for (const which of owned ? (['own', 'other'] as const) : (['own'] as const)) {
          const expected: Cell =
            rule === 'public' ? 'ok' : who === 'anonymous' ? 401 : ((c) => (Array.isArray(c) ? c[which === 'own' ? 0 : 1] : c))(rule[who]);
          let call = request(h.app)[r.method](urlOf(r, which));
          if (who !== 'anonymous') call = call.set('Authorization', await bearer(h, users[who]));
          const got = r.method === 'get' ? await call : await call.send({});
          if (!matches(expected, got.status)) wrong.push(`${r.id} ${who}/${which}: expected ${expected}, got ${got.status} ${got.body?.detail ?? ''}`);
          if (got.status >= 400) expect(got.headers['content-type'], `${r.id} ${who}`).toMatch(/^application\/problem\+json/);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
