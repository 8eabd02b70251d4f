// The one message catalogue, read: say(locale, key, params). Keys and their placeholders come
// from zh-CN.ts; a phrase ({ key, params }) is plain JSON, so workflows, failures and audit rows
// can carry words and leave the wording to whoever shows them, in the reader's language.
import { en } from './en';
import { writeDate, writeDateTime, calendarDateOf, lastDayOf } from './dates';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { zhCN, type Translation, type WordKey } from './zh-CN';

export type { WordKey } from './zh-CN';

const CATALOGUES: Record<Locale, Translation> = { 'zh-CN': zhCN, en };

/** The catalogue of a language, every key with its template (what GET /api/words serves). */
export const catalogue = (locale: Locale): Translation => CATALOGUES[locale];

/** A name kept in every language (a programme's), when the catalogue cannot know it. */
export type Localized = { readonly [L in Locale]: string };

export type ParamValue = string | number | readonly (string | number)[] | Localized;

/** The placeholder names of a template: '{years:count:year|years} … {required}' → 'years' | 'required'. */
type Names<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? (P extends `${infer N}:${string}` ? N : P) | Names<Rest> : never;

/** The parameters a key takes, by name. */
export type ParamsOf<K extends WordKey> = { readonly [N in Names<(typeof zhCN)[K]>]: ParamValue };

/** Words to be said later, in a language not known yet: plain JSON. */
export interface Phrase {
  key: WordKey;
  params?: Record<string, ParamValue>;
}

/** What say() and phrase() take after the key: the params, when the key has placeholders. */
export type Args<K extends WordKey> = [Names<(typeof zhCN)[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/** A phrase, its parameters checked against the key's placeholders. */
export function phrase<K extends WordKey>(key: K, ...params: Args<K>): Phrase {
  return params[0] ? { key, params: params[0] as Record<string, ParamValue> } : { key };
}

/** Says a key in a language. */
export function say<K extends WordKey>(locale: Locale, key: K, ...params: Args<K>): string {
  return fill(locale, CATALOGUES[locale][key], params[0] as Record<string, ParamValue> | undefined);
}

const isKey = (key: string): key is WordKey => Object.hasOwn(zhCN, key);

/**
 * Says a phrase that came from elsewhere (a failure's details, an audit row): an unknown key
 * (written by a newer version) reads as itself rather than failing.
 */
export function sayPhrase(locale: Locale, p: { key: string; params?: Record<string, ParamValue> | undefined }): string {
  return isKey(p.key) ? fill(locale, CATALOGUES[locale][p.key], p.params) : p.key;
}

/** Whether a value looks like a phrase (for data read back from JSON). */
export function isPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && isKey((value as { key: string }).key);
}

/**
 * A code as people read it: `label('zh-CN', 'stage', 'employer-review')` → 单位审核. An unknown
 * code reads as itself, so new policy data shows up rather than failing.
 */
export function label(locale: Locale, group: string, code: string): string {
  const key = `${group}.${code}`;
  if (isKey(key)) return fill(locale, CATALOGUES[locale][key], undefined);
  if (group === 'step' && code.startsWith('escalation-')) return say(locale, 'step.escalation', { step: code.slice('escalation-'.length) });
  return code;
}

/** Every label of a group, code → words: what a select box or a table header needs. */
export function labels(locale: Locale, group: string): Record<string, string> {
  const prefix = `${group}.`;
  const out: Record<string, string> = {};
  for (const key of Object.keys(zhCN) as WordKey[]) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = CATALOGUES[locale][key];
  }
  return out;
}

const PLACEHOLDER = /\{([A-Za-z][\w-]*)(?::([\w-]+))?(?::([^{}]*))?\}/g;

function fill(locale: Locale, template: string, params: Record<string, ParamValue> | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format: string | undefined, arg: string | undefined) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    return render(locale, value, format, arg);
  });
}

function render(locale: Locale, value: ParamValue, format: string | undefined, arg: string | undefined): string {
  if (isLocalized(value)) return value[locale];
  const items = (Array.isArray(value) ? value : [value]) as readonly (string | number)[];
  const each = (f: (v: string | number) => string) => join(locale, items.map(f), arg);
  switch (format) {
    case undefined:
      return each(String);
    case 'date':
      return each((v) => safely(() => writeDate(locale, calendarDateOf(String(v))), v));
    case 'due':
      return each((v) => safely(() => writeDate(locale, lastDayOf(String(v))), v));
    case 'datetime':
      return each((v) => safely(() => writeDateTime(locale, String(v)), v));
    case 'count': {
      const [one = '', other = one] = (arg ?? '').split('|');
      return items.map((v) => `${v} ${Number(v) === 1 ? one : other}`.trim()).join(locale === 'en' ? ', ' : '、');
    }
    default:
      return each((v) => label(locale, format, String(v)));
  }
}

const isLocalized = (value: ParamValue): value is Localized => typeof value === 'object' && !Array.isArray(value);

/** A list as the language writes it: 甲、乙或丙 / a, b or c. */
function join(locale: Locale, items: string[], arg: string | undefined): string {
  if (items.length <= 1) return items[0] ?? '';
  const conj = arg === 'or' ? (locale === 'en' ? ' or ' : '或') : arg === 'and' ? (locale === 'en' ? ' and ' : '和') : undefined;
  const sep = locale === 'en' ? ', ' : '、';
  if (!conj) return items.join(sep);
  return `${items.slice(0, -1).join(sep)}${conj}${items.at(-1)}`;
}

function safely(f: () => string, raw: string | number): string {
  try {
    return f();
  } catch {
    return String(raw);
  }
}

export { DEFAULT_LOCALE };
