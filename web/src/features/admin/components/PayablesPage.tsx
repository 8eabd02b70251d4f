// /admin/payables (待遇发放): what is payable in a month — each membership's monthly money for the
// month (pro rata where it starts, pauses or ends in it) and its lump sums — with the month's
// total, and the same list as CSV for the finance office.
import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLocale } from '../../../lib/locale';
import { formatDay } from '../../../lib/dates';
import { MONTH, payablesCsvPath, useDownloadCsv, usePayables, type Payable } from '../api/admin';
import { useAdminWords } from '../words';
import { AdminFrame } from './AdminFrame';
import { yuan } from './Entitlements';

export function PayablesPage() {
  const t = useAdminWords();
  const locale = useLocale();
  const [month, setMonth] = useState('');
  const payables = usePayables(month);
  const download = useDownloadCsv();
  const total = (payables.data?.items ?? []).reduce((n, p) => n + p.amountFen, 0);
  return (
    <AdminFrame>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('pay.title')}</Typography.Title>}>
        <Space wrap style={{ marginBottom: 16 }}>
          <label>
            {t('pay.month')}{' '}
            <Input type="month" aria-label={t('pay.month')} style={{ width: 180 }} value={month} onChange={(e) => setMonth(e.target.value)} />
          </label>
          <Button disabled={!MONTH.test(month) || download.isPending} loading={download.isPending} onClick={() => download.mutate(payablesCsvPath(month))}>
            {t('pay.csv')}
          </Button>
        </Space>
        {!MONTH.test(month) ? (
          <Typography.Paragraph>{t('pay.pick')}</Typography.Paragraph>
        ) : (
          <>
            {payables.error && <ProblemAlert error={payables.error} />}
            {download.error && <ProblemAlert error={download.error} />}
            <Table<Payable>
              rowKey="entitlementId"
              loading={payables.isFetching && !payables.data}
              dataSource={payables.data?.items ?? []}
              locale={{ emptyText: t('pay.empty') }}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('pay.talent'), dataIndex: 'talentName' },
                { title: t('pay.programme'), dataIndex: 'programme' },
                { title: t('ent.kind'), key: 'kind', render: (_, p) => `${p.entitlementLabel}（${p.basisLabel}）` },
                { title: t('pay.days'), key: 'days', render: (_, p) => `${p.days} / ${p.daysInMonth}` },
                { title: t('ent.status'), key: 'status', render: (_, p) => (p.endedOn ? `${p.statusLabel} · ${formatDay(locale, p.endedOn)}` : p.statusLabel) },
                { title: t('ent.recoverable'), dataIndex: 'recoverableFen', align: 'right', render: (f: number) => (f ? yuan(locale, f) : '—') },
                { title: t('pay.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(locale, f) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={6}>
                    {t('pay.total')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    {yuan(locale, total)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </>
        )}
      </Card>
    </AdminFrame>
  );
}
