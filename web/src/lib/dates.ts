// Dates as the mails write them: Shanghai's calendar, 2026年12月10日 / 10 Dec 2026.
import type { Locale } from './locale';

const format = (locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone });

/** A calendar day, YYYY-MM-DD. */
export const formatDay = (locale: Locale, day: string) => format(locale, 'UTC').format(new Date(`${day}T12:00:00Z`));

/** An instant, as the day it is in Shanghai. */
export const formatInstantDay = (locale: Locale, iso: string) => format(locale, 'Asia/Shanghai').format(new Date(iso));

/** An instant as its day and time in Shanghai: 2026年12月10日 14:00 / 10 Dec 2026, 14:00. */
export const formatInstant = (locale: Locale, iso: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
