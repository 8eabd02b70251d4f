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
