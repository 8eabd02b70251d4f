// Evidence a report names: materials (by id) or stored files (by hash) of the dossier store that
// the reporter may read, by the same rule as reading them (api/materials/policy.ts).
import type { Actor } from '../../domain/types';
import type { Db } from '../../prisma/client';
import { materialPolicy } from '../materials/policy';
import type { FieldError } from '../problem';

export function evidenceCheck(db: Db) {
  const policy = materialPolicy(db);

  async function mayRead(actor: Actor, m: { ownerId: string; draftId: string | null; applicationId: string | null }): Promise<boolean> {
    if (!m.applicationId) return m.ownerId === actor.id;
    const app = await db.application.findUnique({ where: { id: m.applicationId } });
    return !!app && (await policy.mayReadCase(actor, app));
  }

  /** The ids the reporter may not read (or that do not exist), as field errors. */
  return async function unreadable(actor: Actor, ids: string[]): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const [i, id] of ids.entries()) {
      const byId = await db.material.findUnique({ where: { id } });
      const candidates = byId ? [byId] : await db.material.findMany({ where: { sha256: id }, take: 20 });
      let readable = false;
      for (const m of candidates) if (!readable && (await mayRead(actor, m))) readable = true;
      if (!readable) errors.push({ path: `body.evidence.${i}`, message: `${id}: no such material, or not yours to read` });
    }
    return errors;
  };
}
