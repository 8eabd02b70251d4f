// Mail for a whole standard-track case, driven over HTTP on a time-skipping Temporal server (the
// notices and deadlines need calendar time; the policy's numbers stay as they are). Every
// actionable event mails the right people once, in their own language, also after an activity
// was forced to run twice.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../domain/activities';
import type { CaughtMail } from '../../scripts/dev/smtp-catcher';
import type { Transition } from '../../domain/transition';
import { startHarness, type Harness } from '../support/harness';
import { bearer, healthBody, poll, sleepPastDeadline } from './fixtures';

let h: Harness;
/** Attempts of the transition recorded when the employer approves: the first fails after its work. */
const approveAttempts: string[] = [];

beforeAll(async () => {
  h = await startHarness({
    timeSkipping: true,
    wrapActivities: (acts: Activities) => ({
      ...acts,
      async recordTransition(t: Transition) {
        await acts.recordTransition(t);
        if (t.action === 'employer-approve') {
          approveAttempts.push(t.eventKey);
          // The transition and its mail are on record; the activity still fails, so Temporal retries it.
          if (approveAttempts.length === 1) throw new Error('forced failure after the work was done');
        }
      },
    }),
  });
});
afterAll(async () => {
  await h?.stop();
});

const call = async (userId: string, method: 'get' | 'post', url: string, body?: object) => {
  const r = request(h.app)[method](url).set('Authorization', await bearer(h, userId));
  return method === 'post' ? r.send(body ?? {}) : r;
};
const mailsTo = (address: string) => h.smtp.messages.filter((m) => m.to.includes(address));
const subjects = (mails: CaughtMail[]) => mails.map((m) => m.subject);

