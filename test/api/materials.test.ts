// Materials (申报材料) over HTTP, against the real local store and the real S3-compatible server:
// the type decided by the bytes, limits, refusals that store nothing, one object per content,
// removal, downloads with the right headers, who may read, and every read in the audit trail.
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from '../fixtures/files';
import { startHarness, type Harness } from '../support/harness';
import { bearer } from './fixtures';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(['local', 's3'] as const)('materials in the %s store', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ objectStore: store });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const newDraft = async (userId = 'u-li-ming') => (await request(h.app).post('/api/drafts').set('Authorization', await bearer(h, userId)).send({ content: { series: 'engineering' } })).body.id as string;
  const upload = async (draftId: string, file: Buffer, name: string, fields: Record<string, string> = { kind: 'education-certificate', title: '硕士学位证书' }, userId = 'u-li-ming') => {
    let r = request(h.app).post(`/api/drafts/${draftId}/materials`).set('Authorization', await bearer(h, userId));
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    // form-data sends `filepath` as it is (a `filename` loses its folders on the way).
    return r.attach('file', file, { ...(name.includes('/') ? { filepath: name } : { filename: name }), contentType: 'application/octet-stream' });
  };
  const storedObjects = async () => h.db.blob.count();

  it('takes a PDF, decided by its bytes, and lists it in the draft with its hash', async () => {
    const id = await newDraft();
    const bytes = await files.pdf(2);
    const res = await upload(id, bytes, '学位证书.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'education-certificate', title: '硕士学位证书', fileName: '学位证书.pdf', mime: 'application/pdf', size: bytes.length, sha256: sha(bytes), purged: false });
    expect(await h.objects.has(sha(bytes))).toBe(true);
    const draft = (await request(h.app).get(`/api/drafts/${id}`).set('Authorization', await bearer(h, 'u-li-ming'))).body;
    expect(draft.materials).toEqual([expect.objectContaining({ id: res.body.id, sha256: sha(bytes) })]);
    // An image too; and a PNG named .pdf is a PNG.
    const image = await upload(id, files.png(800, 600), 'scan.pdf', { kind: 'identity', title: '身份证' });
    expect(image.status).toBe(201);
    expect(image.body.mime).toBe('image/png');
  });

  it('refuses what is not a PDF, JPEG or PNG whatever its name, and what is dangerous or broken, storing nothing', async () => {
    const id = await newDraft();
    const before = await storedObjects();
    const cases: [Buffer, string, number, string][] = [
      [files.text, 'patent.pdf', 415, 'unsupported-type'],
      [files.zip, 'materials.zip', 415, 'unsupported-type'],
      [Buffer.alloc(0), 'empty.pdf', 400, 'empty'],
      [await files.pdfWithScript(), 'script.pdf', 422, 'pdf-script'],
      [await files.encryptedPdf(), 'locked.pdf', 422, 'pdf-encrypted'],
      [Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]), 'broken.pdf', 422, 'pdf-unreadable'],
      [files.png(100_000, 100_000), 'huge.png', 422, 'too-many-pixels'],
      [await files.pdf(1), '../../etc/passwd.pdf', 400, 'bad-name'],
      // A right-to-left override hides what a name really ends with.
      [await files.pdf(1), 'invoice\u202efdp.exe', 400, 'bad-name'],
    ];
    for (const [bytes, name, status, code] of cases) {
      const res = await upload(id, bytes, name);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ path: 'body.file', message: code }]);
    }
    // A raw control character breaks the part's header: refused before any name check.
    const bell = await upload(id, await files.pdf(1), 'bell\u0007.pdf');
    expect(bell.status).toBe(400);
    expect(bell.body.errors).toEqual([{ path: 'body', message: 'malformed multipart/form-data' }]);
    expect(await h.db.material.count({ where: { draftId: id } })).toBe(0);
    expect(await storedObjects()).toBe(before);
  });

  it('refuses a PDF bomb: a small file that inflates past the limit', async () => {
    const id = await newDraft();
    const bomb = await files.pdfBomb(600);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const res = await upload(id, bomb, 'bomb.pdf');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'body.file', message: 'decompresses-too-far' }]);
  });

  it('refuses a file over the policy limit with 413, and missing or bad fields with 400 naming them', async () => {
    const id = await newDraft();
    const big = Buffer.concat([await files.pdf(1), Buffer.alloc(21 * 1024 * 1024)]);
    const res = await upload(id, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([{ path: 'body.file', message: 'file-too-large' }]);
    const noTitle = await upload(id, await files.pdf(1), 'a.pdf', { kind: 'Education Certificate' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.kind', 'body.title']);
    const json = await request(h.app).post(`/api/drafts/${id}/materials`).set('Authorization', await bearer(h, 'u-li-ming')).send({ kind: 'x' });
    expect(json.status).toBe(400);
    expect(await h.db.material.count({ where: { draftId: id } })).toBe(0);
  });

  it('stores identical content once; the object goes with the last material that refers to it', async () => {
    const bytes = await files.pdf(3, `dedupe ${store}`);
    const [a, b] = [await newDraft('u-li-ming'), await newDraft('u-anna-chen')];
    const ma = (await upload(a, bytes, 'a.pdf')).body;
    const mb = (await upload(b, bytes, 'b.pdf', undefined, 'u-anna-chen')).body;
    expect(ma.sha256).toBe(mb.sha256);
    expect(await h.db.blob.count({ where: { sha256: ma.sha256 } })).toBe(1);
    expect(await h.db.material.count({ where: { sha256: ma.sha256 } })).toBe(2);
    const del = async (draft: string, m: string, user: string) => request(h.app).delete(`/api/drafts/${draft}/materials/${m}`).set('Authorization', await bearer(h, user));
    expect((await del(a, mb.id, 'u-li-ming')).status).toBe(404); // not this draft's
    expect((await del(a, ma.id, 'u-li-ming')).status).toBe(204);
    expect(await h.objects.has(ma.sha256)).toBe(true);
    expect((await del(b, mb.id, 'u-anna-chen')).status).toBe(204);
    expect(await h.objects.has(ma.sha256)).toBe(false);
    expect(await h.db.blob.count({ where: { sha256: ma.sha256 } })).toBe(0);
  });

  it('downloads and shows inline with type and name, to its owner only, and records each read', async () => {
    const id = await newDraft();
    const bytes = await files.pdf(1, 'download');
    const m = (await upload(id, bytes, '论文 (final).pdf', { kind: 'paper', title: '论文' })).body;
    const get = async (url: string, user: string) => request(h.app).get(url).set('Authorization', await bearer(h, user)).buffer(true).parse((res, cb) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => cb(null, Buffer.concat(parts)));
    });
    const dl = await get(m.links.download, 'u-li-ming');
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="__ (final).pdf"; filename*=UTF-8''${encodeURIComponent('论文 (final).pdf')}`);
    expect(sha(dl.body as Buffer)).toBe(sha(bytes));
    expect((await get(m.links.view, 'u-li-ming')).headers['content-disposition']).toMatch(/^inline;/);
    expect((await get(m.links.download, 'u-anna-chen')).status).toBe(404);
    expect((await get(m.links.download, 'u-hr-zhangjiang')).status).toBe(404);
    const reads = await h.db.auditEvent.findMany({ where: { workflowId: `draft-${id}`, action: 'read-material' }, orderBy: { id: 'asc' } });
    expect(reads.map((r) => [r.actorId, (r.detail as { inline: boolean }).inline])).toEqual([
      ['u-li-ming', false],
      ['u-li-ming', true],
    ]);
  });

  it("refuses uploads to someone else's draft (404) and to a submitted one (409)", async () => {
    const id = await newDraft('u-anna-chen');
    expect((await upload(id, await files.pdf(1), 'x.pdf')).status).toBe(404);
    await h.db.draft.update({ where: { id }, data: { applicationId: '00000000-0000-4000-8000-000000000099' } });
    expect((await upload(id, await files.pdf(1), 'x.pdf', undefined, 'u-anna-chen')).status).toBe(409);
  });
});
