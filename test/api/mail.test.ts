// Mail for a whole standard-track case, driven over HTTP on a time-skipping Temporal server (the
// notices and deadlines need calendar time; the policy's numbers stay as they are). Every
// actionable event mails the right people once, in their own language, also after an activity
// was forced to run twice. Each mail names the case by its 受理编号, says by when (the deadline's
// last day in Shanghai, with its working days) and links to the case.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../domain/activities';
import type { CaughtMail } from '../../scripts/dev/smtp-catcher';
import type { Transition } from '../../domain/transition';
import { writeDate } from '../../domain/words/dates';
import { PUBLIC_BASE_URL, startHarness, type Harness } from '../support/harness';
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
/** Chinese, as an English reader must not see it (people's own words aside: there are none here). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Codes, as a Chinese reader must not see them (links aside). */
const CODES = /\b(health|intermediate|standard|employer-review|employer-notice|formal-review|result-notice|committee-vote|scheduled|member)\b/;
const withoutLinks = (m: CaughtMail) => `${m.subject}\n${m.text}`.replace(/https?:\/\/\S+/g, '');
/** A deadline ends at 24:00 Shanghai of its last day: 16:00Z of that same calendar day. */
const lastDay = (dueAt: string) => {
  expect(dueAt).toMatch(/T16:00:00\.000Z$/);
  return dueAt.slice(0, 10);
};

