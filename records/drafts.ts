// Applicants' drafts (保存): what they have filled in so far and the materials they have uploaded,
// until they submit. A submitted draft is frozen; its materials move to the case.
import { randomUUID } from 'node:crypto';
import type { Db } from '../prisma/client';
import type { ObjectStore } from './objects/store';
import { listMaterials, removeMaterial } from './materials';

export function createDraft(db: Db, applicantId: string, content: object, at: Date) {
  return db.draft.create({ data: { id: randomUUID(), applicantId, content, createdAt: at, updatedAt: at } });
}

export function draftsOf(db: Db, applicantId: string) {
  return db.draft.findMany({ where: { applicantId }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }] });
}

export function findDraft(db: Db, id: string) {
  return db.draft.findUnique({ where: { id } });
}

/** Saves the content; false when the draft was submitted meanwhile (it is frozen). */
export async function saveDraft(db: Db, id: string, content: object, at: Date): Promise<boolean> {
  const { count } = await db.draft.updateMany({ where: { id, applicationId: null }, data: { content, updatedAt: at } });
  return count === 1;
}

export class DraftSubmitted extends Error {
  constructor(readonly applicationId: string) {
    super(`the draft was submitted as application ${applicationId}`);
  }
}

/**
 * Freezes a draft as the application `applicationId` before its workflow starts: from then on it
 * takes no edit and no material. A retry of the same submission finds it frozen for the same id.
 */
export async function freezeDraft(db: Db, id: string, applicationId: string): Promise<void> {
  const { count } = await db.draft.updateMany({ where: { id, applicationId: null }, data: { applicationId } });
  if (count === 1) return;
  const draft = await db.draft.findUnique({ where: { id } });
  if (draft?.applicationId !== applicationId) throw new DraftSubmitted(draft?.applicationId ?? '');
}

/** Undoes a freeze whose workflow never started. */
export async function thawDraft(db: Db, id: string, applicationId: string): Promise<void> {
  await db.draft.updateMany({ where: { id, applicationId }, data: { applicationId: null } });
}

/** Deletes an unsubmitted draft and its materials (their bytes go when nothing else refers to them). */
export async function deleteDraft(db: Db, objects: ObjectStore, id: string): Promise<boolean> {
  const draft = await db.draft.findUnique({ where: { id } });
  if (!draft || draft.applicationId) return false;
  for (const m of await listMaterials(db, { draftId: id })) await removeMaterial(db, objects, m.id);
  await db.draft.delete({ where: { id } });
  return true;
}
