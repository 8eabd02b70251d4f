// The languages people read: zh-CN (the default) and en. A user's `locale` column chooses their
// mail; a request's Accept-Language chooses the API's words.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A stored or requested locale, read leniently: en, en-GB, EN → en; zh, zh-Hans-CN → zh-CN; anything else → zh-CN. */
export function localeOf(value: string | null | undefined): Locale {
  const tag = value?.trim().toLowerCase() ?? '';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return DEFAULT_LOCALE;
}

/** The language a locale tag names, or undefined when it names neither of ours (RFC 4647 basic matching). */
function match(tag: string): Locale | undefined {
  const t = tag.toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4): the highest q-value
 * wins, ties go to the earlier entry, `*` and unknown languages fall back to zh-CN.
 */
export function fromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranked) {
    const locale = match(r.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
