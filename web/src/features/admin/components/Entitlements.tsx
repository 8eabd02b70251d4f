// A membership's entitlements (待遇) on the administrator's case page: each kind with its amount,
// start, planned end and status; once ended, the day it ended and what is to be recovered. They
// follow the membership (a pause suspends them, an exit ends them), so the table is polled.
import { Table, Tag } from 'antd';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useEntitlements, type Entitlement } from '../api/admin';
import { useAdminWords } from '../words';

/** Whole fen as yuan: ¥12,345.67. */
export const yuan = (locale: string, fen: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { style: 'currency', currency: 'CNY' }).format(fen / 100);

export function Entitlements({ membershipId }: { membershipId: string }) {
  const t = useAdminWords();
  const locale = useLocale();
  const rows = useEntitlements(membershipId, true);
  if (rows.error) return <ProblemAlert error={rows.error} />;
  return (
    <Table<Entitlement>
      rowKey="id"
      size="small"
      loading={rows.isPending}
      pagination={false}
      dataSource={rows.data?.items ?? []}
      locale={{ emptyText: t('ent.empty') }}
      columns={[
        { title: t('ent.kind'), dataIndex: 'label' },
        { title: t('ent.amount'), key: 'amount', render: (_, e) => `${yuan(locale, e.amountFen)}（${e.basisLabel}）` },
        { title: t('ent.starts'), dataIndex: 'startsOn', render: (d: string) => formatDay(locale, d) },
        { title: t('ent.ends'), dataIndex: 'endsOn', render: (d: string) => formatDay(locale, d) },
        { title: t('ent.status'), key: 'status', render: (_, e) => <Tag color={e.status === 'ended' ? 'default' : e.status === 'suspended' ? 'red' : 'blue'}>{e.statusLabel}</Tag> },
        { title: t('ent.ended-on'), key: 'endedOn', render: (_, e) => (e.endedOn ? `${formatDay(locale, e.endedOn)}${e.endReasonLabel ? `（${e.endReasonLabel}）` : ''}` : '—') },
        { title: t('ent.recoverable'), dataIndex: 'recoverableFen', render: (f: number) => (f ? yuan(locale, f) : '—') },
      ]}
    />
  );
}
