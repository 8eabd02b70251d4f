// The supervision half of the full cycle, end to end over HTTP on a time-skipping server: the
// authority reports an integrity violation mid-cycle → the membership opens an exit review → the
// talent, the employer and the industry body are heard → a drawn committee carries "exit" → no
// appeal, the exit is final → the entitlements end on the exit date, the month's payables show
// the pro rata allowance and what is recoverable → re-entry is barred.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { exitWorkflowId } from '../../domain/ids';
import { status as membershipStatus } from '../../workflows/assessment/messages';
import { fileDefence, fileOpinion, status as reviewStatus } from '../../workflows/exit/messages';
import { openWindow, waitForStatus } from '../assessment/support/drive';
import { hr, industry, talent, driveOf, type AssessmentEnv } from '../assessment/support/env';
import { poll } from '../api/fixtures';
import { runMeeting } from '../support/committee-driver';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let drive: AssessmentEnv;
beforeAll(async () => {
  h = await startHarness({ timeSkipping: true });
  drive = driveOf(h);
});
afterAll(async () => {
  await h?.stop();
});

const TALENT = 'u-full-cycle';
const as = async (userId: string) => `Bearer ${await h.tokenFor(userId)}`;
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

describe('an integrity report mid-cycle ends in an exit', () => {
  it('reviews, a drawn committee carries "exit", the entitlements end on the exit date with the month pro rata, re-entry is barred', async () => {
    await h.db.user.create({ data: { id: TALENT, name: '周全', email: `${TALENT}@talent.test`, organisationId: 'org-zhangjiang-tech', roles: { create: [{ role: 'applicant' }] } } });
    await h.syncClock();
    const admitted = await request(h.app)
      .post('/api/programmes/leading-talent/members')
      .set('Authorization', await as('u-admin'))
      .send({ talentId: TALENT, employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'full-cycle' });
    expect(admitted.status).toBe(201);
    const m = h.temporal.workflow.getHandle(admitted.body.workflowId);
    const membershipId = admitted.body.workflowId.slice('assessment-'.length);
    // 领军人才 grants a monthly allowance, an apartment and a one-off research grant.
    expect((await h.db.entitlement.findMany({ where: { membershipId }, orderBy: { kind: 'asc' } })).map((e) => [e.kind, e.status])).toEqual([
      ['allowance', 'active'],
      ['apartment', 'active'],
      ['grant', 'active'],
    ]);

    // Mid-cycle: the self-report window is open when the authority reports.
    await openWindow(drive, m, 1);
    await h.syncClock();
    const today = shanghaiDate(h.clock().toISOString());
    const report = await request(h.app)
      .post('/api/supervision-reports')
      .set('Authorization', await as('u-authority'))
      .set('Idempotency-Key', 'full-cycle-integrity')
      .send({ talentId: TALENT, kind: 'integrity-violation', occurredOn: today, statement: '论文数据造假', facts: { finding: '经核查，2025 年发表论文数据造假' }, evidence: [] });
    expect(report.status).toBe(201);

    // The membership opened the review, its trigger the report.
    const review = h.temporal.workflow.getHandle(exitWorkflowId(membershipId, 1));
    const opened = await poll('the review', async () => (await review.query(reviewStatus).catch(() => undefined))?.stage === 'defence' || undefined);
    expect(opened).toBe(true);
    expect((await review.query(reviewStatus)).trigger).toMatchObject({ kind: 'integrity-violation', actorId: 'u-authority', reportId: report.body.id });
    expect((await m.query(membershipStatus)).exitReview).toMatchObject({ n: 1, trigger: 'integrity-violation', reportId: report.body.id });

    // The hearing: the talent's defence, the employer's and the industry body's opinions.
    await review.executeUpdate(fileDefence, { args: [{ actor: talent(TALENT), statement: '数据系合作方提供，本人不知情', evidence: [] }] });
    await review.executeUpdate(fileOpinion, { args: [{ actor: hr, as: 'employer', opinion: '核查属实，建议退出' }] });
    await review.executeUpdate(fileOpinion, { args: [{ actor: industry, as: 'industry', opinion: '学术不端，同意退出' }] });
    await poll('the committee stage', async () => (await review.query(reviewStatus)).stage === 'committee' || undefined);

    // A committee drawn from the series' pool votes: 5 seated, all present, 4 yes → carried.
    const tally = await runMeeting(h.temporal, h.db, `${membershipId}-1`, ['yes', 'yes', 'yes', 'yes', 'no']);
    expect(tally.kind).toBe('exit');
    expect(tally.cases[0]!.tally).toMatchObject({ members: 5, present: 5, yes: 4, no: 1, passed: true });
    const decided = await poll('the decision', async () => {
      const s = await review.query(reviewStatus);
      return s.stage === 'decided' ? s : undefined;
    });
    expect(decided.decision).toMatchObject({ decision: 'exit', actorId: 'committee' });

    // No appeal within the window: the exit becomes final, and with it the membership ends.
    await drive.sleepUntil(decided.deadlines.find((d) => d.purpose === 'appeal-window')!.dueAt, 60_000);
    await poll('the exit', async () => (await review.query(reviewStatus)).stage === 'exited' || undefined);
    await waitForStatus(m, (x) => x.stage === 'exited');
    const exitedAt = (await h.db.auditEvent.findFirstOrThrow({ where: { workflowId: review.workflowId, action: 'exit' } })).at;
    const exitDay = shanghaiDate(exitedAt.toISOString());
    const member = await h.db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    expect(member).toMatchObject({ status: 'exited', outcome: 'exit', endedAt: exitedAt });

    // Every entitlement ended on the exit date; the allowance paid on the 1st for the whole month
    // is due up to the day before the exit date, the rest recoverable.
    const ended = await h.db.entitlement.findMany({ where: { membershipId }, orderBy: { kind: 'asc' } });
    expect(ended.map((e) => [e.kind, e.status, e.endedOn, e.endReason])).toEqual([
      ['allowance', 'ended', exitDay, 'exit'],
      ['apartment', 'ended', exitDay, 'exit'],
      ['grant', 'ended', exitDay, 'exit'],
    ]);
    const month = exitDay.slice(0, 7);
    const days = Number(exitDay.slice(8, 10)) - 1;
    const due = Math.round((800_000 * days) / daysIn(month));
    expect(ended[0]!.recoverableFen).toBe(800_000 - due);

    // The month's payables, as finance reads them.
    const csv = await request(h.app).get(`/api/admin/payables?month=${month}`).set('Authorization', await as('u-admin')).set('Accept', 'text/csv').set('Accept-Language', 'zh-CN');
    expect(csv.status).toBe(200);
    const line = csv.text.split('\n').find((l) => l.includes(TALENT) && l.includes('人才津贴'));
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    expect(line).toContain(`,${days},${daysIn(month)},`);
    expect(line).toContain(yuan(due));
    expect(line).toContain(`,${800_000 - due},`);

    // The talent may not be admitted again while the bar runs.
    const again = await request(h.app)
      .post('/api/programmes/youth-innovator/members')
      .set('Authorization', await as('u-admin'))
      .set('Accept-Language', 'en')
      .send({ talentId: TALENT, employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', intake: 'full-cycle-again' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('re-entry barred');
  });
});
