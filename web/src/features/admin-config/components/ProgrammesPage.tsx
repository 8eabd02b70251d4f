// /admin/programmes: talent programmes and their grading rules (DOMAIN §3), and the layered title
// standards (DOMAIN §2), each a numbered version that running cases keep once pinned. A new
// grading version is a form checked as the API checks it (points 0–100, 优秀 > 合格 > 基本合格,
// a quota of at most 100 %); a new standard starts from a copy of an existing version's rules.
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import {
  useCreateProgramme,
  useGradingVersions,
  useProgrammes,
  usePublishGrading,
  usePublishStandard,
  useStandards,
  type GradingRules,
  type GradingVersion,
  type Programme,
  type PublishStandardBody,
  type Standard,
  type StandardsQuery,
} from '../api/programmes';
import { useConfigWords } from '../words';
import { useExpandIcon } from './expand-icon';

interface GradingForm {
  excellent: number;
  pass: number;
  basicPass: number;
  quota?: number | null;
}

const toRules = (g: GradingForm): GradingRules => ({ boundaries: { excellent: g.excellent, pass: g.pass, basicPass: g.basicPass }, excellentQuota: g.quota == null ? null : g.quota / 100 });
const fromRules = (r: GradingRules): GradingForm => ({ excellent: r.boundaries.excellent, pass: r.boundaries.pass, basicPass: r.boundaries.basicPass, quota: r.excellentQuota == null ? null : Math.round(r.excellentQuota * 1000) / 10 });

