// The administrator's interventions, each a form with a mandatory reason: reassign a task, extend
// the running deadline, cancel the case, revoke its certificate. Each form makes its
// Idempotency-Key once (when it opens), so a double click or a retry acts once; the button is
// disabled while the request runs; a refusal shows as the API words it.
import { App, Alert, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useWords } from '../../../lib/words';
import { useCancel, useExtend, useReassign, useRevoke, useUserSearch, type TaskRow } from '../api/admin';
import { useAdminWords } from '../words';

/** The reason field every intervention asks for (the API refuses an empty one too). */
function ReasonItem() {
  const t = useAdminWords();
  return (
    <Form.Item name="reason" label={t('act.reason')} rules={[{ required: true, whitespace: true, message: t('act.reason-required') }, { max: 2000 }]}>
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );
}

interface DialogProps<V> {
  title: string;
  open: boolean;
  onClose(): void;
  pending: boolean;
  error: unknown;
  warning?: string;
  onSubmit(values: V, key: string): void;
  children: ReactNode;
}

/** A modal form; its body mounts afresh on each opening, with a fresh Idempotency-Key. */
function Dialog<V extends object>({ title, open, onClose, pending, error, warning, onSubmit, children }: DialogProps<V>) {
  const t = useAdminWords();
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      <DialogForm<V> pending={pending} error={error} warning={warning} onSubmit={onSubmit} onClose={onClose} confirm={t('act.confirm')} close={t('act.cancel-button')}>
        {children}
      </DialogForm>
    </Modal>
  );
}

function DialogForm<V extends object>(p: { pending: boolean; error: unknown; warning?: string | undefined; onSubmit(values: V, key: string): void; onClose(): void; confirm: string; close: string; children: ReactNode }) {
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Form<V> layout="vertical" onFinish={(v) => p.onSubmit(v, key)}>
      {p.warning && <Alert type="warning" showIcon message={p.warning} style={{ marginBottom: 16 }} />}
      {p.children}
      <ReasonItem />
      {p.error !== null && p.error !== undefined && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={p.error} />
        </div>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={p.pending} disabled={p.pending}>
          {p.confirm}
        </Button>
        <Button onClick={p.onClose}>{p.close}</Button>
      </Space>
    </Form>
  );
}

function useDone() {
  const t = useAdminWords();
  const { label } = useWords();
  const { message } = App.useApp();
  return (stage: string) => void message.success(t('act.done', { stage: label('stage', stage) }));
}

/** Reassign one open task to another person, found by name or account. */
export function ReassignButton({ caseId, task }: { caseId: string; task: TaskRow }) {
  const t = useAdminWords();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const users = useUserSearch(q, open);
  const reassign = useReassign();
  const done = useDone();
  return (
    <>
      <Button size="small" onClick={() => {
          reassign.reset();
          setOpen(true);
        }} aria-label={`${t('act.reassign')}: ${task.kindLabel}`}>
        {t('act.reassign')}
      </Button>
      <Dialog<{ assigneeId: string; reason: string }>
        title={`${t('act.reassign-title')}: ${task.kindLabel}`}
        open={open}
        onClose={() => setOpen(false)}
        pending={reassign.isPending}
        error={reassign.error}
        onSubmit={(v, key) =>
          reassign.mutate(
            { id: caseId, body: { taskKey: task.taskKey, assigneeId: v.assigneeId, reason: v.reason }, key },
            {
              onSuccess: (r) => {
                setOpen(false);
                done(r.stage);
              },
            },
          )
        }
      >
        <Form.Item name="assigneeId" label={t('act.assignee')} tooltip={t('act.assignee-hint')} rules={[{ required: true, message: t('act.assignee-hint') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t('act.assignee-hint')}
            loading={users.isFetching}
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }))}
          />
        </Form.Item>
      </Dialog>
    </>
  );
}

/** Extend a running deadline by working days; name it when several run (a membership's evaluators). */
export function ExtendButton({ caseId }: { caseId: string }) {
  const t = useAdminWords();
  const [open, setOpen] = useState(false);
  const extend = useExtend();
  const done = useDone();
  return (
    <>
      <Button onClick={() => {
          extend.reset();
          setOpen(true);
        }}>{t('act.extend')}</Button>
      <Dialog<{ workingDays: number; deadline?: string; reason: string }>
        title={t('act.extend-title')}
        open={open}
        onClose={() => setOpen(false)}
        pending={extend.isPending}
        error={extend.error}
        onSubmit={(v, key) =>
          extend.mutate(
            { id: caseId, body: { workingDays: v.workingDays, reason: v.reason, ...(v.deadline ? { deadline: v.deadline } : {}) }, key },
            {
              onSuccess: (r) => {
                setOpen(false);
                done(r.stage);
              },
            },
          )
        }
      >
        <Form.Item name="workingDays" label={t('act.working-days')} initialValue={5} rules={[{ required: true }, { type: 'integer', min: 1, max: 60 }]}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item name="deadline" label={t('act.deadline')}>
          <Input />
        </Form.Item>
      </Dialog>
    </>
  );
}

export function CancelButton({ caseId }: { caseId: string }) {
  const t = useAdminWords();
  const [open, setOpen] = useState(false);
  const cancel = useCancel();
  const done = useDone();
  return (
    <>
      <Button danger onClick={() => {
          cancel.reset();
          setOpen(true);
        }}>
        {t('act.cancel')}
      </Button>
      <Dialog<{ reason: string }>
        title={t('act.cancel-title')}
        open={open}
        onClose={() => setOpen(false)}
        pending={cancel.isPending}
        error={cancel.error}
        warning={t('act.cancel-warning')}
        onSubmit={(v, key) =>
          cancel.mutate(
            { id: caseId, body: { reason: v.reason }, key },
            {
              onSuccess: (r) => {
                setOpen(false);
                done(r.stage);
              },
            },
          )
        }
      >
        {null}
      </Dialog>
    </>
  );
}

export function RevokeButton({ number }: { number: string }) {
  const t = useAdminWords();
  const [open, setOpen] = useState(false);
  const revoke = useRevoke();
  const { message } = App.useApp();
  return (
    <>
      <Button danger onClick={() => {
          revoke.reset();
          setOpen(true);
        }}>
        {t('act.revoke')}
      </Button>
      <Dialog<{ reason: string }>
        title={t('act.revoke-title', { number })}
        open={open}
        onClose={() => setOpen(false)}
        pending={revoke.isPending}
        error={revoke.error}
        warning={t('act.revoke-warning')}
        onSubmit={(v, key) =>
          revoke.mutate(
            { number, reason: v.reason, key },
            {
              onSuccess: () => {
                setOpen(false);
                void message.success(t('act.revoked', { number }));
              },
            },
          )
        }
      >
        {null}
      </Dialog>
    </>
  );
}