describe('mail for a full standard-track case', () => {
  it('reaches each person once per event, in their language, with reminders, escalation, a batch reminder and no duplicate after a retry', async () => {
    // Anna Chen reads English; everyone else here reads Chinese (the default).
    const submitted = await call('u-anna-chen', 'post', '/api/applications', healthBody);
    expect(submitted.status).toBe(201);
    const caseId: string = submitted.body.id;
    const workflowId: string = submitted.body.workflowId;

    // The hospital's reviewer does nothing: two reminders (3 and 1 working days before), then
    // the deadline passes and the administrators are called.
    await sleepPastDeadline(h, 'u-anna-chen', caseId, 'employer-review');
    await poll('the escalation', () => h.db.task.findFirst({ where: { workflowId, kind: 'escalation-employer-review', closedAt: null } }));
    await h.smtp.waitFor((m) => m.to.includes('admin@hrss.example.cn') && m.text.includes(caseId));
    await h.syncClock();
    expect(subjects(mailsTo('hr@district-hospital.example.cn'))).toEqual([
      `待办：单位审核（${caseId}）`,
      `提醒：单位审核 即将到期（${caseId}）`,
      `提醒：单位审核 即将到期（${caseId}）`,
    ]);

    // The administrator's batch: one reminder per overdue task, however often it is pressed.
    const overdue = await call('u-admin', 'get', '/api/admin/tasks?overdue=true');
    expect(overdue.body.items.map((t: { kind: string; caseId: string }) => [t.kind, t.caseId])).toEqual([['employer-review', caseId]]);
    const batch = await call('u-admin', 'post', '/api/admin/reminders', {});
    expect(batch.body).toMatchObject({ tasks: 1, recipients: 1 });
    expect((await call('u-admin', 'post', '/api/admin/reminders', {})).body).toMatchObject({ tasks: 1, recipients: 1 });
    await h.deliverOutbox();
    await h.deliverOutbox();
    expect(mailsTo('hr@district-hospital.example.cn').filter((m) => m.subject.startsWith('催办'))).toHaveLength(1);

    // The employer approves; recording it fails once after its work and is retried.
    const approved = await call('u-hr-hospital', 'post', `/api/applications/${caseId}/employer-decision`, { decision: 'approve' });
    expect(approved.body).toEqual({ id: caseId, stage: 'employer-notice' });
    expect(approveAttempts.length).toBe(2);
    expect(new Set(approveAttempts).size).toBe(1); // the same transition, twice

    await sleepPastDeadline(h, 'u-anna-chen', caseId, 'employer-notice'); // the 5-working-day employer notice
    await poll('formal review', async () => (await h.db.application.findUniqueOrThrow({ where: { id: caseId } })).stage === 'formal-review');
    expect((await call('u-authority', 'post', `/api/applications/${caseId}/formal-review`, { decision: 'pass' })).body.stage).toBe('committee-review');

    // The committee: convened by the administrator, experts check in and vote, voting closes.
    const meetings = await poll('the meeting', async () => {
      const r = await call('u-admin', 'get', '/api/meetings?series=health');
      return r.body.items.length ? r.body.items : undefined;
    });
    const meeting = `/api/meetings/${meetings[0].id}`;
    expect((await call('u-admin', 'post', `${meeting}/convene`)).body.stage).toBe('drawn');
    const seats = (await call('u-admin', 'get', meeting)).body.seats.filter((s: { status: string }) => s.status === 'seated');
    for (const s of seats) expect((await call(s.expertId, 'post', `${meeting}/check-in`)).status).toBe(200);
    for (const s of seats) expect((await call(s.expertId, 'post', `${meeting}/votes`, { caseId, choice: 'yes' })).status).toBe(200);
    await call('u-admin', 'post', `${meeting}/close-voting`);
    await poll('the result notice', async () => (await h.db.application.findUniqueOrThrow({ where: { id: caseId } })).stage === 'result-notice');

    // The 5-working-day result notice, then the certificate.
    await sleepPastDeadline(h, 'u-admin', caseId, 'result-notice');
    const result = await h.temporal.workflow.getHandle(workflowId).result();
    expect(result).toEqual({ stage: 'certified' });
    const certificateMail = await h.smtp.waitFor((m) => m.to.includes('anna.chen@example.com') && m.subject.startsWith('Your title certificate'));
    await h.deliverOutbox();

    // Who got what: the applicant in English, everyone else in Chinese, each event once.
    const anna = mailsTo('anna.chen@example.com');
    expect(subjects(anna)).toEqual([
      `Application received (${caseId})`,
      `Progress: employer notice (${caseId})`,
      `Progress: result notice (${caseId})`,
      expect.stringMatching(/^Your title certificate is issued \(SH-\d{4}-HEA-/),
    ]);
    expect(subjects(mailsTo('hr@district-hospital.example.cn'))).toEqual([
      `待办：单位审核（${caseId}）`,
      `提醒：单位审核 即将到期（${caseId}）`,
      `提醒：单位审核 即将到期（${caseId}）`,
      `催办：单位审核 已逾期（${caseId}）`,
    ]);
    expect(subjects(mailsTo('admin@hrss.example.cn'))).toEqual([`逾期督办：单位审核（${caseId}）`]);
    expect(subjects(mailsTo('review@hrss.example.cn'))).toEqual([`待办：形式审查（${caseId}）`]);
    for (const s of seats) {
      const expert = await h.db.user.findUniqueOrThrow({ where: { id: s.expertId } });
      expect(subjects(mailsTo(expert.email))).toEqual([`评审委员会抽选通知（${meetings[0].id}）`]);
    }
    // Nobody else: the other employer, the applicant Li Ming, experts not seated.
    expect(h.smtp.messages).toHaveLength(anna.length + 4 + 1 + 1 + seats.length);
    // Every mail has its own Message-ID: the outbox sent each row once.
    expect(new Set(h.smtp.messages.map((m) => m.messageId)).size).toBe(h.smtp.messages.length);
    const rows = await h.db.mailOutbox.findMany();
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);

    // The certificate verifies publicly with the number and code from the mail.
    const [, number] = certificateMail[0]!.text.match(/Number: (\S+)/)!;
    const [, code] = certificateMail[0]!.text.match(/Verification code: (\S+)/)!;
    const verified = await request(h.app).get(`/api/public/certificates/verify?number=${number}&code=${code}`);
    expect(verified.body).toMatchObject({ number, holderName: 'Anna Chen', title: { series: 'health', level: 'intermediate' }, status: 'valid' });
    const downloaded = await call('u-anna-chen', 'get', `/api/applications/${caseId}/certificate`);
    expect(downloaded.body).toMatchObject({ number, verificationCode: code, status: 'valid' });
    expect(downloaded.headers['content-disposition']).toContain('attachment');
    // The printable page: the title in words, the number, the code and where to verify it.
    const page = await call('u-anna-chen', 'get', `/api/applications/${caseId}/certificate?format=html`);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-disposition']).toBe(`attachment; filename="certificate-${number}.html"`);
    expect(page.text).toContain('兹证明 <strong>Anna Chen</strong>');
    expect(page.text).toContain('具备 <strong>卫生中级职称</strong> 任职资格');
    expect(page.text).toContain(`<dd>${code}</dd>`);
    expect(page.text).toContain(`/api/public/certificates/verify?number=${number}&amp;code=${code}`);
    expect(page.text).not.toContain('撤销');
  });
});
