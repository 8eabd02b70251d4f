// Use-cases of programmes: create, publish grading rules, admit a talent. Validate against
// stored data, then write through records/.
import type { z } from 'zod';
import { AdmissionRefused, admitTalent } from '../../records/admission';
import { loadPolicy, PolicyMissing } from '../../records/policy';
import { createProgramme, listGrading, publishGrading, VersionConflict } from '../../records/publishing';
import { publishGrants, type GrantValues } from '../../records/entitlements';
import { gradingValuesSchema, type GradingValues } from '../../domain/assessment/policy';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { badRequest, conflict, HttpProblem, notFound } from '../problem';
import type * as s from './schemas';
import { phrase } from '../../domain/words/say';

const gradingView = (row: { id: string; programmeId: string; version: number; rules: unknown; publishedAt: Date; publishedBy: string }) => ({
  ...row,
  rules: gradingValuesSchema.parse(row.rules),
  publishedAt: row.publishedAt.toISOString(),
});

export function programmesService({ db, temporal, taskQueue, now }: ApiDeps) {
  async function programme(id: string) {
    const row = await db.programme.findUnique({ where: { id } });
    if (!row) throw notFound(phrase('problem.no-programme', { id }));
    return row;
  }

  return {
    async create(actor: Actor, b: z.infer<typeof s.createProgrammeBody>) {
      const inForce = await loadPolicy(db, 'assessment', { at: now() }).catch((err: unknown) => {
        if (err instanceof PolicyMissing) return undefined;
        throw err;
      });
      if (!inForce?.values.cycles[b.talentType]) {
        throw badRequest(phrase('problem.unknown-talent-type'), [{ path: 'body.talentType', message: `no cycle for ${b.talentType} in the assessment policy in force` }]);
      }
      try {
        return await createProgramme(db, { ...b, createdBy: actor.id, at: now() });
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(err.phrase);
        throw err;
      }
    },

    async list() {
      const rows = await db.programme.findMany({ orderBy: { id: 'asc' }, include: { standards: { select: { version: true } }, _count: { select: { memberships: { where: { status: { in: ['active', 'paused'] } } } } } } });
      return rows.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn, talentType: p.talentType, gradingVersion: Math.max(0, ...p.standards.map((v) => v.version)), runningMembers: p._count.memberships }));
    },

    async publishGrading(actor: Actor, id: string, rules: () => GradingValues) {
      await programme(id);
      try {
        return gradingView(await publishGrading(db, { programmeId: id, rules: rules(), publishedBy: actor.id, at: now() }));
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(err.phrase);
        throw err;
      }
    },

    async listGrading(id: string) {
      await programme(id);
      return (await listGrading(db, id)).map(gradingView);
    },

    /** A new version of the grants: it applies to admissions from now on; members admitted before keep theirs. */
    async publishGrants(actor: Actor, id: string, grants: () => GrantValues[]) {
      await programme(id);
      try {
        return await publishGrants(db, { programmeId: id, grants: grants(), publishedBy: actor.id, at: now() });
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(err.phrase);
        throw err;
      }
    },

    /** Every version of the grants, oldest first. */
    async listGrants(id: string) {
      await programme(id);
      const rows = await db.programmeGrant.findMany({ where: { programmeId: id }, orderBy: [{ version: 'asc' }, { kind: 'asc' }] });
      const versions = new Map<number, { version: number; publishedAt: string; publishedBy: string; grants: GrantValues[] }>();
      for (const r of rows) {
        const v = versions.get(r.version) ?? { version: r.version, publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy, grants: [] };
        if (r.kind !== 'none') v.grants.push({ kind: r.kind as GrantValues['kind'], basis: r.basis as GrantValues['basis'], amountFen: r.amountFen, ...(r.months ? { months: r.months } : {}) });
        versions.set(r.version, v);
      }
      return [...versions.values()];
    },

    /** Starts `assessment-<membershipId>`; refused while the talent is barred or already a member. */
    async admit(actor: Actor, programmeId: string, b: z.infer<typeof s.admitBody>) {
      try {
        const m = await admitTalent({ db, temporal, taskQueue }, { programmeId, ...b, admittedBy: actor.id, at: now() });
        return { id: m.membershipId, workflowId: m.workflowId, programmeId, intake: m.intake, stage: 'admitted' };
      } catch (err) {
        if (err instanceof AdmissionRefused) throw new HttpProblem(err.status, err.phrase);
        throw err;
      }
    },
  };
}
