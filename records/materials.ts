// A dossier's materials (DOMAIN §5a): each a row of its own (kind, title, the achievement it
// backs) pointing at bytes stored once per content. Adding writes the rows first and the object
// after the commit, always (identical bytes replace identical bytes); removing deletes the rows
// first and the object only when no row refers to it any more. Whatever order concurrent uploads
// and removals of the same content run in, a Blob row always has its object.
import { randomUUID } from 'node:crypto';
import { MaterialRefused, type MaterialMime } from '../domain/dossier/files';
import type { Db, DbTx } from '../prisma/client';
import type { ObjectStore } from './objects/store';
import { phrase } from '../domain/words/say';

/** Whose dossier a material is in: a draft before submission, the case after. */
export type DossierRef = { draftId: string } | { applicationId: string };

export interface NewMaterial {
  ownerId: string;
  kind: string;
  title: string;
  achievement?: number;
  fileName: string;
  /** The checked upload on the local disk. */
  upload: { path: string; size: number; sha256: string };
  inspected: { mime: MaterialMime; pages?: number; width?: number; height?: number };
  uploadedBy: string;
  at: Date;
  /** 0: the submission's; n: added in the n-th correction round or resubmission. */
  round?: number;
  /** The materials this one replaces (a correction). */
  replaces?: string[];
}

const where = (ref: DossierRef) => ('draftId' in ref ? { draftId: ref.draftId } : { applicationId: ref.applicationId });

/** The bytes the dossier holds now: materials not replaced and not purged. */
async function heldBytes(tx: DbTx, ref: DossierRef): Promise<number> {
  const sum = await tx.material.aggregate({ where: { ...where(ref), replacedById: null, purgedAt: null }, _sum: { size: true } });
  return sum._sum.size ?? 0;
}

export async function addMaterial(db: Db, objects: ObjectStore, ref: DossierRef, m: NewMaterial, limits: { maxCaseBytes: number }) {
  const id = randomUUID();
  const { upload, inspected } = m;
  const row = await db.$transaction(async (tx) => {
    const held = await heldBytes(tx, ref);
    if (held + upload.size > limits.maxCaseBytes) {
      throw new MaterialRefused('case-too-large', phrase('material.case-too-large', { held, max: limits.maxCaseBytes }));
    }
    await tx.blob.upsert({
      where: { sha256: upload.sha256 },
      create: { sha256: upload.sha256, size: upload.size, mime: inspected.mime, pages: inspected.pages ?? null, width: inspected.width ?? null, height: inspected.height ?? null, storedAt: m.at },
      update: {},
    });
    const created = await tx.material.create({
      data: {
        id,
        ownerId: m.ownerId,
        ...where(ref),
        kind: m.kind,
        title: m.title,
        achievement: m.achievement ?? null,
        fileName: m.fileName,
        sha256: upload.sha256,
        size: upload.size,
        mime: inspected.mime,
        uploadedAt: m.at,
        uploadedBy: m.uploadedBy,
        round: m.round ?? 0,
      },
    });
    if (m.replaces?.length) await tx.material.updateMany({ where: { id: { in: m.replaces }, ...where(ref) }, data: { replacedById: id } });
    return created;
  });
  try {
    await objects.put(upload.sha256, upload.path, upload.size, inspected.mime);
  } catch (err) {
    // The bytes did not reach the store: undo the rows, so the failed upload leaves nothing.
    await removeRows(db, id);
    throw err;
  }
  return row;
}

/** Deletes the row; answers the hash when it was the last reference (its Blob row is gone too). */
async function removeRows(db: Db, id: string): Promise<string | undefined> {
  return db.$transaction(async (tx) => {
    const m = await tx.material.findUnique({ where: { id } });
    if (!m) return undefined;
    await tx.material.delete({ where: { id } });
    await tx.material.updateMany({ where: { replacedById: id }, data: { replacedById: null } });
    if ((await tx.material.count({ where: { sha256: m.sha256 } })) > 0) return undefined;
    await tx.blob.delete({ where: { sha256: m.sha256 } });
    return m.sha256;
  });
}

/** Removes a material; its bytes go when nothing else refers to them. */
export async function removeMaterial(db: Db, objects: ObjectStore, id: string): Promise<void> {
  const orphan = await removeRows(db, id);
  // A concurrent upload of the same content may have made a new Blob row meanwhile: it writes
  // the object again after its commit, and this check keeps the one it found.
  if (orphan && !(await db.blob.findUnique({ where: { sha256: orphan } }))) await objects.delete(orphan);
}

/** The materials of a dossier, in upload order, replaced ones included (marked). */
/** Cases' materials as they stand (neither replaced by a correction nor purged), in one query. */
export function currentMaterials(db: Db, applicationIds: string[]) {
  return db.material.findMany({ where: { applicationId: { in: applicationIds }, replacedById: null, purgedAt: null }, orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }] });
}

export function listMaterials(db: Db, ref: DossierRef) {
  return db.material.findMany({ where: where(ref), orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }] });
}

/** Moves a draft's materials to the case it became: from then on they are the case's, frozen. */
export async function attachToApplication(tx: DbTx, draftId: string, applicationId: string): Promise<void> {
  await tx.material.updateMany({ where: { draftId }, data: { applicationId } });
}

/**
 * Deletes the bytes of the dossier's materials (retention): the rows and their hashes stay, marked
 * purged; an object goes when no unpurged material refers to it.
 */
export async function purgeDossier(db: Db, objects: ObjectStore, ref: DossierRef, at: Date): Promise<{ materials: number; objects: number }> {
  const rows = await db.material.findMany({ where: { ...where(ref), purgedAt: null } });
  let removed = 0;
  for (const m of rows) {
    await db.material.update({ where: { id: m.id }, data: { purgedAt: at } });
    const others = await db.material.count({ where: { sha256: m.sha256, purgedAt: null } });
    if (others === 0 && (await objects.has(m.sha256))) {
      await objects.delete(m.sha256);
      removed++;
    }
  }
  return { materials: rows.length, objects: removed };
}
