// 受理编号: the number people read aloud, type and quote, e.g. 2026-ZT-GC-0001.
//
//   <year>-<track>-<series>-<sequence>
//   year      the Shanghai calendar year the application was submitted in
//   track     CG 常规 (standard) · ZT 直通车 (direct) · LS 绿色通道 (green)
//   series    GC 工程技术 (engineering) · JJ 经济 (economics) · WS 卫生 (health)
//   sequence  1, 2, 3 … per year × track × series, four digits at least (0001 … 9999, then 10000)
//
// Letters are pinyin initials, two capitals each; a track or series the policy adds later gets
// the first two letters of its code (a-new-series → AN) until a code is listed here. The
// sequence counts per printed prefix, so even two codes printing alike never share a number.
import { shanghaiDate } from './calendar/shanghai';

const TRACK_CODES: Record<string, string> = { standard: 'CG', direct: 'ZT', green: 'LS' };
const SERIES_CODES: Record<string, string> = { engineering: 'GC', economics: 'JJ', health: 'WS' };

/** Two capitals for a code not listed: its first two ASCII letters, or XX. */
function fallback(code: string): string {
  const letters = code.toUpperCase().replace(/[^A-Z]/g, '');
  return (letters + 'XX').slice(0, 2);
}

/** The prefix of a case's number: year, track, series. The sequence counts per prefix. */
export function caseNumberPrefix(r: { submittedAt: string; track: string; series: string }): string {
  const year = shanghaiDate(r.submittedAt).slice(0, 4);
  return `${year}-${TRACK_CODES[r.track] ?? fallback(r.track)}-${SERIES_CODES[r.series] ?? fallback(r.series)}`;
}

export const formatCaseNumber = (prefix: string, sequence: number): string => `${prefix}-${String(sequence).padStart(4, '0')}`;

/** What a case number looks like; a search box may take one (any case) and find the case. */
export const CASE_NUMBER = /^\d{4}-[A-Z]{2}-[A-Z]{2}-\d{4,}$/;
