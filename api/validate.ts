import type { Request } from 'express';
import type { z } from 'zod';
import { fromZod } from './problem';

/** Parses one part of a request with its schema, or throws a 400 problem naming the fields. */
export function parse<S extends z.ZodType>(schema: S, req: Request, where: 'body' | 'query' | 'params'): z.infer<S> {
  // No body at all is an empty one: an action without fields needs no `{}` from the caller.
  const result = schema.safeParse(where === 'body' ? (req.body ?? {}) : req[where]);
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}
