// A one-page PDF to upload in a demo (`npm run -s sample-pdf -- "degree certificate" > degree.pdf`):
// the text on the page and the moment it was made, so two samples never share their bytes.
import { PDFDocument, StandardFonts } from 'pdf-lib';

const text = process.argv.slice(2).join(' ') || 'sample material';
const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
const page = doc.addPage([595, 842]);
page.drawText(text.replace(/[^\x20-\x7e]/g, '?'), { x: 72, y: 760, size: 18, font });
page.drawText(`made ${performance.timeOrigin + performance.now()}`, { x: 72, y: 730, size: 9, font });
process.stdout.write(Buffer.from(await doc.save()));
