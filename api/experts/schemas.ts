import { z } from 'zod';
import { DECLARED_CONFLICT_KINDS } from '../../domain/committee/types';
import { calendarDate, reason, text } from '../http/admin-fields';
import { flag, pagingQuery } from '../http/paging';

export const expertParams = z.object({ id: text(100) });
export const conflictParams = z.object({ id: text(100), conflictId: text(100) });

export const expertListQuery = z.object({
  series: text(50).optional(),
  active: flag.optional().describe('true: serving (drawn); false: suspended or term ended'),
  ...pagingQuery,
});

export const appointBody = z.object({
  userId: text(100).describe('the user who serves; they get the expert role'),
  series: text(50).describe('the title series whose pool they join'),
  specialty: text(100).optional(),
  organisationId: text(100).describe('where the expert works: recusal keeps them off cases of this employer'),
  termEndsOn: calendarDate.describe('the last day of the term (Asia/Shanghai): at most 3 years after today'),
  reason,
});

export const reasonBody = z.object({ reason });

export const conflictBody = z.object({
  kind: z.enum(DECLARED_CONFLICT_KINDS),
  subjectId: text(100).describe('the person (user id) or organisation the expert may not judge'),
  note: text(500).optional(),
  reason,
});

export const conflictSchema = z.object({ id: z.string(), kind: z.string(), subjectId: z.string(), note: z.string().nullable(), createdAt: z.string() });

export const expertSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  series: z.string(),
  specialty: z.string().nullable(),
  organisationId: z.string(),
  status: z.enum(['serving', 'suspended', 'term-ended']),
  termEndsAt: z.string(),
  termLastDay: z.string(),
  conflicts: z.array(conflictSchema),
});
