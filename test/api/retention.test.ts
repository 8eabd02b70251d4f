// Retention (personal information law): the files of a case that ended without a title are
// deleted after the policy's period, the case record and the materials' rows and hashes stay,
// each deletion is on the case's audit trail, and what another case still needs stays stored.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_DEFAULTS } from '../../domain/appraisal/policy';
import { addMaterial } from '../../records/materials';
import { sweepRetention } from '../../records/retention';
import * as files from '../fixtures/files';
import { startHarness, type Harness } from '../support/harness';
import { uploaded } from '../support/objects';
import { bearer, engineeringBody, poll, submitAs } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const DAY = 86_400_000;
const attach = async (app: { id: string; applicantId: string }, bytes: Buffer, title: string) =>
  addMaterial(h.db, h.objects, { applicationId: app.id }, { ownerId: app.applicantId, kind: 'paper', title, fileName: `${title}.pdf`, upload: await uploaded(h.objects, bytes), inspected: { mime: 'application/pdf', pages: 1 }, uploadedBy: app.applicantId, at: h.clock() }, { maxCaseBytes: 1e9 });

describe('retention', () => {
  it('deletes the files of a withdrawn case after the period, keeps records, hashes and what a certified case needs', async () => {
    const withdrawn = await submitAs(h, 'u-li-ming');
    const certified = await submitAs(h, 'u-li-ming', { ...engineeringBody, field: '芯片' });
    const shared = await files.pdf(1, 'shared paper');
    const own = await files.pdf(1, 'only in the withdrawn case');
    const [m1, m2] = [await attach(withdrawn, shared, 'shared'), await attach(withdrawn, own, 'own')];
    await attach(certified, shared, 'shared');
    // The certified case's row as its workflow would leave it.
    await h.db.application.update({ where: { id: certified.id }, data: { status: 'certified', stage: 'certified', endedAt: h.clock() } });
    const out = await request(h.app).post(`/api/applications/${withdrawn.id}/withdrawal`).set('Authorization', await bearer(h, 'u-li-ming')).send({ reason: '个人原因' });
    expect(out.body.stage).toBe('withdrawn');
    const ended = await poll('the end on record', async () => (await h.db.application.findUniqueOrThrow({ where: { id: withdrawn.id } })).endedAt);

    // Within the period nothing goes, also when an administrator runs the sweep.
    const now = await request(h.app).post('/api/admin/retention/sweep').set('Authorization', await bearer(h, 'u-admin')).send({});
    expect(now.status).toBe(200);
    expect(now.body.cases).toEqual([]);
    expect(await h.objects.has(m2.sha256)).toBe(true);

    const later = new Date(ended.getTime() + (DOSSIER_DEFAULTS.retentionDays + 1) * DAY);
    const swept = await sweepRetention(h.db, h.objects, later);
    expect(swept.cases).toEqual([{ applicationId: withdrawn.id, materials: 2, objects: 1 }]);
    expect(await h.objects.has(m2.sha256)).toBe(false);
    expect(await h.objects.has(m1.sha256)).toBe(true); // the certified case still refers to it
    const rows = await h.db.material.findMany({ where: { applicationId: withdrawn.id }, orderBy: { title: 'asc' } });
    expect(rows.map((r) => [r.title, r.sha256, r.purgedAt?.toISOString()])).toEqual([
      ['own', m2.sha256, later.toISOString()],
      ['shared', m1.sha256, later.toISOString()],
    ]);
    expect(await h.db.application.findUnique({ where: { id: withdrawn.id } })).toMatchObject({ status: 'withdrawn' });
    expect(await h.db.auditEvent.findFirst({ where: { workflowId: withdrawn.workflowId, action: 'purge-dossier' } })).toMatchObject({
      actorId: 'system',
      detail: expect.objectContaining({ retentionDays: DOSSIER_DEFAULTS.retentionDays, materials: 2, objects: 1 }),
    });
    const read = await request(h.app).get(`/api/materials/${m2.id}`).set('Authorization', await bearer(h, 'u-li-ming'));
    expect(read.status).toBe(404);
    expect(read.body.detail).toContain('已按保存期限规定删除');

    // Again: nothing more, no second entry on the trail; the certified case keeps everything.
    expect((await sweepRetention(h.db, h.objects, new Date(later.getTime() + DAY))).cases).toEqual([]);
    expect(await h.db.auditEvent.count({ where: { workflowId: withdrawn.workflowId, action: 'purge-dossier' } })).toBe(1);
    expect(await h.db.material.count({ where: { applicationId: certified.id, purgedAt: null } })).toBe(1);
  });

  it('deletes a draft untouched for the period, with its materials', async () => {
    const draft = (await request(h.app).post('/api/drafts').set('Authorization', await bearer(h, 'u-anna-chen')).send({ content: {} })).body;
    const upload = await request(h.app).post(`/api/drafts/${draft.id}/materials`).set('Authorization', await bearer(h, 'u-anna-chen')).field('kind', 'identity').field('title', '身份证').attach('file', await files.pdf(1, 'anna id'), 'id.pdf');
    expect(upload.status).toBe(201);
    const swept = await sweepRetention(h.db, h.objects, new Date(Date.parse(draft.updatedAt) + (DOSSIER_DEFAULTS.retentionDays + 1) * DAY));
    expect(swept.drafts).toContain(draft.id);
    expect(await h.db.draft.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await h.objects.has(upload.body.sha256)).toBe(false);
    expect(await h.db.auditEvent.findFirst({ where: { workflowId: `draft-${draft.id}`, action: 'purge-draft' } })).not.toBeNull();
  });
});
