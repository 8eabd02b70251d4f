// Who may read a case's materials (DOMAIN §5a), over HTTP: the applicant, their employer's
// reviewer (not another organisation's), the authority, an industry body only while it holds a
// task on the case, a seated expert only while the meeting that has the case is drawn or voting
// (never after recusing, never after it closed), administrators. Every read is on the audit trail.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { bearer, caseMaterial, engineeringBody, meetingFor, submitAs } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const read = async (userId: string, materialId: string) => (await request(h.app).get(`/api/materials/${materialId}`).set('Authorization', await bearer(h, userId))).status;
const list = async (userId: string, caseId: string) => (await request(h.app).get(`/api/applications/${caseId}/materials`).set('Authorization', await bearer(h, userId))).status;

describe('who may read a case’s materials', () => {
  it('the applicant, their employer, the authority and administrators; not another organisation, not a stranger', async () => {
    const app = await submitAs(h, 'u-li-ming');
    const m = await caseMaterial(h, app, 'identity', '身份证');
    for (const who of ['u-li-ming', 'u-hr-zhangjiang', 'u-authority', 'u-admin']) {
      expect([who, await read(who, m), await list(who, app.id)]).toEqual([who, 200, 200]);
    }
    for (const who of ['u-hr-hospital', 'u-anna-chen', 'u-industry']) {
      expect([who, await read(who, m), await list(who, app.id)]).toEqual([who, 404, 404]);
    }
    // Every read is on the case's trail, shown to administrators with who and which.
    const trail = await request(h.app).get(`/api/admin/cases/${app.id}/audit`).set('Authorization', await bearer(h, 'u-admin'));
    const reads = trail.body.items.filter((e: { action: string }) => e.action === 'read-material');
    expect(reads.map((e: { actorId: string; detail: { materialId: string } }) => [e.actorId, e.detail.materialId])).toEqual(
      ['u-li-ming', 'u-hr-zhangjiang', 'u-authority', 'u-admin'].map((who) => [who, m]),
    );
  });

  it('an industry body while it holds a task on the case, not after the task closed', async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '机器人' });
    const m = await caseMaterial(h, app);
    expect(await read('u-industry', m)).toBe(404);
    const task = await h.db.task.create({ data: { workflowId: app.workflowId, taskKey: 'industry-evaluation-access', kind: 'industry-evaluation', caseId: app.id, assigneeRole: 'industry' } });
    expect(await read('u-industry', m)).toBe(200);
    await h.db.task.update({ where: { id: task.id }, data: { closedAt: h.clock() } });
    expect(await read('u-industry', m)).toBe(404);
  });

  it('a seated expert while the meeting is drawn; not one who recused, not one not drawn, not after the meeting closed', async () => {
    const app = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '集成电路' });
    const m = await caseMaterial(h, app);
    const { meetingId, seated } = await meetingFor(h, app, { convened: true });
    const [stays, recuses] = [seated[0]!, seated[1]!];
    const notDrawn = (await h.db.expert.findFirstOrThrow({ where: { series: 'engineering', id: { notIn: seated } } })).id;
    expect(await read(stays, m)).toBe(200);
    expect(await read(notDrawn, m)).toBe(404);
    // The agenda lists the case's materials to a seated expert.
    const agenda = await request(h.app).get(`/api/meetings/${meetingId}`).set('Authorization', await bearer(h, stays));
    expect(agenda.body.agenda[0].materials.map((x: { id: string }) => x.id)).toEqual([m]);

    // Recusing (回避) ends the expert's access at once.
    expect(await read(recuses, m)).toBe(200);
    const recused = await request(h.app).post(`/api/meetings/${meetingId}/recusal`).set('Authorization', await bearer(h, recuses)).send({ reason: '与申报人同一课题组' });
    expect(recused.status, JSON.stringify(recused.body)).toBe(200);
    expect(await read(recuses, m)).toBe(404);
    expect(await list(recuses, app.id)).toBe(404);

    // A closed meeting gives its experts nothing more.
    await h.db.meeting.update({ where: { id: meetingId }, data: { status: 'closed' } });
    expect(await read(stays, m)).toBe(404);
  });
});
