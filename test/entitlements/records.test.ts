// Entitlements following a membership's transitions on both databases, with fixed dates: a pause
// spanning two months, then a pause and an exit in one month; every transition recorded twice.
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitTalent } from '../../records/admission';
import { recordMembershipTransition } from '../../records/memberships';
import { seedDemo } from '../../scripts/seed/seed';
import { CaseLog } from '../../workflows/shared/case-log';
import { providers, type TestDb } from '../support/db';

const SEEDED_AT = '2027-02-01T02:00:00.000Z';
const temporal = { workflow: { start: async () => undefined } } as unknown as Client;
const mail = { publicBaseUrl: 'https://talent.example.test' };

describe.each(providers)('entitlements follow the membership on $name', ({ fresh, skip }) => {
  let db: TestDb;
  beforeAll(async () => {
    if (skip) return;
    db = await fresh();
    await seedDemo(db.prisma, new Date(SEEDED_AT));
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it.skipIf(skip)('are suspended, resumed and ended on the transitions’ dates (Asia/Shanghai), once', async () => {
    // Admitted 16 March 2027, 10:00 in Shanghai.
    const m = await admitTalent({ db: db.prisma, temporal, taskQueue: 'q' }, { programmeId: 'leading-talent', talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', admittedBy: 'u-admin', at: new Date('2027-03-16T02:00:00.000Z') });
    const rows = () => db.prisma.entitlement.findMany({ where: { membershipId: m.membershipId }, include: { pauses: { orderBy: { from: 'asc' }, select: { from: true, until: true } } }, orderBy: { kind: 'asc' } });
    expect((await rows()).map((e) => [e.kind, e.startsOn, e.endsOn, e.status])).toEqual([
      ['allowance', '2027-03-16', '2030-03-16', 'active'],
      ['apartment', '2027-03-16', '2030-03-16', 'active'],
      ['grant', '2027-03-16', '2030-03-16', 'active'],
    ]);

    const log = new CaseLog(m.workflowId, m.membershipId, 'running');
    const twice = async (stage: string, action: string, status: string, at: string) => {
      const t = log.move(stage, { actorId: 'u-admin', action, status }, at);
      await recordMembershipTransition(db.prisma, mail, t, {});
      await recordMembershipTransition(db.prisma, mail, t, {});
    };
    // 2027-06-20T16:30Z is 21 June, 00:30 in Shanghai: the pause starts on the 21st.
    await twice('running', 'pause', 'paused', '2027-06-20T16:30:00.000Z');
    expect((await rows()).map((e) => [e.status, e.pauses])).toEqual(Array(3).fill(['suspended', [{ from: '2027-06-21', until: null }]]));
    await twice('running', 'resume', 'active', '2027-07-11T02:00:00.000Z');
    expect((await rows())[0]).toMatchObject({ status: 'active', pauses: [{ from: '2027-06-21', until: '2027-07-11' }] });
    await twice('running', 'pause', 'paused', '2027-09-10T02:00:00.000Z');
    await twice('exited', 'exit', 'exited', '2027-09-20T02:00:00.000Z');

    const [allowance, apartment, grant] = await rows();
    expect(allowance).toMatchObject({
      status: 'ended',
      endedOn: '2027-09-20',
      endReason: 'exit',
      pauses: [
        { from: '2027-06-21', until: '2027-07-11' },
        { from: '2027-09-10', until: '2027-09-20' },
      ],
    });
    // Paid in advance and not due, 8000.00 yuan a month:
    // June: 800000 paid on 1 June, 1–20 due: 800000 × 20/30 = 533333.33 → 533333; 266667 over.
    // July: the advance already left out 1–10 July (the pause began before July): nothing over.
    // September: 800000 paid, 1–9 due (paused from the 10th, out from the 20th): × 9/30 = 240000; 560000 over.
    expect(allowance!.recoverableFen).toBe(266_667 + 560_000);
    expect(apartment).toMatchObject({ status: 'ended', endedOn: '2027-09-20', recoverableFen: 0 });
    expect(grant).toMatchObject({ status: 'ended', endReason: 'exit', recoverableFen: 0 });
    const audit = await db.prisma.auditEvent.count({ where: { caseId: m.membershipId } });
    expect(audit).toBe(4);
  });

  it.skipIf(skip)('a completed term ends them on the planned end, with nothing to recover', async () => {
    const m = await admitTalent({ db: db.prisma, temporal, taskQueue: 'q' }, { programmeId: 'youth-innovator', talentId: 'u-li-ming', employerId: 'org-zhangjiang-tech', series: 'engineering', level: 'intermediate', admittedBy: 'u-admin', at: new Date('2027-03-16T02:00:00.000Z') });
    // 青年创新英才: two annual cycles; the cohort's last grading closes the term weeks after its end.
    const done = new CaseLog(m.workflowId, m.membershipId, 'running').move('completed', { actorId: 'system', action: 'complete', status: 'completed' }, '2029-04-20T02:00:00.000Z');
    await recordMembershipTransition(db.prisma, mail, done, {});
    const rows = await db.prisma.entitlement.findMany({ where: { membershipId: m.membershipId }, orderBy: { kind: 'asc' } });
    expect(rows.map((e) => [e.kind, e.amountFen, e.endsOn, e.status, e.endedOn, e.endReason, e.recoverableFen])).toEqual([
      ['allowance', 300_000, '2029-03-16', 'ended', '2029-03-16', 'term', 0],
      ['apartment', 0, '2029-03-16', 'ended', '2029-03-16', 'term', 0],
    ]);
  });
});
