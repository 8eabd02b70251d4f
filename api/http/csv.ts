// CSV export of a search: RFC 4180 quoting, a BOM so spreadsheet programs read UTF-8 (Chinese
// names and stages) correctly, and cells that cannot be taken for formulas.
import type { Reply } from './route';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** `headers`: what the first line says for each column (e.g. in the caller's language); the keys when absent. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], headers: readonly string[] = columns): string {
  const lines = [headers.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvReply(filename: string, columns: readonly string[], rows: readonly Record<string, unknown>[], headers?: readonly string[]): Reply {
  return {
    status: 200,
    body: toCsv(columns, rows, headers),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
  };
}
