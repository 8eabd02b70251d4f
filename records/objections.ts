import type { Db } from '../prisma/client';
import type { ObjectionRecord } from '../domain/activities';

/** Keyed by the id the workflow gives it: a retry writes it once. */
export async function recordObjection(db: Db, o: ObjectionRecord) {
  await db.objection.upsert({
    where: { id: o.id },
    create: { ...o, raisedAt: new Date(o.raisedAt) },
    update: {},
  });
}

export async function resolveObjection(db: Db, r: { id: string; outcome: 'dismissed' | 'upheld'; resolvedAt: string }) {
  await db.objection.update({ where: { id: r.id }, data: { outcome: r.outcome, resolvedAt: new Date(r.resolvedAt) } });
}
