// The demo talent programmes, and the assessment policy's defaults as version 1. `seedProgrammes`
// writes them idempotently (called by seed.ts).
import type { Db } from '../../prisma/client';
import { assessmentPolicyV1, gradingV1 } from '../../domain/assessment/policy-defaults';
import type { GrantValues } from '../../records/entitlements';

/** Version 1 of each programme's grants, in whole fen: 领军人才 an allowance, an apartment and a research grant. */
export const grants: Record<string, GrantValues[]> = {
  'leading-talent': [
    { kind: 'allowance', basis: 'monthly', amountFen: 800_000 },
    { kind: 'apartment', basis: 'in-kind', amountFen: 0 },
    { kind: 'grant', basis: 'lump-sum', amountFen: 50_000_000 },
  ],
  'youth-innovator': [
    { kind: 'allowance', basis: 'monthly', amountFen: 300_000 },
    { kind: 'apartment', basis: 'in-kind', amountFen: 0, months: 24 },
  ],
};

export const programmes = [
  { id: 'leading-talent', name: '领军人才', nameEn: 'Leading talents', talentType: 'leading', grading: gradingV1 },
  { id: 'youth-innovator', name: '青年创新英才', nameEn: 'Young innovators', talentType: 'youth', grading: gradingV1 },
  // Skills programmes grade against the standard only: no 优秀 quota.
  { id: 'chief-technician', name: '首席技师', nameEn: 'Chief technicians', talentType: 'chief-technician', grading: { ...gradingV1, excellentQuota: null } },
];

export async function seedProgrammes(db: Db, publishedAt: Date): Promise<void> {
  await db.policy.upsert({
    where: { key_version: { key: 'assessment', version: 1 } },
    create: { id: 'assessment-v1', key: 'assessment', version: 1, values: assessmentPolicyV1 as object, publishedAt },
    update: {},
  });
  for (const { grading, ...p } of programmes) {
    await db.programme.upsert({ where: { id: p.id }, create: p, update: {} });
    await db.programmeStandard.upsert({
      where: { programmeId_version: { programmeId: p.id, version: 1 } },
      create: { id: `${p.id}-v1`, programmeId: p.id, version: 1, rules: grading as object, publishedAt },
      update: {},
    });
    for (const g of grants[p.id] ?? []) {
      await db.programmeGrant.upsert({
        where: { programmeId_version_kind: { programmeId: p.id, version: 1, kind: g.kind } },
        create: { id: `${p.id}-grants-v1-${g.kind}`, programmeId: p.id, version: 1, ...g, publishedAt },
        update: {},
      });
    }
  }
}
