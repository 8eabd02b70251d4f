// A feature's own chrome words (menus, buttons, hints) in both languages, beside the feature that
// says them: `const useReviewWords = defineWords({ 'zh-CN': {…}, en: {…} })`. The English table
// must name every key the Chinese one does, so a missing translation fails the type check.
import { useLocale, type Locale } from './locale';

export type Fill = Record<string, string | number>;

const fill = (text: string, values: Fill) => text.replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all));

export function defineWords<K extends string>(tables: { 'zh-CN': Record<K, string>; en: Record<NoInfer<K>, string> }) {
  const say = (locale: Locale, key: K, values: Fill = {}) => fill(tables[locale][key], values);
  /** The words in the page's language; {name} placeholders filled from `values`. */
  const use = () => {
    const locale = useLocale();
    return (key: K, values: Fill = {}) => say(locale, key, values);
  };
  return Object.assign(use, { say, tables });
}
