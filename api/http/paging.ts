// Paging shared by every list: page numbers from 1, a bounded page size, the total alongside.
import { z } from 'zod';

export const pagingQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** A query flag: ?overdue=true / ?overdue=false (z.coerce.boolean would take "false" as true). */
export const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const skipTake = (q: { page: number; pageSize: number }) => ({ skip: (q.page - 1) * q.pageSize, take: q.pageSize });
