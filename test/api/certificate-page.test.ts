// The printable certificate is built from stored values: none of them can inject markup.
import { expect, it } from 'vitest';
import { certificateHtml } from '../../api/certificates/printable';

it('escapes every value and dates the certificate in Shanghai', () => {
  const page = certificateHtml({
    number: 'SH-2026-ENG-00000001',
    verificationCode: 'ABCD1234',
    holderName: '<script>alert("x")</script>',
    series: 'a-new-series',
    level: 'senior',
    issuedAt: '2026-12-31T17:00:00.000Z', // already 1 January in Shanghai
    status: 'valid',
    verifyAt: '/verify?number=SH&code=AB',
  });
  expect(page).not.toContain('<script>');
  expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  expect(page).toContain('具备 <strong>a-new-series正高级职称</strong>'); // an unnamed series shows by its key
  expect(page).toContain('<dd>2027年1月1日</dd>');
  expect(page).toContain('number=SH&amp;code=AB');
});
