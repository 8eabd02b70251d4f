// /meetings/:id: the meeting room of a drawn expert — the meeting's state and rules with the
// API's numbers (quorum, yes votes needed), the expert's seat and check-in, and per case on the
// agenda its dossier (who applies for what, the materials to read), the review panel's opinions,
// the recusal (回避) and the secret ballot. The page reads the meeting again every few seconds
// (useMeeting), so quorum and ballot counts move as the other experts act.
import { Alert, Button, Card, Descriptions, Divider, Form, Input, Radio, Space, Spin, Table, Tag, Typography, type RadioChangeEvent } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useChrome } from '../../../i18n';
import { formatInstant } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useQueryClient } from '@tanstack/react-query';
import {
  useCheckIn,
  useMeeting,
  useOpenFile,
  useRecuse,
  useSubmitOpinion,
  vote,
  exitDossierOf,
  type ExitDossier,
  type AgendaItem,
  type Choice,
  type Material,
  type Meeting,
} from '../api/meetings';
import { useMeetingWords } from '../words';
import { MyAttendance } from './MeetingListPage';

const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];
const fraction = (f: { num: number; den: number }) => `${f.num}/${f.den}`;
/** One Idempotency-Key per form, made once; a new one after the form's action was taken. */
const useFormKey = () => {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())] as const;
};

const caseName = (c: AgendaItem) => c.dossier?.caseNumber ?? exitDossierOf(c)?.talentName ?? c.caseId;

