// Turns a received upload into a material of a dossier: the name checked, the bytes inspected
// against the policy's limits, then stored once per content. The file on the local disk is gone
// afterwards, stored or not.
import { checkFileName } from '../../domain/dossier/files';
import type { DossierPolicy } from '../../domain/appraisal/policy';
import type { Actor } from '../../domain/types';
import { addMaterial, type DossierRef } from '../../records/materials';
import type { ObjectStore } from '../../records/objects/store';
import type { Db } from '../../prisma/client';
import type { Upload } from '../http/multipart';
import { inspectUpload } from './inspect';

export interface MaterialFields {
  kind: string;
  title: string;
  achievement?: number | undefined;
}

export async function storeUpload(
  deps: { db: Db; objects: ObjectStore },
  actor: Actor,
  ref: DossierRef,
  upload: Upload<MaterialFields>,
  limits: DossierPolicy,
  extra: { ownerId: string; at: Date; round?: number; replaces?: string[] },
) {
  try {
    const fileName = checkFileName(upload.fileName);
    const inspected = await inspectUpload(upload.path, upload.size, limits);
    const { kind, title, achievement } = upload.fields;
    return await addMaterial(
      deps.db,
      deps.objects,
      ref,
      {
        ownerId: extra.ownerId,
        kind,
        title,
        ...(achievement !== undefined ? { achievement } : {}),
        fileName,
        upload,
        inspected,
        uploadedBy: actor.id,
        at: extra.at,
        ...(extra.round ? { round: extra.round } : {}),
        ...(extra.replaces ? { replaces: extra.replaces } : {}),
      },
      limits,
    );
  } finally {
    await upload.discard();
  }
}
