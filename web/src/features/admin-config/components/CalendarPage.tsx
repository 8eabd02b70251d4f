// /admin/calendar: the working-day calendar (DOMAIN §6). A year's holidays and make-up working days
// on a month grid and in a list (the State Council's published data and administrators' entries),
// which years have no data (deadlines there count weekends only: warned at the top), a day entered
// or corrected with a reason, and the running deadlines a change would move, previewed first.
import { Alert, Button, Calendar, Card, ConfigProvider, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import zhCalendar from 'antd/es/calendar/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay, formatInstantDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useCalendarYear, useCoverage, usePreview, useRemoveDay, useSetDay, type CalendarDay, type Changed, type Move } from '../api/calendar';
import { useConfigWords } from '../words';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['workday', 'holiday'] as const;
type Kind = (typeof KINDS)[number];

interface DayForm {
  date: string;
  kind: Kind;
  name?: string;
  reason: string;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (all, k: string) => String(values[k] ?? all));

// The grid's weekday names in Chinese, Sunday first as the grid lays them out (antd otherwise
// asks dayjs for them, which answers in English in the built pages).
const ZH_GRID = { ...zhCalendar, lang: { ...zhCalendar.lang, shortWeekDays: ['日', '一', '二', '三', '四', '五', '六'] } };

// Days of other months at a contrast WCAG AA accepts (antd greys them to 1.6:1).
const GRID_THEME = { token: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' } };

function Moves({ result }: { result: Changed }) {
  const w = useConfigWords();
  const { label } = useWords();
  const locale = useLocale();
  return (
    <section aria-label={w('calendar.moves')}>
      <Typography.Title level={5}>{w('calendar.moves')}</Typography.Title>
      {result.moves.length === 0 ? (
        <Alert type="info" showIcon message={w('calendar.no-moves')} />
      ) : (
        <>
          <Typography.Paragraph>{w('calendar.moves-hint')}</Typography.Paragraph>
          <Table<Move>
            rowKey={(m) => `${m.workflowId}-${m.purpose}`}
            size="small"
            pagination={false}
            dataSource={result.moves}
            columns={[
              { title: w('calendar.case'), dataIndex: 'caseId', render: (id: string) => <code>{id.slice(0, 8)}</code> },
              { title: w('calendar.purpose'), dataIndex: 'purpose', render: (p: string) => label('step', p) },
              { title: w('calendar.due-now'), dataIndex: 'dueAt', render: (at: string) => formatInstantDay(locale, at) },
              { title: w('calendar.would-be'), dataIndex: 'wouldBe', render: (at: string) => formatInstantDay(locale, at) },
            ]}
          />
        </>
      )}
    </section>
  );
}

export function CalendarPage() {
  const w = useConfigWords();
  const { word } = useWords();
  const locale = useLocale();
  const coverage = useCoverage();
  // The year shown: chosen, or the server's current year (coverage runs from last year on).
  const [chosen, setChosen] = useState<number>();
  const year = chosen ?? coverage.data?.years[1]?.year;
  const [month, setMonth] = useState<string>();
  const shownMonth = month && year !== undefined && month.startsWith(String(year)) ? month : year !== undefined ? `${year}-01` : undefined;
  const days = useCalendarYear(year);
  const [form] = Form.useForm<DayForm>();
  const setDay = useSetDay();
  const removeDay = useRemoveDay();
  const preview = usePreview();
  const [result, setResult] = useState<{ changed: Changed; note: string; type: 'success' | 'info' }>();

  const byDate = new Map((days.data?.days ?? []).map((d) => [d.date, d]));
  const kindWord = (k: string) => word(`calendar-kind.${k}`, k);
  const missing = (coverage.data?.years ?? []).filter((y) => y.coverage === 'missing');
  const thisYear = coverage.data?.years.find((y) => y.year === year);

  const show = (date: string) => {
    setChosen(Number(date.slice(0, 4)));
    setMonth(date.slice(0, 7));
  };

  const onPreview = async () => {
    const v = await form.validateFields(['date', 'kind']).catch(() => undefined);
    if (!v) return;
    const changed = await preview.mutateAsync({ days: [{ date: v.date, kind: v.kind }] }).catch(() => undefined);
    if (changed) setResult({ changed, note: w('calendar.preview'), type: 'info' });
  };
  const onSave = async (v: DayForm) => {
    const changed = await setDay.mutateAsync({ date: v.date, body: { kind: v.kind, reason: v.reason, ...(v.name?.trim() ? { name: v.name.trim() } : {}) } }).catch(() => undefined);
    if (!changed) return;
    setResult({ changed, note: w(changed.changes.length > 0 ? 'calendar.saved' : 'calendar.unchanged', { date: formatDay(locale, v.date) }), type: 'success' });
    show(v.date);
  };
  const onRemove = async (date: string) => {
    const reason = (form.getFieldValue('reason') as string | undefined)?.trim();
    if (!reason) {
      await form.validateFields(['reason']).catch(() => undefined);
      return;
    }
    const changed = await removeDay.mutateAsync({ date, reason }).catch(() => undefined);
    if (changed) setResult({ changed, note: w('calendar.removed', { date: formatDay(locale, date) }), type: 'success' });
  };

  const cell = (current: Dayjs, info: { type: string; originNode: ReactNode }) => {
    if (info.type !== 'date') return info.originNode;
    const d = byDate.get(current.format('YYYY-MM-DD'));
    if (!d) return null;
    return (
      <Space direction="vertical" size={2}>
        <Tag color={d.kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {kindWord(d.kind)}
        </Tag>
        {d.name && <span>{d.name}</span>}
        {d.source === 'entry' && <Tag>{w('calendar.source.entry')}</Tag>}
      </Space>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {/* Years without data: deadlines there count weekends only. Said first, where it is seen. */}
      {missing.map((y) => (
        <Alert key={y.year} type="warning" showIcon message={fill(word('calendar.unpublished-year', '{year}'), { year: y.year })} description={w('calendar.running', { n: y.runningDeadlines })} />
      ))}
      {coverage.error && <ProblemAlert error={coverage.error} />}
      <Card
        title={w('calendar.title')}
        extra={
          <Space>
            <span id="calendar-year-label">{w('calendar.year')}</span>
            <Select<number>
              aria-labelledby="calendar-year-label"
              style={{ width: 110 }}
              value={year}
              onChange={(y) => setChosen(y)}
              options={(coverage.data?.years ?? []).map((y) => ({ value: y.year, label: String(y.year) }))}
            />
          </Space>
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <section aria-label={w('calendar.coverage')}>
            <Space wrap>
              {(coverage.data?.years ?? []).map((y) => (
                <Button key={y.year} type={y.year === year ? 'primary' : 'default'} onClick={() => setChosen(y.year)}>
                  {y.coverage === 'missing' && <span aria-hidden>⚠ </span>}
                  {w('calendar.year-button', { year: y.year, coverage: w(`calendar.coverage.${y.coverage}`), entries: y.entries > 0 ? w('calendar.entries', { n: y.entries }) : '' })}
                </Button>
              ))}
            </Space>
          </section>
          {thisYear?.coverage === 'missing' && <Alert type="warning" showIcon message={fill(word('calendar.unpublished-year', '{year}'), { year: thisYear.year })} />}
          {days.error && <ProblemAlert error={days.error} />}
          {shownMonth && (
            <ConfigProvider theme={GRID_THEME}>
              <Calendar
                {...(locale === 'en' ? {} : { locale: ZH_GRID })}
                value={dayjs(`${shownMonth}-01`)}
                cellRender={cell}
                onPanelChange={(d) => setMonth(d.format('YYYY-MM'))}
                headerRender={({ value, onChange }) => (
                  <Space style={{ padding: '8px 0' }}>
                    <Button aria-label="‹" onClick={() => onChange(value.subtract(1, 'month'))} disabled={value.month() === 0}>
                      ‹
                    </Button>
                    <Typography.Text strong aria-live="polite">
                      {value.format(locale === 'en' ? 'MMMM YYYY' : 'YYYY年M月')}
                    </Typography.Text>
                    <Button aria-label="›" onClick={() => onChange(value.add(1, 'month'))} disabled={value.month() === 11}>
                      ›
                    </Button>
                  </Space>
                )}
              />
            </ConfigProvider>
          )}
          <section aria-label={w('calendar.days')}>
            <Typography.Title level={5}>{w('calendar.days')}</Typography.Title>
            <Table<CalendarDay>
              rowKey="date"
              size="small"
              loading={days.isPending && year !== undefined}
              dataSource={days.data?.days ?? []}
              locale={{ emptyText: w('calendar.no-days') }}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              onRow={(d) => ({ onClick: () => setMonth(d.date.slice(0, 7)) })}
              columns={[
                { title: w('calendar.date'), dataIndex: 'date', render: (d: string) => formatDay(locale, d) },
                { title: w('calendar.kind'), dataIndex: 'kind', render: (k: string) => kindWord(k) },
                { title: w('calendar.name'), dataIndex: 'name', render: (n?: string) => n ?? '' },
                { title: w('calendar.source'), dataIndex: 'source', render: (s: string) => w(`calendar.source.${s as 'entry' | 'published'}`) },
                { title: w('calendar.reason'), dataIndex: 'reason', render: (r?: string) => r ?? '' },
                { title: w('calendar.entered-by'), dataIndex: 'enteredBy', render: (b?: string) => b ?? '' },
                {
                  title: '',
                  key: 'remove',
                  render: (_, d) =>
                    d.source === 'entry' ? (
                      <Button size="small" title={w('calendar.remove-reason')} loading={removeDay.isPending && removeDay.variables?.date === d.date} disabled={removeDay.isPending} onClick={() => void onRemove(d.date)}>
                        {w('calendar.remove')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </section>
        </Space>
      </Card>

      <Card title={w('calendar.change')}>
        <section aria-label={w('calendar.change')}>
          <Form<DayForm> name="day" form={form} layout="vertical" onFinish={(v) => void onSave(v)} initialValues={{ kind: 'workday' }} style={{ maxWidth: 560 }}>
            <Form.Item name="date" label={w('calendar.date')} rules={[{ required: true, pattern: DATE, message: w('calendar.date-rule') }]}>
              <Input placeholder="YYYY-MM-DD" autoComplete="off" />
            </Form.Item>
            <Form.Item name="kind" label={w('calendar.kind')}>
              <Radio.Group options={KINDS.map((k) => ({ value: k, label: kindWord(k) }))} />
            </Form.Item>
            <Form.Item name="name" label={w('calendar.name-optional')} rules={[{ max: 40 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="reason" label={w('calendar.reason')} rules={[{ required: true, whitespace: true, message: w('calendar.reason-required') }, { max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space>
              <Button onClick={() => void onPreview()} loading={preview.isPending} disabled={preview.isPending || setDay.isPending}>
                {w('calendar.preview')}
              </Button>
              <Button type="primary" htmlType="submit" loading={setDay.isPending} disabled={setDay.isPending}>
                {w('calendar.save')}
              </Button>
            </Space>
          </Form>
        </section>
        {(setDay.error ?? preview.error ?? removeDay.error) && (
          <div style={{ marginTop: 16 }}>
            <ProblemAlert error={setDay.error ?? preview.error ?? removeDay.error} />
          </div>
        )}
        {result && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            <Alert type={result.type} showIcon message={result.note} />
            <Moves result={result.changed} />
          </Space>
        )}
      </Card>
    </Space>
  );
}
