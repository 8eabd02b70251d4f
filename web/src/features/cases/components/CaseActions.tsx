// The actions of the moment on a case, as the API lists them in the case's `actions`: resubmit
// after a return, the corrections item by item with their new files, an objection during a
// notice, an appeal within its window, a withdrawal (confirmed). Each form disables its button
// while it is pending; the API's refusal shows as its problem details.
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useWords } from '../../../lib/words';
import { appeal, objectTo, resubmit, submitCorrections, withdraw, useCaseAction, useUploadCaseMaterial, type CaseMaterialView } from '../api/actions';
import type { CaseDetail, Material } from '../api/cases';
import { useCaseWords } from '../words';

type Submission = Parameters<typeof resubmit>[1];

function useDone() {
  const w = useCaseWords();
  const { label } = useWords();
  const { message } = App.useApp();
  return (reply: { stage: string }) => void message.success(w('done', { stage: label('stage', reply.stage) }));
}

/** A reason and one button: the objection, the appeal, the withdrawal (this one confirmed first). */
function ReasonAction({ c, kind }: { c: CaseDetail; kind: 'object' | 'appeal' | 'withdraw' }) {
  const w = useCaseWords();
  const done = useDone();
  const [form] = Form.useForm<{ reason: string }>();
  const send = { object: objectTo, appeal, withdraw }[kind];
  const action = useCaseAction(c.id, (reason: string) => send(c.id, reason));
  const run = async () => {
    const { reason } = await form.validateFields();
    done(await action.mutateAsync(reason));
    form.resetFields();
  };
  const button = (
    <Button type="primary" danger={kind === 'withdraw'} loading={action.isPending} disabled={action.isPending} onClick={kind === 'withdraw' ? undefined : () => void run().catch(() => undefined)}>
      {w(`${kind}.button`)}
    </Button>
  );
  return (
    <Card type="inner" title={w(`${kind}.title`)} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical">
        {kind !== 'appeal' && <Typography.Paragraph type="secondary">{w(`${kind}.hint` as 'object.hint' | 'withdraw.hint')}</Typography.Paragraph>}
        <Form.Item name="reason" label={w(`${kind}.reason`)} rules={[{ required: true, whitespace: true, message: w('required') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {action.error && <ProblemAlert error={action.error} />}
        {kind === 'withdraw' ? (
          <Popconfirm title={w('withdraw.confirm')} okText={w('confirm.ok')} cancelText={w('confirm.cancel')} okButtonProps={{ danger: true }} onConfirm={() => run().catch(() => undefined)}>
            {button}
          </Popconfirm>
        ) : (
          button
        )}
      </Form>
    </Card>
  );
}

/** One file chosen and sent at once; the material it made is reported back. */
function UploadButton({ label, onFile, disabled }: { label: string; onFile: (file: File) => Promise<void>; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      showUploadList={false}
      accept=".pdf,.jpg,.jpeg,.png"
      disabled={disabled || busy}
      customRequest={({ file, onSuccess, onError }) => {
        setBusy(true);
        onFile(file as File)
          .then(() => onSuccess?.({}))
          .catch((err: unknown) => onError?.(err as Error))
          .finally(() => setBusy(false));
      }}
    >
      <Button loading={busy}>{label}</Button>
    </Upload>
  );
}

/** Resubmission after the employer's return: the reasons, further materials, then the same submission again. */
function Resubmit({ c, materials }: { c: CaseDetail; materials: readonly Material[] }) {
  const w = useCaseWords();
  const { label } = useWords();
  const done = useDone();
  const upload = useUploadCaseMaterial(c.id);
  const [extraTitle, setExtraTitle] = useState('');
  const action = useCaseAction(c.id, () => resubmit(c.id, c.submission as Submission));
  const reasons = [...c.timeline].reverse().find((e) => e.action === 'employer-return')?.note;
  const kinds = [...new Set(materials.map((m) => m.kind))];
  const [chosen, setKind] = useState<string | undefined>();
  const kind = chosen ?? kinds[0];
  return (
    <Card type="inner" title={w('resubmit.title')} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {reasons && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={w('resubmit.reasons')}>{reasons}</Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Text type="secondary">{w('resubmit.hint')}</Typography.Text>
        {kinds.length > 0 && (
          <Space wrap>
            <Select aria-label={w('upload.kind')} value={kind} onChange={setKind} style={{ width: 200 }} options={kinds.map((k) => ({ value: k, label: label('evidence', k) }))} />
            <Input aria-label={w('upload.extra-title')} placeholder={w('upload.extra-title')} value={extraTitle} onChange={(e) => setExtraTitle(e.target.value)} style={{ width: 240 }} />
            <UploadButton label={w('upload.extra')} disabled={!kind || !extraTitle.trim()} onFile={async (file) => void (await upload.mutateAsync({ file, kind: kind!, title: extraTitle.trim() }))} />
          </Space>
        )}
        {upload.error && <ProblemAlert error={upload.error} />}
        {action.error && <ProblemAlert error={action.error} />}
        <Popconfirm title={w('resubmit.confirm')} okText={w('confirm.ok')} cancelText={w('confirm.cancel')} onConfirm={() => action.mutateAsync(undefined).then(done, () => undefined)}>
          <Button type="primary" loading={action.isPending} disabled={action.isPending}>
            {w('resubmit.button')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

/** The correction notice answered item by item: a replacement file where the notice names a material, a note for each. */
function Corrections({ c, materials }: { c: CaseDetail; materials: readonly Material[] }) {
  const w = useCaseWords();
  const { label } = useWords();
  const done = useDone();
  const upload = useUploadCaseMaterial(c.id);
  const items = c.correctionItems ?? [];
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [replacements, setReplacements] = useState<Record<string, CaseMaterialView>>({});
  const [missing, setMissing] = useState<string>();
  const action = useCaseAction(c.id, () =>
    submitCorrections(c.id, {
      corrections: items.map((i) => ({ item: i.item, note: notes[i.item]?.trim() ?? '', ...(replacements[i.item] ? { evidence: [replacements[i.item]!.id] } : {}) })),
    }),
  );
  const send = () => {
    const unfiled = items.find((i) => i.materialId && !replacements[i.item] && materials.find((m) => m.id === i.materialId && !m.replacedById));
    if (unfiled) return setMissing(w('correct.missing-file', { item: label('evidence', unfiled.item) }));
    setMissing(undefined);
    action.mutateAsync(undefined).then(done, () => undefined);
  };
  return (
    <Card type="inner" title={w('correct.title')} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((i) => {
          const old = i.materialId ? materials.find((m) => m.id === i.materialId) : undefined;
          const replaced = replacements[i.item];
          // An item names a kind of material (its label from the catalogue) or is the reviewer's own words.
          const name = label('evidence', i.item);
          return (
            <section key={i.item} aria-label={w('correct.item', { item: name })} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
              <Typography.Text strong>{w('correct.item', { item: name })}</Typography.Text>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={w('correct.reason')}>{i.reason}</Descriptions.Item>
                {i.materialId && <Descriptions.Item label={w('correct.replaces', { title: i.materialTitle ?? old?.title ?? '' })}>{replaced ? w('correct.uploaded', { file: replaced.fileName }) : null}</Descriptions.Item>}
              </Descriptions>
              {i.materialId && old && (
                <UploadButton
                  label={w('correct.upload-for', { title: i.materialTitle ?? old.title })}
                  onFile={async (file) => {
                    const m = await upload.mutateAsync({ file, kind: old.kind, title: old.title, replaces: old.id });
                    setReplacements((r) => ({ ...r, [i.item]: m }));
                  }}
                />
              )}
              <label style={{ display: 'block', marginTop: 8 }}>
                {w('correct.note', { item: name })}
                <Input.TextArea rows={2} maxLength={2000} value={notes[i.item] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [i.item]: e.target.value }))} />
              </label>
            </section>
          );
        })}
        {missing && <Alert type="warning" showIcon message={missing} />}
        {upload.error && <ProblemAlert error={upload.error} />}
        {action.error && <ProblemAlert error={action.error} />}
        <Button type="primary" loading={action.isPending} disabled={action.isPending || items.some((i) => !notes[i.item]?.trim())} onClick={send}>
          {w('correct.button')}
        </Button>
      </Space>
    </Card>
  );
}

export function CaseActions({ c, materials }: { c: CaseDetail; materials: readonly Material[] }) {
  const w = useCaseWords();
  if (c.actions.length === 0) return null;
  return (
    <Card title={w('actions.title')}>
      <section aria-label={w('actions.title')}>
        {c.actions.includes('resubmit') && <Resubmit c={c} materials={materials} />}
        {c.actions.includes('correct') && <Corrections c={c} materials={materials} />}
        {c.actions.includes('object') && <ReasonAction c={c} kind="object" />}
        {c.actions.includes('appeal') && <ReasonAction c={c} kind="appeal" />}
        {c.actions.includes('withdraw') && <ReasonAction c={c} kind="withdraw" />}
      </section>
    </Card>
  );
}
