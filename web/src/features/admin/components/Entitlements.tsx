// A membership's entitlements (待遇) on the administrator's case page: each kind with its amount,
// start, planned end and status; once ended, the day it ended and what is to be recovered. They
// follow the membership (a pause suspends them, an exit ends them), so the table is polled.
import { Table, Tag } from 'antd';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDay } from '../../../lib/dates';
import { useLocale } from '../../../lib/locale';
import { useWords } from '../../../lib/words';
import { useEntitlements, type Entitlement } from '../api/admin';
import { useAdminWords } from '../words';

/** Whole fen as yuan: ¥12,345.67. */
export const yuan = (locale: string, fen: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { style: 'currency', currency: 'CNY' }).format(fen / 100);

export function Entitlements({ membershipId }: { membershipId: string }) {
  const t = useAdminWords();
  const locale = useLocale();
  const { word } = useWords();
  const rows = useEntitlements(membershipId, true);
  if (rows.error) return <ProblemAlert error={rows.error} />;
  return (
    <Table<Entitlement>
      rowKey="kind"
      size="small"
      loading={rows.isPending}
      pagination={false}
      dataSource={rows.data?.items ?? []}
      locale={{ emptyText: t('ent.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('ent.kind'), dataIndex: 'kind', render: (k: string) => word(`entitlement-kind.${k}`, k) },
        { title: t('ent.amount'), key: 'amount', render: (_, e) => `${yuan(locale, e.amountFen)}${e.basis === 'monthly' ? t('ent.per-month') : ''}` },
        { title: t('ent.starts'), dataIndex: 'startsOn', render: (d: string) => formatDay(locale, d) },
        { title: t('ent.ends'), dataIndex: 'endsOn', render: (d: string) => formatDay(locale, d) },
        { title: t('ent.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'ended' ? 'default' : s === 'suspended' ? 'orange' : 'green'}>{word(`entitlement-status.${s}`, t(`ent.status-${s}` as 'ent.status-active'))}</Tag> },
        { title: t('ent.ended-on'), dataIndex: 'endedOn', render: (d: string | null) => (d ? formatDay(locale, d) : '—') },
        { title: t('ent.recoverable'), dataIndex: 'recoverableFen', render: (f: number | null) => (f ? yuan(locale, f) : '—') },
      ]}
    />
  );
}
