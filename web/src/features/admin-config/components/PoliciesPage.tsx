// /admin/policies: the policies administrators keep (DOMAIN §8), each a numbered version. Per
// policy: its versions and their values, which cases pinned which version (受理编号, stage: a
// running case keeps the version it started with), and the next version published from a copy
// of the latest, refused by the API below DOMAIN's floors with the fields at fault.
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { usePins, usePolicies, usePolicyVersions, usePublishPolicy, type Pin, type PolicyKey, type PolicyVersion } from '../api/policies';
import { useConfigWords } from '../words';
import { useExpandIcon } from './expand-icon';

/** The publish body's `values`: a JSON object (the API's schema: a record; the policy's own rules are checked there). */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function Pins({ policy, versions, version, onVersion }: { policy: PolicyKey; versions: readonly PolicyVersion[]; version: number | undefined; onVersion: (v: number | undefined) => void }) {
  const w = useConfigWords();
  const { label } = useWords();
  const pins = usePins(policy, version);
  const title = version === undefined ? w('policies.pins') : w('policies.pins-of', { version });
  return (
    <section aria-label={w('policies.pins')}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Select<number | 'all'>
          aria-label={w('policies.pin-version')}
          style={{ width: 160 }}
          value={version ?? 'all'}
          onChange={(v) => onVersion(v === 'all' ? undefined : v)}
          options={[{ value: 'all' as const, label: w('policies.pins-all') }, ...versions.map((v) => ({ value: v.version, label: `${w('policies.version')} ${v.version}` }))]}
        />
      </Space>
      {pins.error && <ProblemAlert error={pins.error} />}
      <Table<Pin>
        rowKey={(p) => `${p.kind}-${p.id}`}
        size="small"
        loading={pins.isPending}
        dataSource={pins.data?.items ?? []}
        locale={{ emptyText: w('policies.pins-empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: w('policies.case'), key: 'case', render: (_, p) => (p.kind === 'application' ? <Link to={`/cases/${p.id}`}>{p.caseNumber ?? p.id.slice(0, 8)}</Link> : <code>{p.id.slice(0, 8)}</code>) },
          { title: w('policies.pin-kind'), dataIndex: 'kind', render: (k: Pin['kind']) => w(`policies.pin-kind.${k}`) },
          { title: w('policies.pin-version'), dataIndex: 'version' },
          { title: w('policies.stage'), dataIndex: 'stage', render: (s: string) => label('stage', s) },
          { title: w('policies.status'), dataIndex: 'status', render: (s: string) => label('status', s) },
        ]}
      />
    </section>
  );
}

function PolicyPanel({ policy, inForce }: { policy: PolicyKey; inForce: number | null }) {
  const w = useConfigWords();
  const locale = useLocale();
  const versions = usePolicyVersions(policy);
  const publish = usePublishPolicy();
  const [pinsVersion, setPinsVersion] = useState<number>();
  const expandIcon = useExpandIcon<PolicyVersion>();
  const [form] = Form.useForm<{ values: string }>();
  const latest = versions.data?.items.at(-1);
  // The form starts from the latest version's values, once they arrive (and after a publish).
  useEffect(() => {
    if (latest) form.setFieldsValue({ values: JSON.stringify(latest.values, null, 2) });
  }, [form, latest]);

  const onPublish = async ({ values }: { values: string }) => {
    const parsed = parseObject(values);
    if (parsed) await publish.mutateAsync({ key: policy, values: parsed }).catch(() => undefined);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {versions.error && <ProblemAlert error={versions.error} />}
      <Table<PolicyVersion>
        rowKey="version"
        size="small"
        loading={versions.isPending}
        dataSource={[...(versions.data?.items ?? [])].reverse()}
        pagination={false}
        expandable={{ expandIcon, expandedRowRender: (v) => <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto' }}>{JSON.stringify(v.values, null, 2)}</pre> }}
        columns={[
          { title: w('policies.version'), dataIndex: 'version', render: (n: number) => <Space>{n}{n === inForce && <Tag color="#237804">{w('policies.in-force-tag')}</Tag>}</Space> },
          { title: w('policies.published-at'), dataIndex: 'publishedAt', render: (at: string) => formatInstantDay(locale, at) },
          { title: w('policies.published-by'), dataIndex: 'publishedBy' },
          {
            title: '',
            key: 'pins',
            render: (_, v) => (
              <Button size="small" onClick={() => setPinsVersion(v.version)} aria-label={w('policies.pins-of', { version: v.version })}>
                {w('policies.pins')}
              </Button>
            ),
          },
        ]}
      />
      <Pins policy={policy} versions={versions.data?.items ?? []} version={pinsVersion} onVersion={setPinsVersion} />
      <section aria-label={w('policies.publish')}>
        <Typography.Title level={5}>{w('policies.publish')}</Typography.Title>
        <Typography.Paragraph>{w('policies.publish-hint')}</Typography.Paragraph>
        <Form name="policy" form={form} layout="vertical" onFinish={(v) => void onPublish(v)}>
          <Form.Item
            name="values"
            label={w('policies.json')}
            rules={[{ required: true, message: w('policies.json-invalid') }, { validator: async (_, text: string) => (text && !parseObject(text) ? Promise.reject(new Error(w('policies.json-invalid'))) : undefined) }]}
          >
            <Input.TextArea rows={14} spellCheck={false} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} disabled={publish.isPending || !latest}>
            {w('policies.publish')}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          {publish.error && <ProblemAlert error={publish.error} />}
          {publish.data && !publish.error && <Alert type="success" showIcon message={w('policies.published', { version: publish.data.version })} />}
        </div>
      </section>
    </Space>
  );
}

export function PoliciesPage() {
  const w = useConfigWords();
  const { word } = useWords();
  const policies = usePolicies();
  const [key, setKey] = useState<PolicyKey>('appraisal');
  return (
    <Card title={w('policies.title')}>
      {policies.error && <ProblemAlert error={policies.error} />}
      <Tabs
        activeKey={key}
        onChange={(k) => setKey(k as PolicyKey)}
        destroyOnHidden
        items={(policies.data?.items ?? []).map((p) => ({
          key: p.key,
          label: `${word(`policy.${p.key}`, p.key)} · ${w('policies.in-force')} ${p.inForce ?? '—'}`,
          children: <PolicyPanel policy={p.key as PolicyKey} inForce={p.inForce} />,
        }))}
      />
    </Card>
  );
}
