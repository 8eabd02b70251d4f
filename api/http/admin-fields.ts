// Fields every administrator's write shares: the reason it is logged with, ids chosen by the
// caller, a calendar date.
import { z } from 'zod';
import { dayNumber } from '../../domain/calendar/shanghai';

export const text = (max: number) => z.string().trim().min(1).max(max);

/** Why: logged with the change (who, when, why). */
export const reason = z.string().trim().min(1, 'a reason is required').max(2000).meta({ description: 'Why: kept in the change log with who and when' });

/** A readable id such as org-zhangjiang-tech or u-li-ming. */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes (2–63)');

export const calendarDate = z
  .string()
  .refine((d) => {
    try {
      dayNumber(d);
      return true;
    } catch {
      return false;
    }
  }, 'a calendar date, YYYY-MM-DD')
  .meta({ format: 'date', example: '2029-06-30' });

/** An edit must change something: at least one field besides the reason. */
export const someField = (b: Record<string, unknown>) => Object.entries(b).some(([k, v]) => k !== 'reason' && v !== undefined);