/** An exit review's hearing: the trigger, the defence, the opinions and the grades by cycle; the motion is "exit". */
function ExitDossierView({ d }: { d: ExitDossier }) {
  const t = useMeetingWords();
  const { label, word } = useWords();
  const none = <Typography.Text type="secondary">{t('exit.none')}</Typography.Text>;
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('exit.motion')} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('exit.talent')}>{d.talentName}</Descriptions.Item>
        <Descriptions.Item label={t('room.series-level')}>{label('series', d.series)}</Descriptions.Item>
        <Descriptions.Item label={t('exit.trigger')}>
          {word(`trigger.${d.trigger.kind}`, d.trigger.kind)}
          {d.trigger.reason ? `：${d.trigger.reason}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('exit.defence')}>{d.defence ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('exit.employer-opinion')}>{d.opinions.employer ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('exit.industry-opinion')}>{d.opinions.industry ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('exit.grades')}>
          {d.grades.length === 0
            ? none
            : d.grades.map((g) => (
                <div key={g.cycle}>
                  {t('exit.cycle', { n: g.cycle + 1 })}：{g.grade ? word(`grade.${g.grade}`, g.grade) : '—'}
                  {g.score !== null ? `（${g.score}）` : ''}
                </div>
              ))}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

function Overview({ m }: { m: Meeting }) {
  const t = useMeetingWords();
  const locale = useLocale();
  const { label, word } = useWords();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('room.status')}>{label('stage', m.status)}</Descriptions.Item>
      <Descriptions.Item label={t('room.date')}>{m.scheduledFor ? formatInstant(locale, m.scheduledFor) : t('no-date')}</Descriptions.Item>
      {m.checkInDeadline && m.status === 'drawn' && <Descriptions.Item label={t('room.check-in-by')}>{formatInstant(locale, m.checkInDeadline)}</Descriptions.Item>}
      {m.votingClosesAt && m.status === 'voting' && <Descriptions.Item label={t('room.voting-closes')}>{formatInstant(locale, m.votingClosesAt)}</Descriptions.Item>}
      {m.escalation && <Descriptions.Item label={t('room.escalation')}>{word(`escalation.${m.escalation.reason}`, m.escalation.reason)}</Descriptions.Item>}
    </Descriptions>
  );
}

function MySeat({ m }: { m: Meeting }) {
  const t = useMeetingWords();
  const { word } = useWords();
  const checkIn = useCheckIn(m.id);
  const [key] = useFormKey();
  const seat = m.mine;
  const reason = m.seats[0]?.reason;
  const mayCheckIn = seat?.status === 'seated' && !seat.present && (m.status === 'drawn' || m.status === 'voting');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        <MyAttendance m={m} />
      </div>
      {seat?.status === 'recused' && <Alert type="info" showIcon message={t('room.recused')} description={reason ? `${t('room.recused-reason')}：${reason}` : undefined} />}
      {mayCheckIn && (
        <Button type="primary" loading={checkIn.isPending} disabled={checkIn.isPending} onClick={() => checkIn.mutate({ id: m.id, key })}>
          {word('act.check-in', '签到')}
        </Button>
      )}
      {checkIn.error && <ProblemAlert error={checkIn.error} />}
    </Space>
  );
}

function Quorum({ m }: { m: Meeting }) {
  const t = useMeetingWords();
  const q = m.quorum;
  const missing = q.required === null ? null : Math.max(0, q.required - q.present);
  return (
    // Read aloud as it changes: other experts' check-ins and ballots arrive with the polls.
    <section aria-label={t('room.quorum')} aria-live="polite">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('room.quorum-line', { present: q.present, members: q.members, required: q.required ?? '—' })}</Typography.Text>
        {m.status === 'closed' ? (
          <Tag>{t('room.closed')}</Tag>
        ) : q.reached ? (
          <Tag>{t('room.quorum-reached')}</Tag>
        ) : missing !== null ? (
          <Tag>{t('room.quorum-missing', { n: missing })}</Tag>
        ) : null}
        <Descriptions column={1} size="small">
          {m.agenda.map((c) => (
            <Descriptions.Item key={c.caseId} label={`${t('room.ballots-cast')} · ${caseName(c)}`}>
              {t('room.ballots-count', { n: c.ballotsCast, present: q.present })}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Space>
    </section>
  );
}

function Rules({ m }: { m: Meeting }) {
  const t = useMeetingWords();
  const r = m.rules;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {r && <li>{t('room.rule-quorum', { q: fraction(r.quorum), members: m.quorum.members, required: m.quorum.required ?? '—' })}</li>}
      {r && (
        <li>
          {t('room.rule-pass', { p: fraction(r.pass) })}
          {r.yesNeeded !== null && ` ${t('room.rule-pass-now', { present: m.quorum.present, yes: r.yesNeeded })}`}
        </li>
      )}
      <li>{t('room.rule-secret')}</li>
      <li>{t('room.rule-recusal')}</li>
    </ul>
  );
}

function Materials({ items }: { items: Material[] }) {
  const t = useMeetingWords();
  const { label } = useWords();
  const open = useOpenFile();
  return (
    <>
      {open.error && <ProblemAlert error={open.error} />}
      <Table<Material>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('room.no-materials') }}
        columns={[
          { title: t('room.material-kind'), dataIndex: 'kind', render: (kind: string) => label('evidence', kind) },
          { title: t('room.material-title'), dataIndex: 'title' },
          {
            title: '',
            key: 'links',
            render: (_, x) =>
              x.purged ? null : (
                <Space>
                  <Button size="small" onClick={() => open.mutate({ path: x.links.view, how: 'view' })}>
                    {t('room.view')}
                  </Button>
                  <Button size="small" onClick={() => open.mutate({ path: x.links.download, how: 'download', fileName: x.fileName })}>
                    {t('room.download')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

function OpinionForm({ meetingId, caseId }: { meetingId: string; caseId: string }) {
  const t = useMeetingWords();
  const { word } = useWords();
  const [form] = Form.useForm<{ opinion: string }>();
  const [key, nextKey] = useFormKey();
  const submit = useSubmitOpinion(meetingId);
  return (
    <Form
      form={form}
      name={`opinion-${caseId}`}
      layout="vertical"
      onFinish={({ opinion }) =>
        submit.mutate(
          { id: meetingId, key, caseId, opinion },
          {
            onSuccess: () => {
              form.resetFields();
              nextKey();
            },
          },
        )
      }
    >
      <Form.Item name="opinion" label={t('room.opinion-label')} rules={[{ required: true, whitespace: true, max: 10000 }]}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={submit.isPending} disabled={submit.isPending}>
          {word('act.write-opinion', '提交评议意见')}
        </Button>
        {submit.isSuccess && <Typography.Text type="success">{t('room.opinion-sent')}</Typography.Text>}
      </Space>
      {submit.error && <ProblemAlert error={submit.error} />}
    </Form>
  );
}

/**
 * The secret ballot. The choice lives in the form's field until the API answers, then the form
 * is cleared: it is a call's argument, not a mutation's variables (TanStack keeps those), and
 * it is never written to storage. After the ballot the API's `votedByMe` shows "已投票" only.
 */
function BallotForm({ m, c }: { m: Meeting; c: AgendaItem }) {
  const t = useMeetingWords();
  const { word } = useWords();
  const client = useQueryClient();
  const [form] = Form.useForm<{ choice: Choice }>();
  const [key] = useFormKey();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const name = `${t('room.choice')} · ${caseName(c)}`;
  async function cast(choice: Choice) {
    setPending(true);
    setError(undefined);
    try {
      await vote({ id: m.id, key, caseId: c.caseId, choice });
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
      form.resetFields();
    }
    await client.invalidateQueries({ queryKey: ['meeting', m.id] });
  }
  return (
    <Form form={form} name={`ballot-${c.caseId}`} layout="vertical" onFinish={({ choice }) => void cast(choice)}>
      {m.status !== 'voting' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('room.ballot-before-quorum')} />}
      {m.status === 'voting' && !m.mine?.present && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('room.ballot-check-in')} />}
      <Form.Item name="choice" label={t('room.choice')} rules={[{ required: true }]}>
        <ChoiceGroup name={name} labels={CHOICES.map((x) => word(`choice.${x}`, x))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} disabled={pending}>
        {word('act.vote', '投票')}
      </Button>
      {error !== undefined && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={error} />
        </div>
      )}
    </Form>
  );
}

/** The choices as one named radio group (Form.Item gives it value and onChange). */
function ChoiceGroup({ name, labels, value, onChange, id }: { name: string; labels: string[]; value?: Choice; onChange?: (e: RadioChangeEvent) => void; id?: string }) {
  return (
    <div role="radiogroup" aria-label={name} id={id}>
      <Radio.Group value={value} onChange={onChange}>
        {CHOICES.map((x, i) => (
          <Radio key={x} value={x}>
            {labels[i]}
          </Radio>
        ))}
      </Radio.Group>
    </div>
  );
}

function RecusalForm({ m, c }: { m: Meeting; c: AgendaItem }) {
  const t = useMeetingWords();
  const { word } = useWords();
  const [form] = Form.useForm<{ reason: string }>();
  const [key] = useFormKey();
  const recuse = useRecuse(m.id);
  return (
    <Form
      form={form}
      name={`recusal-${c.caseId}`}
      layout="vertical"
      // The API records one reason per seat: the case it concerns goes with it.
      onFinish={({ reason }) => recuse.mutate({ id: m.id, key, reason: `${caseName(c)}: ${reason.trim()}` })}
    >
      <Typography.Paragraph>{t('room.recuse-title')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('room.recuse-reason')} rules={[{ required: true, whitespace: true, max: 1900 }]}>
        <Input.TextArea rows={2} maxLength={1900} placeholder={t('room.recuse-reason-placeholder')} />
      </Form.Item>
      <Button danger htmlType="submit" loading={recuse.isPending} disabled={recuse.isPending}>
        {word('act.recuse', '申请回避')}
      </Button>
      {recuse.error && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={recuse.error} />
        </div>
      )}
    </Form>
  );
}

function CaseCard({ m, c }: { m: Meeting; c: AgendaItem }) {
  const t = useMeetingWords();
  const { label } = useWords();
  const d = c.dossier;
  const exit = exitDossierOf(c);
  const seated = m.mine?.status === 'seated';
  const beforeVoting = m.status === 'drawn' || m.status === 'escalated';
  return (
    <Card title={exit ? `${t('exit.title')} · ${exit.talentName}` : `${t('room.case-number')} ${caseName(c)}`}>
      <section aria-label={caseName(c)}>
        {exit ? (
          <ExitDossierView d={exit} />
        ) : d ? (
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('room.applicant')}>{d.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t('room.series-level')}>
              {label('series', d.series)} · {label('level', d.level)}
            </Descriptions.Item>
            <Descriptions.Item label={t('room.track')}>{label('track', d.track)}</Descriptions.Item>
            <Descriptions.Item label={t('room.field')}>{d.field}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Paragraph>{t('room.no-dossier')}</Typography.Paragraph>
        )}
        {c.materials && (
          <>
            <Divider orientation="left" plain>
              {t('room.materials')}
            </Divider>
            <Materials items={c.materials} />
          </>
        )}
        <Divider orientation="left" plain>
          {t('room.opinions')}
        </Divider>
        <Typography.Paragraph>{t('room.opinions-count', { n: c.opinions })}</Typography.Paragraph>
        {seated && m.mine?.role === 'panel' && beforeVoting && (
          <>
            <Typography.Paragraph>{t('room.opinion-when')}</Typography.Paragraph>
            <OpinionForm meetingId={m.id} caseId={c.caseId} />
          </>
        )}
        <Divider orientation="left" plain>
          {t('room.ballot')}
        </Divider>
        <Typography.Paragraph>
          {t('room.ballots-cast')}: {t('room.ballots-count', { n: c.ballotsCast, present: m.quorum.present })}
        </Typography.Paragraph>
        {c.tally && (
          <Alert
            type={c.tally.passed ? 'success' : 'warning'}
            showIcon
            message={`${t('room.tally', { yes: c.tally.yes, no: c.tally.no, abstain: c.tally.abstain, members: c.tally.members, present: c.tally.present })} — ${c.tally.passed ? t('room.passed') : t('room.not-passed')}`}
          />
        )}
        {c.votedByMe ? (
          <Space direction="vertical">
            <Tag style={{ fontSize: 14, padding: '2px 10px' }}>
              {t('room.voted')}
            </Tag>
            <Typography.Text>{t('room.voted-hint')}</Typography.Text>
          </Space>
        ) : (
          seated && (m.status === 'drawn' || m.status === 'voting') && <BallotForm m={m} c={c} />
        )}
        {seated && beforeVoting && (
          <>
            <Divider orientation="left" plain>
              {t('room.recuse-reason')}
            </Divider>
            <RecusalForm m={m} c={c} />
          </>
        )}
      </section>
    </Card>
  );
}

export function MeetingRoomPage() {
  const { id = '' } = useParams();
  const t = useMeetingWords();
  const chrome = useChrome();
  const { label, word } = useWords();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Spin aria-label={chrome('loading')} style={{ display: 'block', margin: '48px auto' }} />;
  if (meeting.error && !meeting.data) {
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Link to="/meetings">← {t('room.back')}</Link>
        <ProblemAlert error={meeting.error} />
      </Space>
    );
  }
  const m = meeting.data!;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/meetings">← {t('room.back')}</Link>
      <Card title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{`${label('series', m.series)} · ${word(`meeting-kind.${m.kind}`, m.kind)}`}</h1>}>
        <Overview m={m} />
      </Card>
      <Card title={t('room.my-seat')}>
        <MySeat m={m} />
      </Card>
      <Card title={t('room.quorum')}>
        <Quorum m={m} />
      </Card>
      <Card title={t('room.rules')}>
        <Rules m={m} />
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('room.agenda')}
      </Typography.Title>
      {m.agenda.map((c) => (
        <CaseCard key={c.caseId} m={m} c={c} />
      ))}
    </Space>
  );
}
