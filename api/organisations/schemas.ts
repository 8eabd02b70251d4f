import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../domain/organisations';
import { reason, slug, someField, text } from '../http/admin-fields';
import { flag, pagingQuery } from '../http/paging';

const kind = z.enum(ORGANISATION_KINDS);
const district = text(50).nullable().describe('the administrative district it is registered in, e.g. 浦东新区; null: not recorded');

export const organisationParams = z.object({ id: text(100) });

export const organisationListQuery = z.object({
  kind: kind.optional(),
  district: text(50).optional(),
  privateEnterprise: flag.optional(),
  ...pagingQuery,
});

export const addOrganisationBody = z.object({
  id: slug.optional().describe('e.g. org-zhangjiang-tech; generated when absent'),
  name: text(200),
  kind,
  privateEnterprise: z.boolean().default(false).describe('a private enterprise: its professionals may use the 绿色通道'),
  district: district.optional(),
  reason,
});

export const editOrganisationBody = z
  .object({ name: text(200).optional(), kind: kind.optional(), privateEnterprise: z.boolean().optional(), district: district.optional(), reason })
  .refine(someField, 'change at least one of name, kind, privateEnterprise, district');

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  privateEnterprise: z.boolean(),
  district: z.string().nullable(),
  createdAt: z.string(),
});
