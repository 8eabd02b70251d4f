// The language of the pages: zh-CN by default, en on request; kept in localStorage and sent as
// Accept-Language with every API call (lib/api.ts), so the API's words match the page's.
import { storedValue } from './store';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const localeStore = storedValue<Locale>(() => localStorage, 'tl.locale', (raw) => (raw === 'en' ? 'en' : 'zh-CN'));
export const useLocale = () => localeStore.use();
