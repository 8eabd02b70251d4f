// /apply and /apply/:draftId: the applicant's new application (申报向导) over the drafts API —
// the application in three sections, 保存草稿 (create, then replace), 保存并检查 (the findings,
// grouped, the fields at fault marked), the materials the check asks for and each achievement's,
// uploaded with their progress, and 提交申报 with one Idempotency-Key for the draft.
import { Alert, Button, Card, Form, Input, InputNumber, List, Progress, Select, Space, Table, Typography, Upload, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { ApiProblem } from '../../../lib/problem';
import { useSession } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { uploadMaterial, useCheckDraft, useDeleteMaterial, useDraft, useSaveDraft, useSubmitDraft, type DraftContent, type DraftMaterial } from '../api/drafts';

const SERIES = ['engineering', 'economics', 'health'];
const LEVELS = ['junior', 'intermediate', 'deputy-senior', 'senior'];
const TRACKS = ['standard', 'direct', 'green'];
const EDUCATION = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;
const ACHIEVEMENT_KINDS = ['paper', 'patent', 'project', 'award', 'product'] as const;

/** An achievement nothing backs: content.submission.achievements.0. */
const BACKING = /^content\.submission\.achievements\.\d+$/;

/** A failed save or check: ProblemMessages has shown the API's words already. */
const shownAsMessage = () => undefined;

interface Finding {
  path: string;
  reason: string;
}

/** The form's values without the empty ones, as the API takes a draft's content. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out = Object.entries(value).flatMap(([k, v]) => {
      const p = prune(v);
      return p === undefined || p === '' || (typeof p === 'object' && p !== null && !Array.isArray(p) && Object.keys(p).length === 0) ? [] : [[k, p] as const];
    });
    return Object.fromEntries(out);
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** A content.* finding marks its field: content.submission.education → ['submission', 'education']. */
function markFields(form: FormInstance, findings: readonly Finding[]) {
  const marked = findings
    .filter((f) => f.path.startsWith('content.'))
    .map((f) => ({ name: f.path.slice('content.'.length).split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [f.reason] }));
  form.setFields(marked);
}

export function ApplyPage() {
  const t = useChrome();
  const { label } = useWords();
  const session = useSession();
  const navigate = useNavigate();
  const params = useParams();
  const [form] = Form.useForm<DraftContent>();
  const [draftId, setDraftId] = useState<string | undefined>(params.draftId);
  const draft = useDraft(draftId);
  const save = useSaveDraft();
  const check = useCheckDraft();
  const submit = useSubmitDraft();
  const removeMaterial = useDeleteMaterial();
  const [findings, setFindings] = useState<readonly Finding[] | undefined>();
  const [ready, setReady] = useState(false);
  // Kinds the check asked for stay on the page once asked, so an upload does not lose its place.
  const [askedKinds, setAskedKinds] = useState<readonly string[]>([]);
  const [progress, setProgress] = useState<Record<string, number>>({});
  // One key per draft: a double click or a retry answers the same case.
  const [submitKey] = useState(() => crypto.randomUUID());
  // A continued draft fills the form once, when it first arrives; later answers leave the typing alone.
  const loaded = useRef(false);
  const organisationId = session?.user.organisationId ?? undefined;

  useEffect(() => {
    if (draft.data && !loaded.current) {
      loaded.current = true;
      form.setFieldsValue(draft.data.content);
    }
  }, [draft.data, form]);

  const content = (): DraftContent => {
    const values = prune(form.getFieldsValue(true)) as DraftContent;
    return organisationId ? { ...values, employerId: organisationId } : values;
  };

  const saveDraft = async (): Promise<string> => {
    const saved = await save.mutateAsync({ id: draftId, content: content() });
    if (!draftId) {
      loaded.current = true;
      setDraftId(saved.id);
      void navigate(`/apply/${saved.id}`, { replace: true });
    }
    return saved.id;
  };

  const showFindings = (list: readonly Finding[], isReady: boolean) => {
    setFindings(list);
    setReady(isReady);
    markFields(form, list);
    const kinds = list.filter((f) => f.path.startsWith('materials.')).map((f) => f.path.slice('materials.'.length));
    setAskedKinds((before) => [...new Set([...before, ...kinds])]);
  };

  const saveAndCheck = async () => {
    const id = await saveDraft();
    const reply = await check.mutateAsync(id);
    showFindings(reply.findings, reply.ready);
    await draft.refetch();
  };

  // A second click before the button shows it is busy does nothing (and the key covers a retry).
  const submitting = useRef(false);
  const [submitError, setSubmitError] = useState<unknown>();
  const submitNow = async () => {
    if (submitting.current) return;
    submitting.current = true;
    setSubmitError(undefined);
    try {
      const id = await saveDraft();
      const created = await submit.mutateAsync({ id, key: submitKey });
      void navigate(`/cases/${created.id}`);
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 422 && err.errors.length > 0) showFindings(err.errors.map((e) => ({ path: e.path, reason: e.message })), false);
      else setSubmitError(err);
    } finally {
      submitting.current = false;
    }
  };

  const achievements = (Form.useWatch(['submission', 'achievements'], form) ?? []) as { kind?: string; title?: string }[];
  const materials: DraftMaterial[] = draft.data?.materials ?? [];
  const groups: [string, Finding[]][] = findings
    ? [
        [t('apply.findings-content'), findings.filter((f) => f.path.startsWith('content.') && !BACKING.test(f.path))],
        [t('apply.findings-eligibility'), findings.filter((f) => f.path === 'eligibility')],
        [t('apply.findings-materials'), findings.filter((f) => f.path.startsWith('materials.'))],
        [t('apply.findings-other'), findings.filter((f) => BACKING.test(f.path) || (!f.path.startsWith('content.') && f.path !== 'eligibility' && !f.path.startsWith('materials.')))],
      ]
    : [];

  const slot = (key: string, name: string, kind: string, title: string, achievement?: number) => (
    <div role="group" aria-label={name} key={key} style={{ marginBottom: 12 }}>
      <Space align="center">
        <Typography.Text strong>{name}</Typography.Text>
        <Upload
          showUploadList={false}
          disabled={!draftId}
          customRequest={({ file, onProgress, onSuccess, onError }) => {
            const id = draftId;
            if (!id) return;
            setProgress((p) => ({ ...p, [key]: 0 }));
            uploadMaterial(id, { file: file as File, kind, title, ...(achievement !== undefined ? { achievement } : {}) }, (percent) => {
              setProgress((p) => ({ ...p, [key]: percent }));
              onProgress?.({ percent });
            })
              .then((m) => {
                setProgress((p) => ({ ...p, [key]: 100 }));
                onSuccess?.(m);
                void draft.refetch();
              })
              .catch((err: unknown) => {
                setProgress((p) => {
                  const { [key]: _, ...rest } = p;
                  return rest;
                });
                onError?.(err as Error);
                setFindings([{ path: `materials.${kind}`, reason: err instanceof Error ? err.message : String(err) }]);
              });
          }}
        >
          <Button>{t('apply.upload')}</Button>
        </Upload>
        {progress[key] !== undefined && <Progress percent={progress[key]} size="small" style={{ width: 160 }} aria-label={`${name} ${t('apply.progress')}`} />}
      </Space>
    </div>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('apply.title')}</Typography.Title>
      <Form form={form} layout="vertical" initialValues={{ track: 'standard' }}>
        <Card title={t('apply.section-title')} style={{ marginBottom: 16 }}>
          <Form.Item name="series" label={t('apply.series')}>
            <Select showSearch optionFilterProp="label" options={SERIES.map((v) => ({ value: v, label: label('series', v) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('apply.level')}>
            <Select showSearch optionFilterProp="label" options={LEVELS.map((v) => ({ value: v, label: label('level', v) }))} />
          </Form.Item>
          <Form.Item name="track" label={t('apply.track')}>
            <Select showSearch optionFilterProp="label" options={TRACKS.map((v) => ({ value: v, label: label('track', v) }))} />
          </Form.Item>
          <Form.Item name="field" label={t('apply.field')}>
            <Input />
          </Form.Item>
          {organisationId ? (
            <Form.Item label={t('apply.employer')}>
              <Typography.Text>{organisationId}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="employerId" label={t('apply.employer')}>
              <Input />
            </Form.Item>
          )}
        </Card>
        <Card title={t('apply.section-qualifications')} style={{ marginBottom: 16 }}>
          <Form.Item name={['submission', 'education']} label={t('apply.education')}>
            <Select showSearch optionFilterProp="label" options={EDUCATION.map((v) => ({ value: v, label: t(`apply.education.${v}`) }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name={['submission', 'currentTitle', 'level']} label={t('apply.current-level')}>
              <Select showSearch optionFilterProp="label" style={{ width: 160 }} options={LEVELS.map((v) => ({ value: v, label: label('level', v) }))} />
            </Form.Item>
            <Form.Item name={['submission', 'currentTitle', 'series']} label={t('apply.current-series')}>
              <Select showSearch optionFilterProp="label" style={{ width: 160 }} options={SERIES.map((v) => ({ value: v, label: label('series', v) }))} />
            </Form.Item>
            <Form.Item name={['submission', 'currentTitle', 'since']} label={t('apply.current-since')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('apply.achievements')}</Typography.Title>
          <Form.List name={['submission', 'achievements']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div role="group" aria-label={`${t('apply.achievement')} ${f.name + 1}`} key={f.key}>
                    <Space align="baseline" wrap>
                      <Form.Item name={[f.name, 'kind']} label={t('apply.achievement-kind')}>
                        <Select showSearch optionFilterProp="label" style={{ width: 140 }} options={ACHIEVEMENT_KINDS.map((v) => ({ value: v, label: label('evidence', v) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'title']} label={t('apply.achievement-title')}>
                        <Input style={{ width: 320 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'year']} label={t('apply.achievement-year')}>
                        <InputNumber min={1950} max={2100} />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>{t('apply.remove')}</Button>
                    </Space>
                  </div>
                ))}
                <Button onClick={() => add({})}>{t('apply.add-achievement')}</Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
      <Card title={t('apply.section-materials')}>
        {!draftId && <Alert type="info" showIcon message={t('apply.save-first')} style={{ marginBottom: 12 }} />}
        {askedKinds.map((kind) => slot(`kind:${kind}`, label('evidence', kind), kind, label('evidence', kind)))}
        {achievements.map((a, i) =>
          a?.kind && a.title ? slot(`achievement:${i}`, `${t('apply.achievement')} ${i + 1}：${a.title}`, a.kind, a.title, i) : null,
        )}
        <Table<DraftMaterial>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={materials}
          locale={{ emptyText: t('case.no-materials') }}
          columns={[
            { title: t('case.material-kind'), dataIndex: 'kind', render: (k: string) => label('evidence', k) },
            { title: t('case.material-title'), dataIndex: 'title' },
            { title: t('apply.file'), dataIndex: 'fileName' },
            {
              title: '',
              key: 'delete',
              render: (_, m) => (
                <Button danger size="small" loading={removeMaterial.isPending && removeMaterial.variables.materialId === m.id} onClick={() => draftId && removeMaterial.mutate({ id: draftId, materialId: m.id })}>
                  {t('apply.delete')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {submitError !== undefined && <ProblemAlert error={submitError} />}
      {findings && (
        <Card title={t('apply.findings')} role="region" aria-label={t('apply.findings')}>
          {ready || findings.length === 0 ? (
            <Alert type="success" showIcon message={t('apply.ready')} />
          ) : (
            groups
              .filter(([, list]) => list.length > 0)
              .map(([title, list]) => (
                <List key={title} header={<Typography.Text strong>{title}</Typography.Text>} size="small" dataSource={list} renderItem={(f) => <List.Item>{f.reason}</List.Item>} />
              ))
          )}
        </Card>
      )}
      <Space>
        <Button onClick={() => void saveDraft().catch(shownAsMessage)} loading={save.isPending && !check.isPending && !submit.isPending}>
          {t('apply.save')}
        </Button>
        <Button onClick={() => void saveAndCheck().catch(shownAsMessage)} loading={check.isPending}>
          {t('apply.check')}
        </Button>
        <Button type="primary" disabled={submit.isPending || save.isPending} loading={submit.isPending} onClick={() => void submitNow()}>
          {t('apply.submit')}
        </Button>
      </Space>
    </Space>
  );
}
