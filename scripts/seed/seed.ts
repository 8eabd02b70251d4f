import type { Db } from '../../prisma/client';
import { experts, organisations, standards, users } from './demo-data';
import { demoAppraisalPolicy } from './policy-data';
import { seedProgrammes } from './programme-data';

/** Writes the demo data; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  for (const o of organisations) await db.organisation.upsert({ where: { id: o.id }, create: o, update: {} });
  for (const { roles, ...u } of users) {
    await db.user.upsert({ where: { id: u.id }, create: u, update: {} });
    for (const role of roles) {
      await db.userRole.upsert({ where: { userId_role: { userId: u.id, role } }, create: { userId: u.id, role }, update: {} });
    }
  }
  const termEndsOn = new Date('2028-12-31T00:00:00Z');
  for (const x of experts) {
    await db.user.upsert({ where: { id: x.id }, create: { id: x.id, name: x.name, email: x.email, organisationId: x.organisationId }, update: {} });
    await db.userRole.upsert({ where: { userId_role: { userId: x.id, role: 'expert' } }, create: { userId: x.id, role: 'expert' }, update: {} });
    await db.expert.upsert({ where: { id: x.id }, create: { ...x, termEndsOn }, update: {} });
  }
  for (const s of standards) await db.standard.upsert({ where: { id: s.id }, create: s, update: {} });
  await db.policy.upsert({
    where: { key_version: { key: 'appraisal', version: 1 } },
    create: { id: 'appraisal-v1', key: 'appraisal', version: 1, values: demoAppraisalPolicy as object, publishedAt: new Date('2026-01-01T00:00:00Z') },
    update: {},
  });
  await seedProgrammes(db);
}
