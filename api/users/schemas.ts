import { z } from 'zod';
import { ROLES } from '../../domain/types';
import { reason, slug, someField, text } from '../http/admin-fields';
import { pagingQuery } from '../http/paging';

const locale = z.enum(['zh-CN', 'en']).describe('the language of the mail the user receives');
const role = z.enum(ROLES);

export const userParams = z.object({ id: text(100) });
export const roleParams = z.object({ id: text(100), role });

export const userListQuery = z.object({
  role: role.optional(),
  organisation: text(100).optional(),
  q: text(100).optional().describe('a part of the id, the name or the e-mail'),
  ...pagingQuery,
});

export const addUserBody = z.object({
  id: slug.optional().describe('e.g. u-wang-lei; generated when absent'),
  name: text(100),
  email: z.email().max(200),
  locale: locale.default('zh-CN'),
  organisationId: text(100).optional(),
  roles: z.array(role).max(ROLES.length).default([]),
  reason,
});

export const editUserBody = z
  .object({ name: text(100).optional(), email: z.email().max(200).optional(), locale: locale.optional(), organisationId: text(100).nullable().optional().describe('null: no organisation'), reason })
  .refine(someField, 'change at least one of name, email, locale, organisationId');

export const grantRoleBody = z.object({ role, reason });
export const reasonBody = z.object({ reason });

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.string(),
  organisationId: z.string().nullable(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});
