// The administrators' changes to the expert pool, the organisations and the users: each write
// goes with one AdminChange row (who, when, why, what it was and what it is) in its transaction;
// the log is append-only and listed newest first.
import type { Db, DbTx, Prisma } from '../prisma/client';

export type AdminResource = 'expert' | 'organisation' | 'user';

/** Who makes a change, when (the API's clock) and why. */
export interface ChangedBy {
  actorId: string;
  reason: string;
  at: Date;
}

/** Why an administrator's change is refused, with the HTTP status the API answers and the field at fault. */
export class AdminRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    /** The request field at fault, e.g. `body.userId`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AdminRefused(404, `no ${what}`);

type Json = Prisma.InputJsonValue;

export function logChange(
  tx: DbTx,
  by: ChangedBy,
  c: { resource: AdminResource; resourceId: string; action: string; before?: object; after?: object },
) {
  return tx.adminChange.create({
    data: {
      resource: c.resource,
      resourceId: c.resourceId,
      action: c.action,
      reason: by.reason,
      actorId: by.actorId,
      at: by.at,
      ...(c.before ? { before: json(c.before) } : {}),
      ...(c.after ? { after: json(c.after) } : {}),
    },
  });
}

/** Dates as ISO strings, undefined fields dropped: what JSON keeps. */
const json = (o: object): Json => JSON.parse(JSON.stringify(o)) as Json;

/** The fields whose value differs, as they were and as they are. */
export function changed<T extends object>(a: T, b: T): { before: Partial<T>; after: Partial<T> } {
  const keys = (Object.keys(b) as (keyof T)[]).filter((k) => a[k] !== b[k]);
  const pick = (o: T) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Partial<T>;
  return { before: pick(a), after: pick(b) };
}

export interface ChangeFilter {
  resource?: AdminResource | undefined;
  resourceId?: string | undefined;
  actorId?: string | undefined;
}

export async function listChanges(db: Db, f: ChangeFilter, page: { skip: number; take: number }) {
  const where: Prisma.AdminChangeWhereInput = {
    ...(f.resource ? { resource: f.resource } : {}),
    ...(f.resourceId ? { resourceId: f.resourceId } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
  };
  const [rows, total] = await Promise.all([db.adminChange.findMany({ where, orderBy: { id: 'desc' }, ...page }), db.adminChange.count({ where })]);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total };
}