describe('mail for a full standard-track case', () => {
  it('reaches each person once per event, in their language, with reminders, escalation, a batch reminder and no duplicate after a retry', async () => {
    // Anna Chen reads English; everyone else here reads Chinese (the default).
    const submitted = await call('u-anna-chen', 'post', '/api/applications', healthBody);
    expect(submitted.status).toBe(201);
    const caseId: string = submitted.body.id;
    const workflowId: string = submitted.body.workflowId;
    const number: string = submitted.body.caseNumber;
    expect(number).toMatch(/^\d{4}-CG-WS-\d{4}$/);
    const review = (await call('u-anna-chen', 'get', `/api/applications/${caseId}`)).body.deadline as { dueAt: string; workingDays: number };

    // The hospital's reviewer does nothing: two reminders (3 and 1 working days before), then
    // the deadline passes and the administrators are called.
    const reviewDue = await sleepPastDeadline(h, 'u-anna-chen', caseId, 'employer-review');
    expect(reviewDue).toBe(review.dueAt);
    const reviewDay = writeDate('zh-CN', lastDay(reviewDue));
    await poll('the escalation', () => h.db.task.findFirst({ where: { workflowId, kind: 'escalation-employer-review', closedAt: null } }));
    await h.smtp.waitFor((m) => m.to.includes('admin@hrss.example.cn') && m.text.includes(caseId));
    await h.syncClock();
    expect(subjects(mailsTo('hr@district-hospital.example.cn'))).toEqual([
      `待办：单位审核（${number}）`,
      `提醒：单位审核将于${reviewDay}到期（${number}）`,
      `提醒：单位审核将于${reviewDay}到期（${number}）`,
    ]);
    // What happened, what to do, by when (the last day, not the next), where.
    const task = mailsTo('hr@district-hospital.example.cn')[0]!.text;
    expect(task).toContain('您有一项新的待办事项：单位审核。');
    expect(task).toContain('事项所属：卫生中级职称申报（常规评审）');
    expect(task).toContain(`办理期限：${reviewDay}（含当日，共${review.workingDays}个工作日）`);
    expect(task).toContain(`查看与办理：${PUBLIC_BASE_URL}/api/applications/${caseId}`);
    expect(task).toContain(`受理编号：${number}\n案件ID：${caseId}`);

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

    const noticeDue = await sleepPastDeadline(h, 'u-anna-chen', caseId, 'employer-notice'); // the 5-working-day employer notice
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
      `Application received (${number})`,
      `Progress: employer notice (${number})`,
      `Progress: result notice (${number})`,
      expect.stringMatching(/^Your title certificate is issued \(SH-\d{4}-HEA-/),
    ]);
    expect(anna[0]!.text).toContain(`Your application for the intermediate title in health (standard track) was received as case ${number}.`);
    expect(anna[1]!.text).toContain(`The notice runs until the end of ${writeDate('en', lastDay(noticeDue))} (5 working days).`);
    for (const m of anna) {
      expect(withoutLinks(m)).not.toMatch(CJK);
      expect(m.text).toContain(`View and act: ${PUBLIC_BASE_URL}/api/applications/${caseId}`);
      expect(m.text).toContain(`Case number: ${number}\nCase ID: ${caseId}`);
    }
    expect(subjects(mailsTo('hr@district-hospital.example.cn'))).toEqual([
      `待办：单位审核（${number}）`,
      `提醒：单位审核将于${reviewDay}到期（${number}）`,
      `提醒：单位审核将于${reviewDay}到期（${number}）`,
      `催办：单位审核已逾期（${number}）`,
    ]);
    expect(mailsTo('hr@district-hospital.example.cn')[3]!.text).toContain(`您的待办事项“单位审核”已于${reviewDay}到期，至今未办理。`);
    expect(subjects(mailsTo('admin@hrss.example.cn'))).toEqual([`逾期督办：单位审核（${number}）`]);
    expect(subjects(mailsTo('review@hrss.example.cn'))).toEqual([`待办：形式审查（${number}）`]);
    for (const s of seats) {
      const expert = await h.db.user.findUniqueOrThrow({ where: { id: s.expertId } });
      expect(subjects(mailsTo(expert.email))).toEqual([`评审委员会抽选通知（${meetings[0].id}）`]);
      expect(mailsTo(expert.email)[0]!.text).toMatch(/^您已被随机抽选为卫生系列评审委员会(委员|评议组成员)（定期评审会）。\n请于\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}前签到/);
    }
    for (const m of h.smtp.messages.filter((x) => !x.to.includes('anna.chen@example.com'))) {
      expect(withoutLinks(m), m.subject).toMatch(CJK);
      expect(withoutLinks(m), m.subject).not.toMatch(CODES);
    }
    // Nobody else: the other employer, the applicant Li Ming, experts not seated.
    expect(h.smtp.messages).toHaveLength(anna.length + 4 + 1 + 1 + seats.length);
    // Every mail has its own Message-ID: the outbox sent each row once.
    expect(new Set(h.smtp.messages.map((m) => m.messageId)).size).toBe(h.smtp.messages.length);
    const rows = await h.db.mailOutbox.findMany();
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);

    // The certificate verifies publicly with the number and code from the mail.
    const [, certificate] = certificateMail[0]!.text.match(/Certificate number: (\S+)/)!;
    const [, code] = certificateMail[0]!.text.match(/Verification code: (\S+)/)!;
    expect(certificateMail[0]!.text).toContain('Congratulations! You now hold the intermediate title in health; your electronic certificate is issued.');
    expect(certificateMail[0]!.text).toContain(`Download it: ${PUBLIC_BASE_URL}/api/applications/${caseId}/certificate`);
    expect(certificateMail[0]!.text).toContain(`Anyone can verify it: ${PUBLIC_BASE_URL}/verify?number=${certificate}&code=${code}`);
    const verified = await request(h.app).get(`/api/public/certificates/verify?number=${certificate}&code=${code}`);
    expect(verified.body).toMatchObject({ number: certificate, holderName: 'Anna Chen', title: { series: 'health', level: 'intermediate' }, status: 'valid' });
    const downloaded = await call('u-anna-chen', 'get', `/api/applications/${caseId}/certificate`);
    expect(downloaded.body).toMatchObject({ number: certificate, verificationCode: code, status: 'valid' });
    expect(downloaded.headers['content-disposition']).toContain('attachment');
    // The printable page: the title in words, the number, the code and where to verify it.
    const page = await call('u-anna-chen', 'get', `/api/applications/${caseId}/certificate?format=html`);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-disposition']).toBe(`attachment; filename="certificate-${certificate}.html"`);
    expect(page.text).toContain('兹证明 <strong>Anna Chen</strong>');
    expect(page.text).toContain('具备 <strong>卫生中级职称</strong> 任职资格');
    expect(page.text).toContain(`<dd>${code}</dd>`);
    expect(page.text).toContain(`/verify?number=${certificate}&amp;code=${code}`);
    expect(page.text).not.toContain('撤销');
  });
});
