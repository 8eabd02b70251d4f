// /admin/meetings: committee meetings by status, each with its quorum, seats and agenda, and the
// administrator's actions: convene a scheduled meeting, close voting, and for a meeting that
// could not sit (escalated) redraw the members who cannot attend or reschedule, with the reason
// the API requires. The workflow refuses an action twice (409), and the button waits meanwhile.
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useMeeting, useMeetingAction, useMeetings, type MeetingStage, type MeetingSummary } from '../api/meetings';
import { useConfigWords } from '../words';
import { useExpandIcon } from './expand-icon';

const STAGES: readonly MeetingStage[] = ['open', 'drawn', 'voting', 'escalated', 'closed'];
type Action = 'convene' | 'close-voting' | 'redraw' | 'reschedule';

/** What an administrator may do at each stage (the workflow decides; the page offers only these). */
const actionsOf = (m: MeetingSummary): Action[] => {
  if (m.status === 'open' && m.kind === 'scheduled') return ['convene'];
  if (m.status === 'voting') return ['close-voting'];
  if (m.status === 'escalated') return ['redraw', 'reschedule'];
  return [];
};

const HINT = { convene: 'meetings.convene-hint', 'close-voting': 'meetings.close-hint', redraw: 'meetings.redraw-hint', reschedule: 'meetings.reschedule-hint' } as const;

function Seats({ id }: { id: string }) {
  const w = useConfigWords();
  const { word } = useWords();
  const locale = useLocale();
  const meeting = useMeeting(id);
  if (meeting.error) return <ProblemAlert error={meeting.error} />;
  const m = meeting.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {m?.escalation && (
        <Alert type="warning" showIcon message={`${w('meetings.escalation')}: ${word(`escalation.${m.escalation.reason}`, m.escalation.reason)}`} description={formatInstantDay(locale, m.escalation.at)} />
      )}
      <Table
        rowKey="expertId"
        size="small"
        loading={meeting.isPending}
        pagination={false}
        dataSource={m?.seats ?? []}
        locale={{ emptyText: '—' }}
        columns={[
          { title: w('meetings.expert'), dataIndex: 'expertId' },
          { title: w('meetings.role'), dataIndex: 'role', render: (r: string) => word(`seat-role.${r}`, r) },
          { title: w('meetings.seat-status'), dataIndex: 'status', render: (s: string) => word(`seat-status.${s}`, s) },
          { title: w('meetings.present'), dataIndex: 'present', render: (p: boolean) => w(p ? 'meetings.yes' : 'meetings.no') },
          { title: w('meetings.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
        ]}
      />
    </Space>
  );
}

function ActionDialog({ meeting, action, onClose }: { meeting: MeetingSummary; action: Action; onClose: () => void }) {
  const w = useConfigWords();
  const { word } = useWords();
  const { message } = App.useApp();
  const act = useMeetingAction();
  const [form] = Form.useForm<{ reason?: string; scheduledFor?: Dayjs }>();
  const needsReason = action === 'redraw' || action === 'reschedule';
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const reason = v.reason?.trim() ?? '';
    const scheduledFor = v.scheduledFor ? { scheduledFor: v.scheduledFor.format() } : {};
    const done = await act
      .mutateAsync(
        action === 'redraw'
          ? { action, id: meeting.id, body: { reason } }
          : action === 'reschedule'
            ? { action, id: meeting.id, body: { reason, ...scheduledFor } }
            : { action, id: meeting.id },
      )
      .catch(() => undefined);
    if (done) {
      void message.success(w('meetings.done', { stage: word(`meeting-stage.${done.stage}`, done.stage) }));
      onClose();
    }
  };
  return (
    <Modal
      open
      title={`${w(`meetings.${action}`)} · ${meeting.id.slice(0, 8)}`}
      okText={w('meetings.submit')}
      cancelText={w('meetings.cancel')}
      onOk={() => void onOk()}
      onCancel={onClose}
      okButtonProps={{ loading: act.isPending, disabled: act.isPending }}
    >
      <Typography.Paragraph>{w(HINT[action])}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {needsReason && (
          <Form.Item name="reason" label={w('meetings.reason')} rules={[{ required: true, whitespace: true, message: w('meetings.reason-required') }, { max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {action === 'reschedule' && (
          <Form.Item name="scheduledFor" label={w('meetings.new-time')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        )}
      </Form>
      {act.error && <ProblemAlert error={act.error} />}
    </Modal>
  );
}

export function MeetingsPage() {
  const w = useConfigWords();
  const { label, word } = useWords();
  const locale = useLocale();
  const [status, setStatus] = useState<MeetingStage | 'all'>('all');
  const [page, setPage] = useState(1);
  const meetings = useMeetings(status === 'all' ? undefined : status, page);
  const [dialog, setDialog] = useState<{ meeting: MeetingSummary; action: Action }>();
  const expandIcon = useExpandIcon<MeetingSummary>();
  return (
    <Card title={w('meetings.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Radio.Group
          aria-label={w('meetings.status')}
          optionType="button"
          buttonStyle="solid"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as MeetingStage | 'all');
            setPage(1);
          }}
          options={[{ value: 'all', label: w('meetings.all') }, ...STAGES.map((s) => ({ value: s, label: word(`meeting-stage.${s}`, s) }))]}
        />
        {meetings.error && <ProblemAlert error={meetings.error} />}
        <Table<MeetingSummary>
          rowKey="id"
          loading={meetings.isPending}
          dataSource={meetings.data?.items ?? []}
          locale={{ emptyText: w('meetings.empty') }}
          pagination={{ current: page, pageSize: 20, total: meetings.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          expandable={{ expandIcon, expandedRowRender: (m) => <Seats id={m.id} /> }}
          columns={[
            { title: w('meetings.id'), dataIndex: 'id', render: (id: string) => <code>{id.slice(0, 8)}</code> },
            { title: w('meetings.series'), dataIndex: 'series', render: (s: string) => label('series', s) },
            { title: w('meetings.kind'), dataIndex: 'kind', render: (k: string) => word(`meeting-kind.${k}`, k) },
            { title: w('meetings.status'), dataIndex: 'status', render: (s: string) => word(`meeting-stage.${s}`, s) },
            { title: w('meetings.scheduled-for'), dataIndex: 'scheduledFor', render: (at: string | null) => (at ? formatInstantDay(locale, at) : '—') },
            { title: w('meetings.cases'), dataIndex: 'cases' },
            { title: w('meetings.quorum'), key: 'quorum', render: (_, m) => `${m.quorum.present} / ${m.quorum.required ?? '—'}` },
            {
              title: w('meetings.actions'),
              key: 'actions',
              render: (_, m) => (
                <Space wrap>
                  {actionsOf(m).map((a) => (
                    <Button key={a} size="small" type={a === 'convene' ? 'primary' : 'default'} onClick={() => setDialog({ meeting: m, action: a })}>
                      {w(`meetings.${a}`)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {dialog && <ActionDialog meeting={dialog.meeting} action={dialog.action} onClose={() => setDialog(undefined)} />}
    </Card>
  );
}