/** The boundaries and the quota, as the API's schema has them. */
function GradingFields({ form }: { form: FormInstance }) {
  const w = useConfigWords();
  const ordered = {
    validator: async () => {
      const { excellent, pass, basicPass } = form.getFieldsValue(['excellent', 'pass', 'basicPass']) as Partial<GradingForm>;
      if (excellent == null || pass == null || basicPass == null) return;
      if (!(excellent > pass && pass > basicPass)) throw new Error(w('programmes.order'));
    },
  };
  const points = (name: keyof GradingForm, label: string) => (
    <Col xs={24} sm={6}>
      <Form.Item name={name} label={label} dependencies={['excellent', 'pass', 'basicPass'].filter((n) => n !== name)} rules={[{ required: true, message: w('programmes.required') }, ordered]}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={12}>
      {points('excellent', w('programmes.excellent'))}
      {points('pass', w('programmes.pass'))}
      {points('basicPass', w('programmes.basic-pass'))}
      <Col xs={24} sm={6}>
        <Form.Item name="quota" label={w('programmes.quota')}>
          <InputNumber min={0.1} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function GradingPanel({ programme }: { programme: Programme }) {
  const w = useConfigWords();
  const locale = useLocale();
  const versions = useGradingVersions(programme.id);
  const publish = usePublishGrading();
  const [form] = Form.useForm<GradingForm>();
  const latest = versions.data?.items.at(-1);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>
        {w('programmes.grading')} · {programme.name}
      </Typography.Title>
      {versions.error && <ProblemAlert error={versions.error} />}
      <Table<GradingVersion>
        rowKey="id"
        size="small"
        pagination={false}
        loading={versions.isPending}
        dataSource={[...(versions.data?.items ?? [])].reverse()}
        columns={[
          { title: w('standards.version'), dataIndex: 'version' },
          { title: w('programmes.excellent'), key: 'e', render: (_, v) => v.rules.boundaries.excellent },
          { title: w('programmes.pass'), key: 'p', render: (_, v) => v.rules.boundaries.pass },
          { title: w('programmes.basic-pass'), key: 'b', render: (_, v) => v.rules.boundaries.basicPass },
          { title: w('programmes.quota'), key: 'q', render: (_, v) => (v.rules.excellentQuota == null ? w('programmes.quota-none') : `${Math.round(v.rules.excellentQuota * 1000) / 10}%`) },
          { title: w('standards.published-at'), dataIndex: 'publishedAt', render: (at: string) => formatInstantDay(locale, at) },
          { title: w('policies.published-by'), dataIndex: 'publishedBy' },
        ]}
      />
      {latest && (
        <section aria-label={w('programmes.publish-grading')}>
          <Typography.Title level={5}>{w('programmes.publish-grading')}</Typography.Title>
          <Form<GradingForm> key={latest.id} name="grading" form={form} layout="vertical" initialValues={fromRules(latest.rules)} onFinish={(g) => void publish.mutateAsync({ id: programme.id, rules: toRules(g) }).catch(() => undefined)}>
            <GradingFields form={form} />
            <Button type="primary" htmlType="submit" loading={publish.isPending} disabled={publish.isPending}>
              {w('programmes.publish-grading')}
            </Button>
          </Form>
          <div style={{ marginTop: 12 }}>
            {publish.error && <ProblemAlert error={publish.error} />}
            {publish.data && !publish.error && <Alert type="success" showIcon message={w('programmes.published', { version: publish.data.version })} />}
          </div>
        </section>
      )}
    </Space>
  );
}

function CreateProgramme() {
  const w = useConfigWords();
  const create = useCreateProgramme();
  const [form] = Form.useForm<GradingForm & { id: string; name: string; nameEn: string; talentType: string }>();
  const required = { required: true, whitespace: true, message: w('programmes.required') };
  return (
    <section aria-label={w('programmes.create')}>
      <Typography.Title level={5}>{w('programmes.create')}</Typography.Title>
      <Form
        name="new-programme"
        form={form}
        layout="vertical"
        initialValues={{ excellent: 90, pass: 75, basicPass: 60, quota: null }}
        onFinish={(v) => void create.mutateAsync({ id: v.id, name: v.name, nameEn: v.nameEn, talentType: v.talentType, grading: toRules(v) }).catch(() => undefined)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={6}>
            <Form.Item name="id" label={w('programmes.id')} rules={[required, { pattern: /^[a-z][a-z0-9-]{1,49}$/, message: w('programmes.id-rule') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="name" label={w('programmes.name')} rules={[required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="nameEn" label={w('programmes.name-en')} rules={[required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="talentType" label={w('programmes.talent-type')} rules={[required, { max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <GradingFields form={form} />
        <Button htmlType="submit" loading={create.isPending} disabled={create.isPending}>
          {w('programmes.create')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        {create.error && <ProblemAlert error={create.error} />}
        {create.data && !create.error && <Alert type="success" showIcon message={w('programmes.created', { id: create.data.id })} />}
      </div>
    </section>
  );
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function Standards() {
  const w = useConfigWords();
  const { label } = useWords();
  const locale = useLocale();
  const [query, setQuery] = useState<StandardsQuery>({});
  const all = useStandards({});
  const standards = useStandards(query);
  const publish = usePublishStandard();
  const sep = locale === 'en' ? ', ' : '、';
  const expandIcon = useExpandIcon<Standard>();
  const [form] = Form.useForm<{ series: string; level: PublishStandardBody['level']; track: string; rules: string }>();
  const distinct = (pick: (s: Standard) => string) => [...new Set((all.data?.items ?? []).map(pick))];
  const filter = (name: keyof StandardsQuery, group: 'series' | 'level' | 'track', values: string[]) => (
    <Select<string>
      aria-label={w(`standards.${group}`)}
      placeholder={w(`standards.${group}`)}
      allowClear
      style={{ width: 160 }}
      value={query[name]}
      onChange={(v) => setQuery((q) => ({ ...q, [name]: v ?? undefined }))}
      options={values.map((v) => ({ value: v, label: label(group, v) }))}
    />
  );
  const startFrom = (s: Standard) => form.setFieldsValue({ series: s.series, level: s.level as PublishStandardBody['level'], track: s.track, rules: JSON.stringify(s.rules, null, 2) });
  const onPublish = async (v: { series: string; level: PublishStandardBody['level']; track: string; rules: string }) => {
    const rules = parseObject(v.rules);
    if (rules) await publish.mutateAsync({ series: v.series, level: v.level, track: v.track, rules: rules as PublishStandardBody['rules'] }).catch(() => undefined);
  };
  return (
    <Card title={w('standards.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {filter('series', 'series', distinct((s) => s.series))}
          {filter('level', 'level', distinct((s) => s.level))}
          {filter('track', 'track', distinct((s) => s.track))}
        </Space>
        {standards.error && <ProblemAlert error={standards.error} />}
        <Table<Standard>
          rowKey="id"
          size="small"
          loading={standards.isPending}
          dataSource={standards.data?.items ?? []}
          locale={{ emptyText: w('standards.empty') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          expandable={{ expandIcon, expandedRowRender: (s) => <pre style={{ margin: 0, maxHeight: 280, overflow: 'auto' }}>{JSON.stringify(s.rules, null, 2)}</pre> }}
          columns={[
            { title: w('standards.series'), dataIndex: 'series', render: (v: string) => label('series', v) },
            { title: w('standards.level'), dataIndex: 'level', render: (v: string) => label('level', v) },
            { title: w('standards.track'), dataIndex: 'track', render: (v: string) => label('track', v) },
            { title: w('standards.version'), dataIndex: 'version' },
            { title: w('standards.criteria'), key: 'criteria', render: (_, s) => s.rules.criteria.map((c) => `${c.key} ${Math.round(c.weight * 100)}%`).join(sep) },
            { title: w('standards.evidence'), key: 'evidence', render: (_, s) => s.rules.requiredEvidence.map((e) => label('evidence', e)).join(sep) },
            { title: w('standards.published-at'), dataIndex: 'publishedAt', render: (at: string) => formatInstantDay(locale, at) },
            {
              title: '',
              key: 'copy',
              render: (_, s) => (
                <Button size="small" onClick={() => startFrom(s)}>
                  {w('standards.publish')}
                </Button>
              ),
            },
          ]}
        />
        <section aria-label={w('standards.publish')}>
          <Typography.Title level={5}>{w('standards.publish')}</Typography.Title>
          <Form name="standard" form={form} layout="vertical" onFinish={(v) => void onPublish(v)}>
            <Row gutter={12}>
              {(['series', 'level', 'track'] as const).map((group) => (
                <Col xs={24} sm={8} key={group}>
                  <Form.Item name={group} label={w(`standards.${group}`)} rules={[{ validator: async (_, v?: string) => { if (!v) throw new Error(w('programmes.required')); } }]}>
                    <Select options={distinct((s) => s[group]).map((v) => ({ value: v, label: label(group, v) }))} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item
              name="rules"
              label={w('standards.rules')}
              rules={[{ required: true, message: w('policies.json-invalid') }, { validator: async (_, text: string) => (text && !parseObject(text) ? Promise.reject(new Error(w('policies.json-invalid'))) : undefined) }]}
            >
              <Input.TextArea rows={10} spellCheck={false} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={publish.isPending} disabled={publish.isPending}>
              {w('standards.publish')}
            </Button>
          </Form>
          <div style={{ marginTop: 12 }}>
            {publish.error && <ProblemAlert error={publish.error} />}
            {publish.data && !publish.error && (
              <Alert type="success" showIcon message={w('standards.published', { series: label('series', publish.data.series), level: label('level', publish.data.level), version: publish.data.version })} />
            )}
          </div>
        </section>
      </Space>
    </Card>
  );
}

export function ProgrammesPage() {
  const w = useConfigWords();
  const programmes = useProgrammes();
  const [selected, setSelected] = useState<string>();
  const current = programmes.data?.items.find((p) => p.id === selected) ?? programmes.data?.items[0];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={w('programmes.programmes')}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {programmes.error && <ProblemAlert error={programmes.error} />}
          <Table<Programme>
            rowKey="id"
            size="small"
            loading={programmes.isPending}
            dataSource={programmes.data?.items ?? []}
            pagination={false}
            columns={[
              { title: w('programmes.id'), dataIndex: 'id' },
              { title: w('programmes.name'), dataIndex: 'name' },
              { title: w('programmes.name-en'), dataIndex: 'nameEn' },
              { title: w('programmes.talent-type'), dataIndex: 'talentType' },
              { title: w('programmes.grading-version'), dataIndex: 'gradingVersion' },
              { title: w('programmes.running'), dataIndex: 'runningMembers' },
              {
                title: '',
                key: 'grading',
                render: (_, p) => (
                  <Button size="small" type={p.id === current?.id ? 'primary' : 'default'} aria-pressed={p.id === current?.id} onClick={() => setSelected(p.id)}>
                    {w('programmes.grading')}
                  </Button>
                ),
              },
            ]}
          />
          {current && <GradingPanel programme={current} />}
          <CreateProgramme />
        </Space>
      </Card>
      <Standards />
    </Space>
  );
}
