import pg from 'pg';

// The engine introspects catalog columns of type "char" (OID 18, e.g. pg_constraint.contype),
// which adapter-pg refuses to deserialize. Their values arrive as strings anyway, so labelling
// them text (OID 25) is exact. Only the migration adapter uses this client.
const CHAR_OID = 18;
const TEXT_OID = 25;

function relabel<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

export class CatalogTextClient extends pg.Client {
  // pg.Client#query has many overloads; the pool calls it with a callback, adapter-pg's
  // transactions without one.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : relabel(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const ret: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    return (ret instanceof Promise ? ret.then(relabel) : ret) as never;
  }
}
