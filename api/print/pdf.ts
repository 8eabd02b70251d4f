// A printed document as bytes: pdfkit with the CJK fonts registered under short names, and the
// finished PDF collected from its stream.
import PDFDocument from 'pdfkit';
import { cjkFonts } from './fonts';

export type Pdf = PDFKit.PDFDocument;

export function newPdf(meta: { title: string; subject?: string }): Pdf {
  const fonts = cjkFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: meta.title, ...(meta.subject ? { Subject: meta.subject } : {}), Producer: 'talent-lifecycle' }, lang: 'zh-CN' } as PDFKit.PDFDocumentOptions);
  doc.registerFont('sans', fonts.sans.src, fonts.sans.family);
  doc.registerFont('sans-bold', fonts.sansBold.src, fonts.sansBold.family);
  doc.registerFont('serif-bold', fonts.serifBold.src, fonts.serifBold.family);
  doc.font('sans');
  return doc;
}

export function pdfBytes(doc: Pdf, draw: (doc: Pdf) => void | Promise<void>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    Promise.resolve(draw(doc)).then(
      () => doc.end(),
      (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))),
    );
  });
}
