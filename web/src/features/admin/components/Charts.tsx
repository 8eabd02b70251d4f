// The dashboard's charts (@ant-design/plots): loaded on their own, after the figures, so the
// chart library is in no page's first bundle. Each chart says its numbers in its label too, for
// those who do not see the canvas.
import { Column, Pie } from '@ant-design/plots';

export interface Datum {
  name: string;
  count: number;
}

const spoken = (data: readonly Datum[]) => data.map((d) => `${d.name} ${d.count}`).join('，');

export function ColumnChart({ title, data }: { title: string; data: Datum[] }) {
  return (
    <figure role="img" aria-label={`${title}：${spoken(data)}`} style={{ margin: 0 }}>
      <Column data={data} xField="name" yField="count" height={260} label={{ text: 'count', position: 'inside' }} axis={{ x: { title: false }, y: { title: false } }} />
    </figure>
  );
}

export function PieChart({ title, data }: { title: string; data: Datum[] }) {
  return (
    <figure role="img" aria-label={`${title}：${spoken(data)}`} style={{ margin: 0 }}>
      <Pie data={data} angleField="count" colorField="name" height={260} innerRadius={0.55} label={{ text: (d: Datum) => `${d.name} ${d.count}`, position: 'outside' }} legend={{ color: { position: 'bottom' } }} />
    </figure>
  );
}

export interface GroupedDatum extends Datum {
  /** The group a column stands in, e.g. a cycle. */
  group: string;
}

/** Columns side by side per group (e.g. the grades of each cycle). */
export function GroupedColumnChart({ title, data }: { title: string; data: GroupedDatum[] }) {
  const spokenGroups = [...new Set(data.map((d) => d.group))].map((g) => `${g}：${spoken(data.filter((d) => d.group === g))}`).join('；');
  return (
    <figure role="img" aria-label={`${title}：${spokenGroups}`} style={{ margin: 0 }}>
      <Column data={data} xField="group" yField="count" colorField="name" group height={260} label={{ text: 'count', position: 'inside' }} axis={{ x: { title: false }, y: { title: false } }} legend={{ color: { position: 'bottom' } }} />
    </figure>
  );
}
