// The electronic certificate as a PDF (电子职称证书): the title in words, the holder, number and
// verification code, and a QR code of the public verification URL, in Chinese with embedded Noto
// CJK (subset). A revoked certificate carries the revocation across its face.
import QRCode from 'qrcode';
import { absolute } from '../../domain/links';
import { calendarDateOf, writeDate } from '../../domain/words/dates';
import { label } from '../../domain/words/say';
import type { PrintableCertificate } from '../certificates/printable';
import { newPdf, pdfBytes } from './pdf';

const dateZh = (iso: string) => writeDate('zh-CN', calendarDateOf(iso));

export async function certificatePdf(c: PrintableCertificate, publicBaseUrl: string): Promise<Buffer> {
  const verifyUrl = absolute(publicBaseUrl, c.verifyAt);
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const doc = newPdf({ title: `专业技术职务任职资格证书 ${c.number}`, subject: 'Professional title certificate' });
  return pdfBytes(doc, (d) => {
    const { width } = d.page;
    const left = d.page.margins.left;
    const inner = width - left - d.page.margins.right;
    d.lineWidth(3).strokeColor('#8b1a1a').rect(28, 28, width - 56, d.page.height - 56).stroke();
    d.lineWidth(1).rect(36, 36, width - 72, d.page.height - 72).stroke();

    d.moveDown(3).font('serif-bold').fontSize(28).fillColor('#8b1a1a').text('专业技术职务任职资格证书', { align: 'center' });
    d.moveDown(0.3).font('sans').fontSize(11).fillColor('#555555').text('Certificate of Professional Title', { align: 'center' });

    d.moveDown(3).font('sans').fontSize(16).fillColor('#000000');
    d.text(`${c.holderName} 同志：`, left + 20, undefined, { width: inner - 40 });
    d.moveDown(0.8).text(`经评审，具备${label('zh-CN', 'series', c.series)}系列${label('zh-CN', 'level', c.level)}专业技术职务任职资格。`, { width: inner - 40, indent: 32, lineGap: 6 });
    d.moveDown(0.5).text('特发此证。', { width: inner - 40, indent: 32 });

    d.moveDown(2).font('sans').fontSize(12);
    const rows: [string, string][] = [
      ['证书编号', c.number],
      ['验证码', c.verificationCode],
      ['签发日期', dateZh(c.issuedAt)],
    ];
    for (const [k, v] of rows) d.text(`${k}：${v}`, left + 20).moveDown(0.3);

    const qrSize = 130;
    const qrY = d.page.height - 56 - qrSize - 90;
    d.image(qr, width - left - qrSize - 10, qrY, { width: qrSize });
    d.fontSize(9).fillColor('#333333').text('扫码或访问以下网址核验本证书：', left + 20, qrY + 20, { width: inner - qrSize - 50 });
    d.moveDown(0.3).text(verifyUrl, { width: inner - qrSize - 50 });
    d.moveDown(0.5).text('电子证书与纸质证书具有同等效力。', { width: inner - qrSize - 50 });

    if (c.status === 'revoked') {
      d.save();
      d.rotate(-30, { origin: [width / 2, d.page.height / 2] });
      d.font('serif-bold').fontSize(64).fillColor('#cc0000').fillOpacity(0.6).text('已撤销 REVOKED', 0, d.page.height / 2 - 40, { width, align: 'center' });
      d.restore();
      d.fillOpacity(1).font('sans').fontSize(12).fillColor('#cc0000').text(`本证书已撤销（${dateZh(c.revokedAt ?? c.issuedAt)}），不再有效。`, left + 20, qrY - 40);
    }
  });
}
