// The certificate as a page to print or save as PDF from a browser: the holder's title, the
// number and verification code, and where anyone can check it. Built from escaped values only.
// The certificate is a Chinese document: its series and level read as the catalogue's zh-CN
// labels (a series not named there shows by its key), its dates as written in Shanghai.
import { writeDate, calendarDateOf } from '../../domain/words/dates';
import { label } from '../../domain/words/say';

export interface PrintableCertificate {
  number: string;
  verificationCode: string;
  holderName: string;
  series: string;
  level: string;
  issuedAt: string;
  status: string;
  revokedAt?: string;
  verifyAt: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
/** The calendar date in Shanghai, as the certificate states it. */
const dateZh = (iso: string) => writeDate('zh-CN', calendarDateOf(iso));

export function certificateHtml(c: PrintableCertificate): string {
  const title = `${label('zh-CN', 'series', c.series)}${label('zh-CN', 'level', c.level)}职称`;
  const revoked = c.status === 'revoked';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>专业技术职称证书 ${escape(c.number)}</title>
<style>
  body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; margin: 0; padding: 3rem; }
  main { border: 6px double #8b0000; max-width: 42rem; margin: auto; padding: 3rem; text-align: center; }
  h1 { letter-spacing: 0.5em; color: #8b0000; }
  .title { font-size: 1.6rem; margin: 2rem 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; text-align: left; margin: 2rem auto 0; width: fit-content; }
  .revoked { color: #b00; font-weight: bold; font-size: 1.4rem; }
</style>
</head>
<body>
<main>
  <h1>专业技术职称证书</h1>
  ${revoked ? `<p class="revoked">本证书已于${dateZh(c.revokedAt!)}撤销</p>` : ''}
  <p>兹证明 <strong>${escape(c.holderName)}</strong></p>
  <p class="title">具备 <strong>${escape(title)}</strong> 任职资格</p>
  <dl>
    <dt>证书编号</dt><dd>${escape(c.number)}</dd>
    <dt>验证码</dt><dd>${escape(c.verificationCode)}</dd>
    <dt>发证日期</dt><dd>${dateZh(c.issuedAt)}</dd>
    <dt>核验</dt><dd>${escape(c.verifyAt)}</dd>
  </dl>
</main>
</body>
</html>
`;
}
