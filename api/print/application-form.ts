// The application form (申报表 / 评审表) of a case as a PDF: the applicant's data, achievements,
// the materials with their hashes, the employer's opinion and the notice dates, in Chinese with
// embedded Noto CJK (subset) — what a reviewer files and an applicant keeps.
import { calendarDateOf, writeDate } from '../../domain/words/dates';
import { label } from '../../domain/words/say';
import { newPdf, pdfBytes, type Pdf } from './pdf';

export interface PrintableForm {
  caseNumber: string | null;
  id: string;
  applicant: { name: string; id: string };
  employer: { name: string; id: string };
  track: string;
  series: string;
  level: string;
  field: string;
  submittedAt: string;
  stage: string;
  submission: {
    education: string;
    currentTitle?: { level: string; series: string; since: string } | undefined;
    qualifications?: string[] | undefined;
    achievements: { kind: string; title: string; year: number; evidence: string[] }[];
  };
  materials: { id: string; kind: string; title: string; fileName: string; size: number; sha256: string; round: number; replaced: boolean; purged: boolean }[];
  employerOpinion?: { decision: string; note?: string | undefined; at: string } | undefined;
  notices: { stage: string; from: string; to?: string | undefined }[];
}

const dateZh = (iso: string) => writeDate('zh-CN', calendarDateOf(iso));
const zh = (group: string, code: string) => label('zh-CN', group, code);

function heading(d: Pdf, text: string) {
  d.moveDown(0.8).font('sans-bold').fontSize(12).fillColor('#000000').text(text);
  d.moveTo(d.page.margins.left, d.y + 2).lineTo(d.page.width - d.page.margins.right, d.y + 2).lineWidth(0.5).strokeColor('#888888').stroke();
  d.moveDown(0.4).font('sans').fontSize(10);
}

function field(d: Pdf, name: string, value: string) {
  d.font('sans-bold').fontSize(10).text(`${name}：`, { continued: true }).font('sans').text(value);
}

export function applicationFormPdf(f: PrintableForm, printedAt: string): Promise<Buffer> {
  const doc = newPdf({ title: `专业技术职务任职资格申报表 ${f.caseNumber ?? f.id}`, subject: 'Application form' });
  return pdfBytes(doc, (d) => {
    d.font('serif-bold').fontSize(20).text('专业技术职务任职资格评审申报表', { align: 'center' });
    d.moveDown(0.3).font('sans').fontSize(9).fillColor('#555555').text(`受理编号：${f.caseNumber ?? '—'}    案件编号：${f.id}    打印日期：${dateZh(printedAt)}`, { align: 'center' });

    heading(d, '一、基本情况');
    field(d, '申报人', `${f.applicant.name}（${f.applicant.id}）`);
    field(d, '申报单位', `${f.employer.name}（${f.employer.id}）`);
    field(d, '申报通道', zh('track', f.track));
    field(d, '申报系列及级别', `${zh('series', f.series)} ${zh('level', f.level)}`);
    field(d, '专业', f.field);
    field(d, '学历', zh('education', f.submission.education));
    if (f.submission.currentTitle) {
      const t = f.submission.currentTitle;
      field(d, '现职称', `${zh('series', t.series)} ${zh('level', t.level)}（${dateZh(t.since)}起）`);
    }
    if (f.submission.qualifications?.length) field(d, '资格条件', f.submission.qualifications.map((q) => zh('qualification', q)).join('、'));
    field(d, '申报日期', dateZh(f.submittedAt));
    field(d, '当前阶段', zh('stage', f.stage));

    heading(d, '二、业绩成果');
    if (!f.submission.achievements.length) d.text('（无）');
    f.submission.achievements.forEach((a, i) => {
      d.text(`${i + 1}. 【${zh('achievement', a.kind)}】${a.title}（${a.year}年）`);
      const backing = f.materials.filter((m) => a.evidence.includes(m.id)).map((m) => m.title);
      if (backing.length) d.fontSize(9).fillColor('#444444').text(`   佐证材料：${backing.join('、')}`).fontSize(10).fillColor('#000000');
    });

    heading(d, '三、申报材料');
    if (!f.materials.length) d.text('（无上传材料）');
    f.materials.forEach((m, i) => {
      const marks = [m.round ? `第${m.round}轮补正` : '', m.replaced ? '已被替换' : '', m.purged ? '文件已按期删除' : ''].filter(Boolean).join('，');
      d.font('sans').fontSize(10).text(`${i + 1}. ${zh('evidence', m.kind)}：${m.title}（${m.fileName}，${Math.ceil(m.size / 1024)} KB${marks ? `，${marks}` : ''}）`);
      d.fontSize(8).fillColor('#444444').text(`   SHA-256：${m.sha256}`).fontSize(10).fillColor('#000000');
    });

    heading(d, '四、用人单位意见');
    if (f.employerOpinion) {
      field(d, '审核结果', zh('employer-decision', f.employerOpinion.decision));
      if (f.employerOpinion.note) field(d, '意见', f.employerOpinion.note);
      field(d, '日期', dateZh(f.employerOpinion.at));
    } else d.text('（尚未审核）');

    heading(d, '五、公示情况');
    if (!f.notices.length) d.text('（尚未公示）');
    for (const n of f.notices) d.text(`${zh('stage', n.stage)}：${dateZh(n.from)} 至 ${n.to ? dateZh(n.to) : '—'}`);
  });
}
