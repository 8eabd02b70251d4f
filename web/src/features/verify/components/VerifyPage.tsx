// /verify?number=…&code=…: the public page a certificate's QR code opens (no sign-in). It asks
// GET /api/public/certificates/verify and says valid, revoked or unknown; the number and code may
// also be typed in.
import { Button, Card, Form, Input, Result, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { isProblem } from '../../../lib/problem';
import { useWords } from '../../../lib/words';
import { useVerification } from '../api/verify';
import { useVerifyWords } from '../words';

export function VerifyPage() {
  const w = useVerifyWords();
  const t = useChrome();
  const locale = useLocale();
  const { label } = useWords();
  const [params, setParams] = useSearchParams();
  const number = params.get('number')?.trim() ?? '';
  const code = params.get('code')?.trim() ?? '';
  const check = useVerification(number, code);
  const [form] = Form.useForm<{ number: string; code: string }>();

  const answer = () => {
    if (!number || !code) return null;
    if (check.isPending) return <Spin aria-label={t('loading')} />;
    if (check.error) {
      if (isProblem(check.error, 404)) return <Result status="warning" title={w('unknown')} subTitle={w('unknown-sub')} />;
      return <ProblemAlert error={check.error} />;
    }
    const v = check.data;
    const title = `${label('series', v.title.series)} · ${label('level', v.title.level)}`;
    if (v.status === 'revoked') {
      return <Result status="error" title={w('revoked')} subTitle={w('revoked-sub', { number: v.number, holder: v.holderName, day: formatInstantDay(locale, v.revokedAt ?? v.issuedAt) })} />;
    }
    return <Result status="success" title={w('valid')} subTitle={w('valid-sub', { number: v.number, holder: v.holderName, title, day: formatInstantDay(locale, v.issuedAt) })} />;
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2}>{w('title')}</Typography.Title>
      <section aria-live="polite" aria-label={w('title')}>
        {answer()}
      </section>
      <Card>
        <Typography.Paragraph type="secondary">{w('hint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          initialValues={{ number, code }}
          onFinish={(v) => setParams({ number: v.number.trim(), code: v.code.trim() })}
        >
          <Form.Item name="number" label={w('number')} rules={[{ required: true, whitespace: true, message: w('number') }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="code" label={w('code')} rules={[{ required: true, whitespace: true, message: w('code') }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {w('check')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Space>
  );
}
