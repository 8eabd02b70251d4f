// The API's message catalogue (GET /api/words): the labels of stages, steps, series, levels,
// tracks, statuses and materials, in the page's language, as the mails word them.
import { useQuery } from '@tanstack/react-query';
import { api, call } from './api';
import { useLocale } from './locale';

export type WordGroup = 'stage' | 'step' | 'series' | 'level' | 'track' | 'status' | 'evidence' | 'role' | 'grade' | 'trend' | 'trigger' | 'closure' | 'output-kind' | 'integrity';

export function useWords() {
  const locale = useLocale();
  const query = useQuery({
    queryKey: ['words', locale],
    queryFn: () => call(api.GET('/api/words', { params: { query: { locale } } })),
    staleTime: 5 * 60_000,
  });
  const words = query.data?.words;
  return {
    ready: words !== undefined,
    /** A code's label, e.g. label('stage', 'employer-review') → 单位审核; the code itself when absent. */
    label: (group: WordGroup, code: string | null | undefined) => (code ? (words?.[`${group}.${code}`] ?? code) : ''),
    /** A catalogue entry by its key, e.g. word('api.case-number') → 受理编号. */
    word: (key: string, fallback = key) => words?.[key] ?? fallback,
    /** Every code of a group the catalogue words, in its order, e.g. codes('track') → standard, direct, green. */
    codes: (group: WordGroup) => Object.keys(words ?? {}).filter((k) => k.startsWith(`${group}.`)).map((k) => k.slice(group.length + 1)),
  };
}
