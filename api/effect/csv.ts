// 效果跟踪 as CSV: one long table per report (section, …, item, value), every code said in the
// caller's language, so a spreadsheet can pivot it and a person can read it.
import type { ProgrammeEffect } from '../../records/effect-programme';
import type { TalentEffect } from '../../records/effect-talent';
import { GRADES } from '../../domain/assessment/types';
import type { Locale } from '../../domain/words/locale';
import { label } from '../../domain/words/say';

export const PROGRAMME_COLUMNS = ['section', 'cycle', 'item', 'value'] as const;
export const TALENT_COLUMNS = ['section', 'programme', 'cycle', 'at', 'item', 'value'] as const;

type Row = Record<string, string | number | null>;

/** An exit's cause: a review's trigger, or a closure's outcome. */
export const causeLabel = (locale: Locale, e: { kind: 'review' | 'closure'; cause: string }) => label(locale, e.kind === 'review' ? 'trigger' : 'closure', e.cause);

export function programmeRows(p: ProgrammeEffect, locale: Locale): Row[] {
  const section = (s: string) => label(locale, 'effect-section', s);
  const rows: Row[] = [];
  for (const c of p.cycles) {
    for (const g of GRADES) rows.push({ section: section('grade'), cycle: c.cycle, item: label(locale, 'grade', g), value: c.grades[g] });
    rows.push({ section: section('excellent-share'), cycle: c.cycle, item: label(locale, 'grade', 'excellent'), value: c.excellentShare === null ? null : round(c.excellentShare) });
    rows.push({ section: section('mean-score'), cycle: c.cycle, item: null, value: c.meanScore });
  }
  if (p.excellentQuota !== null) rows.push({ section: section('quota'), cycle: null, item: label(locale, 'grade', 'excellent'), value: p.excellentQuota });
  for (const e of p.exits) rows.push({ section: section('exit'), cycle: null, item: causeLabel(locale, e), value: e.count });
  for (const [status, n] of Object.entries(p.membersByStatus)) rows.push({ section: section('members'), cycle: null, item: label(locale, 'status', status), value: n });
  return rows;
}

export function talentRows(t: TalentEffect, locale: Locale): Row[] {
  const section = (s: string) => label(locale, 'effect-section', s);
  const rows: Row[] = [];
  for (const m of t.memberships) {
    const programme = locale === 'en' ? m.programme.nameEn : m.programme.name;
    for (const c of m.cycles) rows.push({ section: section('cycle'), programme, cycle: c.cycle, at: c.gradedAt, item: c.grade ? label(locale, 'grade', c.grade) : null, value: c.score });
    rows.push({ section: section('long-term'), programme, cycle: null, at: m.endedAt, item: m.longTerm.trend ? label(locale, 'trend', m.longTerm.trend) : null, value: m.longTerm.meanScore });
    for (const o of m.outputs) rows.push({ section: section('output'), programme, cycle: o.cycle, at: o.reportedAt, item: label(locale, 'output-kind', o.kind), value: o.title });
    for (const r of m.exitReviews) rows.push({ section: section('exit-review'), programme, cycle: null, at: r.startedAt, item: label(locale, 'trigger', r.trigger), value: label(locale, 'status', r.status) });
  }
  const title = (x: { series: string; level: string }) => `${label(locale, 'series', x.series)} ${label(locale, 'level', x.level)}`;
  for (const c of t.titles.certificates) rows.push({ section: section('certificate'), programme: null, cycle: null, at: c.issuedAt, item: title(c), value: c.revoked ? `${c.number} (${label(locale, 'effect-section', 'revoked')})` : c.number });
  for (const a of t.titles.applications) rows.push({ section: section('application'), programme: null, cycle: null, at: a.submittedAt, item: title(a), value: label(locale, 'status', a.status) });
  for (const r of t.integrity) rows.push({ section: section('integrity'), programme: null, cycle: null, at: r.recordedAt, item: label(locale, 'integrity', r.kind), value: r.reason });
  for (const r of t.supervisionEvents) rows.push({ section: section('supervision'), programme: null, cycle: null, at: r.reportedAt, item: `${r.occurredOn} ${label(locale, 'report-kind', r.kind)}`, value: label(locale, 'status', r.status) });
  for (const e of t.entitlements) {
    const m = t.memberships.find((x) => x.membershipId === e.membershipId);
    const programme = m ? (locale === 'en' ? m.programme.nameEn : m.programme.name) : null;
    const span = `${e.startsOn} – ${e.endedOn ?? e.endsOn}`;
    rows.push({ section: section('entitlement'), programme, cycle: null, at: null, item: `${label(locale, 'entitlement-kind', e.kind)} ${span}`, value: label(locale, 'entitlement-status', e.status) });
  }
  return rows;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
