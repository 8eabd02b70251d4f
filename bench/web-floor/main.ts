// The floor of `npm run bench:web`: a bare antd Table over the same rows the measured page shows,
// fetched as JSON once, built with the same Vite config (vendor chunks and all). Nothing else:
// no router, no query cache, no words, no shell.
import '@ant-design/v5-patch-for-react-19';
import 'antd/dist/reset.css';
import { Table } from 'antd';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

type Row = Record<string, unknown> & { id: string };
const page = globalThis as unknown as { document: { getElementById(id: string): Element } };
interface Element {
  readonly id: string;
}

const rows = (await (await fetch('/bench-rows.json')).json()) as Row[];
// The first five plain fields of a row are the columns, as a list page shows a handful.
const keys = Object.keys(rows[0] ?? {})
  .filter((k) => ['string', 'number'].includes(typeof rows[0]![k]))
  .slice(0, 5);
const columns = keys.map((k) => ({ title: k, dataIndex: k, key: k }));
createRoot(page.document.getElementById('root') as never).render(createElement(Table<Row>, { rowKey: 'id', dataSource: rows, columns, pagination: { pageSize: 50 } }));
