// Versioned standards (DOMAIN §2): title standards per series × level × track, and each
// programme's grading rules. A version is a new row, never an edit: running cases keep the one
// they pinned, new cases take the newest published by their start.
import type { Db } from '../prisma/client';
import type { GradingValues } from '../domain/assessment/policy';
import type { StandardRules } from '../domain/appraisal/standard';
import { phrase } from '../domain/words/say';
import { WordedError } from '../domain/words/worded';


/** Refused because another row is in the way; the API answers 409. */
export class VersionConflict extends WordedError {}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';

/** The next version number, retried when two administrators publish at the same moment. */
export async function nextVersion<T>(latest: () => Promise<number | undefined>, create: (version: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = ((await latest()) ?? 0) + 1;
    try {
      return await create(version);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new VersionConflict(phrase('problem.version-race'));
}

export function publishStandard(db: Db, r: { series: string; level: string; track: string; rules: StandardRules; publishedBy: string; at: Date }) {
  const where = { series: r.series, level: r.level, track: r.track };
  return nextVersion(
    async () => (await db.standard.findFirst({ where, orderBy: { version: 'desc' } }))?.version,
    (version) =>
      db.standard.create({
        data: { id: `std-${r.series}-${r.level}-${r.track}-v${version}`, ...where, version, rules: r.rules as object, publishedAt: r.at, publishedBy: r.publishedBy },
      }),
  );
}

export function listStandards(db: Db, filter: { series?: string | undefined; level?: string | undefined; track?: string | undefined }) {
  const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  return db.standard.findMany({ where, orderBy: [{ series: 'asc' }, { level: 'asc' }, { track: 'asc' }, { version: 'asc' }] });
}

export function publishGrading(db: Db, r: { programmeId: string; rules: GradingValues; publishedBy: string; at: Date }) {
  return nextVersion(
    async () => (await db.programmeStandard.findFirst({ where: { programmeId: r.programmeId }, orderBy: { version: 'desc' } }))?.version,
    (version) =>
      db.programmeStandard.create({
        data: { id: `${r.programmeId}-v${version}`, programmeId: r.programmeId, version, rules: r.rules as object, publishedAt: r.at, publishedBy: r.publishedBy },
      }),
  );
}

export function listGrading(db: Db, programmeId: string) {
  return db.programmeStandard.findMany({ where: { programmeId }, orderBy: { version: 'asc' } });
}

/** A programme and version 1 of its grading rules, together. */
export async function createProgramme(db: Db, r: { id: string; name: string; nameEn: string; talentType: string; grading: GradingValues; createdBy: string; at: Date }) {
  const { at } = r;
  try {
    return await db.$transaction(async (tx) => {
      const programme = await tx.programme.create({ data: { id: r.id, name: r.name, nameEn: r.nameEn, talentType: r.talentType, createdBy: r.createdBy, createdAt: at } });
      await tx.programmeStandard.create({ data: { id: `${r.id}-v1`, programmeId: r.id, version: 1, rules: r.grading as object, publishedAt: at, publishedBy: r.createdBy } });
      return programme;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new VersionConflict(phrase('problem.programme-exists', { id: r.id }));
    throw err;
  }
}
