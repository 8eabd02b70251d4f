// The catalogue, served: the words of every label, reason, stage and error a person sees, so the
// pages that come later say what the API and the mail say. Public: it holds no one's data.
import { z } from 'zod';
import { LOCALES, localeOf } from '../../domain/words/locale';
import { catalogue } from '../../domain/words/say';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import { localeOfRequest } from '../problem';

/** How a template's placeholders read; a client fills them the way domain/words/say.ts does. */
const FORMAT =
  '{name} is a value as it is; {name:format} or {name:format:arg} formats it. Formats: date (a calendar date or an instant, in Asia/Shanghai: ' +
  '2026年12月10日 / 10 Dec 2026), due (the last day of a deadline whose instant is 24:00 Shanghai: 2026-12-09T16:00:00Z is 9 Dec), datetime ' +
  '(Shanghai wall time), count:one|other (a number and a noun), or a label group (stage, step, track, series, level, grade, …): the value is a ' +
  'code, looked up as the key "<group>.<code>", shown as itself when absent. A list is joined with 、 / ", "; the argument "or" joins with 或 / "or".';

export function wordRoutes(_deps: ApiDeps): RouteDef[] {
  return [
    route({
      id: 'words',
      method: 'get',
      path: '/api/words',
      summary: 'The message catalogue: every label, reason, stage and error, in zh-CN or en',
      description: 'The language is ?locale=, else the Accept-Language header, else zh-CN. Keys are stable across languages; problem details name theirs in `code`.',
      tags: ['Public'],
      access: 'public',
      limit: 'public',
      query: z.object({ locale: z.string().max(35).optional().describe('zh-CN (default) or en; en-GB and the like read as en') }),
      responses: {
        200: {
          description: 'The catalogue of one language.',
          schema: z.object({ locale: z.enum(LOCALES), locales: z.array(z.enum(LOCALES)), format: z.string(), words: z.record(z.string(), z.string()) }),
        },
      },
      async handler({ query, req }) {
        const locale = query.locale ? localeOf(query.locale) : localeOfRequest(req);
        return ok({ locale, locales: LOCALES, format: FORMAT, words: catalogue(locale) }, { 'Content-Language': locale, Vary: 'Accept-Language', 'Cache-Control': 'public, max-age=300' });
      },
    }),
  ];
}
