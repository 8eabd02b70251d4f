// Printed documents checked the way a person would: rendered to an image (pdftoppm) the text
// areas have ink — text can extract while its glyphs render blank — the text reads right
// (pdftotext), and the certificate's QR code decodes (zbarimg) to the live verification URL.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../records/certificates';
import { PUBLIC_BASE_URL, startHarness, type Harness } from '../support/harness';
import { bearer, caseMaterial, poll, submitAs } from './fixtures';

const run = promisify(execFile);
let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = await mkdtemp(join(tmpdir(), 'tl-print-'));
});
afterAll(async () => {
  await h?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fetchPdf = async (url: string, userId = 'u-li-ming') => {
  const res = await request(h.app).get(url).set('Authorization', await bearer(h, userId)).buffer(true).parse((r, done) => {
    const parts: Buffer[] = [];
    r.on('data', (c: Buffer) => parts.push(c));
    r.on('end', () => done(null, Buffer.concat(parts)));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = res.body as Buffer;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdf;
};

async function saved(pdf: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  return file;
}

const textOf = async (file: string) => (await run('pdftotext', ['-layout', file, '-'])).stdout;

/** The first page in grey (PGM): the share of dark pixels in a band of the page (fractions of its height). */
async function inkIn(file: string, band: [number, number]): Promise<number> {
  const base = join(dir, `page-${Math.random().toString(36).slice(2)}`);
  await run('pdftoppm', ['-r', '60', '-gray', '-f', '1', '-l', '1', '-singlefile', file, base]);
  const pgm = await readFile(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, hgt] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const [from, to] = [Math.floor(band[0] * hgt), Math.floor(band[1] * hgt)];
  let dark = 0;
  // Inside the frame: skip the outer 12 % left and right where the border lines run.
  const [x0, x1] = [Math.floor(w * 0.12), Math.floor(w * 0.88)];
  for (let y = from; y < to; y++) for (let x = x0; x < x1; x++) if (pixels[y * w + x]! < 128) dark++;
  return dark / ((to - from) * (x1 - x0));
}

async function qrOf(file: string): Promise<string> {
  const base = join(dir, `qr-${Math.random().toString(36).slice(2)}`);
  await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, base]);
  return (await run('zbarimg', ['--raw', '-q', `${base}.png`])).stdout.trim();
}

describe('the application form as a PDF (申报表)', () => {
  it('prints the applicant, the achievements, the materials with their hashes and the employer’s opinion, with ink', async () => {
    const app = await submitAs(h, 'u-li-ming', undefined);
    const material = await caseMaterial(h, app, 'education-certificate', '硕士学位证书');
    const { sha256 } = await h.db.material.findUniqueOrThrow({ where: { id: material } });
    await poll('the employer review', async () => (await h.db.application.findUnique({ where: { id: app.id } }))?.stage === 'employer-review');
    const approved = await request(h.app).post(`/api/applications/${app.id}/employer-decision`).set('Authorization', await bearer(h, 'u-hr-zhangjiang')).send({ decision: 'approve', reason: '业绩属实，同意推荐' });
    expect(approved.status).toBe(200);

    const file = await saved(await fetchPdf(`/api/applications/${app.id}/form`), 'form');
    const text = await textOf(file);
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('专业技术职务任职资格评审申报表');
    expect(text).toContain(app.caseNumber!);
    expect(text).toContain('李明');
    expect(flat).toContain('工程技术中级');
    expect(flat).toContain('一种图像识别方法');
    expect(flat).toContain('硕士学位证书');
    expect(flat).toContain(sha256);
    expect(flat).toContain('同意推荐');
    expect(flat).toContain('业绩属实，同意推荐');
    expect(flat).toMatch(/单位公示：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await inkIn(file, [0.04, 0.12])).toBeGreaterThan(0.01);
    expect(await inkIn(file, [0.15, 0.4])).toBeGreaterThan(0.005);

    // Another applicant cannot print it.
    expect((await request(h.app).get(`/api/applications/${app.id}/form`).set('Authorization', await bearer(h, 'u-anna-chen'))).status).toBe(404);
  });
});

describe('the certificate as a PDF', () => {
  it('states the title in words with number and code, has ink where its text is, and its QR code opens the live verification', async () => {
    // The revocation bars the holder: this runs after the form's case.
    const app = await submitAs(h, 'u-li-ming');
    const cert = await issueCertificate(h.db, { applicationId: app.id, holderId: app.applicantId, series: app.series, level: app.level, issuedAt: h.clock().toISOString() });
    const pdf = await fetchPdf(`/api/applications/${app.id}/certificate?format=pdf`);
    expect(pdf.length).toBeLessThan(400_000); // the CJK fonts are subset
    const file = await saved(pdf, 'certificate');

    const text = await textOf(file);
    expect(text).toContain('专业技术职务任职资格证书');
    expect(text.replace(/\s+/g, '')).toContain('经评审，具备工程技术系列中级专业技术职务任职资格');
    expect(text).toContain('李明');
    expect(text).toContain(cert.number);
    expect(text).toContain(cert.verificationCode);
    expect(text).not.toContain('已撤销');

    // The title band and the body text band are inked (blank glyphs would leave them white).
    expect(await inkIn(file, [0.08, 0.16])).toBeGreaterThan(0.01);
    expect(await inkIn(file, [0.25, 0.45])).toBeGreaterThan(0.005);

    const url = await qrOf(file);
    // The public verification page, which asks the API with the same number and code.
    expect(url.startsWith(`${PUBLIC_BASE_URL}/verify?`)).toBe(true);
    const verifyApi = (qr: string) => `/api/public/certificates/verify${new URL(qr).search}`;
    const live = await request(h.app).get(verifyApi(url));
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ number: cert.number, status: 'valid' });

    // Revoked, the certificate says so across its face; the QR code still leads to the verification, which says revoked.
    const revoked = await request(h.app).post(`/api/admin/certificates/${encodeURIComponent(cert.number)}/revocation`).set('Authorization', await bearer(h, 'u-admin')).send({ reason: '论文造假' });
    expect(revoked.status).toBe(200);
    const after = await saved(await fetchPdf(`/api/applications/${app.id}/certificate?format=pdf`), 'revoked');
    const revokedText = await textOf(after);
    expect(revokedText.replace(/\s+/g, ''), revokedText).toContain('本证书已撤销');
    expect((await request(h.app).get(verifyApi(await qrOf(after)))).body.status).toBe('revoked');
  });
});
