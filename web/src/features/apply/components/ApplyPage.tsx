// /apply and /apply/:draftId: the applicant's new application (申报向导) over the drafts API —
// the application in three sections, 保存草稿 (create, then replace), 保存并检查 (the findings,
// grouped, the fields at fault marked), the materials the check asks for and each achievement's,
// uploaded with their progress, a read-only preview of the 申报表, and 提交申报 with one
// Idempotency-Key for the draft. antd Steps above the parts show how far the draft has come and
// jump to a part.
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Progress, Select, Space, Steps, Table, Typography, Upload, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { ApiProblem } from '../../../lib/problem';
import { useSession } from '../../../lib/session';
import { useWords } from '../../../lib/words';
import { uploadMaterial, useCheckDraft, useDeleteMaterial, useDraft, useMe, useSaveDraft, useSubmitDraft, type DraftContent, type DraftMaterial } from '../api/drafts';
import { useApplyWords } from '../words';

const PARTS = ['apply-part-title', 'apply-part-qualifications', 'apply-part-materials', 'apply-part-submit'] as const;
const jumpTo = (part: number) => document.getElementById(PARTS[part] ?? '')?.scrollIntoView({ behavior: 'smooth', block: 'start' });

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

/** The 申报表 as it will be submitted, read-only: the same fields the PDF prints once the case exists. */
function FormPreview({ content, employer, applicant, materials }: { content: NonNullable<DraftContent>; employer: string; applicant: string; materials: readonly DraftMaterial[] }) {
  const t = useChrome();
  const a = useApplyWords();
  const { label } = useWords();
  const none = a('preview.none');
  const sub = content.submission;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{a('preview.hint')}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={a('preview.applicant')}>{applicant}</Descriptions.Item>
        <Descriptions.Item label={t('apply.employer')}>{employer || none}</Descriptions.Item>
        <Descriptions.Item label={t('apply.series')}>{content.series ? label('series', content.series) : none}</Descriptions.Item>
        <Descriptions.Item label={t('apply.level')}>{content.level ? label('level', content.level) : none}</Descriptions.Item>
        <Descriptions.Item label={t('apply.track')}>{content.track ? label('track', content.track) : none}</Descriptions.Item>
        <Descriptions.Item label={t('apply.field')}>{content.field ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('apply.education')}>{sub?.education ? t(`apply.education.${sub.education}`) : none}</Descriptions.Item>
        <Descriptions.Item label={t('apply.current-level')}>
          {sub?.currentTitle?.level ? `${label('series', sub.currentTitle.series)} · ${label('level', sub.currentTitle.level)}${sub.currentTitle.since ? ` · ${sub.currentTitle.since}` : ''}` : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('apply.achievements')}>
          {sub?.achievements?.length ? (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {sub.achievements.map((x, i) => (
                <li key={i}>
                  {x.kind ? label('evidence', x.kind) : ''} {x.title} {x.year ?? ''}
                </li>
              ))}
            </ol>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={a('preview.materials')}>
          {materials.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {materials.map((m) => (
                <li key={m.id}>
                  {label('evidence', m.kind)}：{m.title}（{m.fileName}）
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

export function ApplyPage() {
  const t = useChrome();
  const a = useApplyWords();
  const { label } = useWords();
  const session = useSession();
  const me = useMe();
  const [previewing, setPreviewing] = useState(false);
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

  // How far the draft has come: the title named, the qualifications filled, materials uploaded, the check passed.
  const watched = Form.useWatch([], form) as DraftContent | undefined;
  const current = !(watched?.series && watched.level && watched.field) ? 0 : !watched.submission?.education ? 1 : materials.length === 0 ? 2 : 3;

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
      <nav aria-label={a('steps.label')}>
        <Steps
          size="small"
          current={current}
          onChange={jumpTo}
          items={[a('steps.title'), a('steps.qualifications'), a('steps.materials'), a('steps.submit')].map((title, i) => ({ title, status: i < current ? 'finish' : i === current ? 'process' : 'wait' }))}
        />
      </nav>
      <Form form={form} layout="vertical" initialValues={{ track: 'standard' }}>
        <Card id={PARTS[0]} title={t('apply.section-title')} style={{ marginBottom: 16 }}>
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
              <Typography.Text>{me.data?.organisation?.name ?? organisationId}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="employerId" label={t('apply.employer')}>
              <Input />
            </Form.Item>
          )}
        </Card>
        <Card id={PARTS[1]} title={t('apply.section-qualifications')} style={{ marginBottom: 16 }}>
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
            {/* The API takes a calendar date (YYYY-MM-DD): the picker's day is kept as that text. */}
            <Form.Item
              name={['submission', 'currentTitle', 'since']}
              label={t('apply.current-since')}
              getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v, 'YYYY-MM-DD') : undefined })}
              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
            >
              <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
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
      <Card id={PARTS[2]} title={t('apply.section-materials')}>
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
      <Modal open={previewing} title={a('preview.title')} width={760} onCancel={() => setPreviewing(false)} footer={<Button onClick={() => setPreviewing(false)}>{a('preview.close')}</Button>}>
        {previewing && <FormPreview content={content() ?? {}} employer={me.data?.organisation?.name ?? (form.getFieldValue('employerId') as string | undefined) ?? ''} applicant={session?.user.name ?? ''} materials={materials} />}
      </Modal>
      <Space id={PARTS[3]} wrap>
        <Button onClick={() => setPreviewing(true)}>{a('preview.button')}</Button>
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
