import type { Db } from '../../prisma/client';
import { experts, organisations, standards, users } from './demo-data';
import { demoAppraisalPolicy } from '../../domain/appraisal/policy-defaults';
import { planV1 } from '../../domain/plan';
import { seedProgrammes } from './programme-data';

const DAY_MS = 86_400_000;

/**
 * Writes the demo data; running it again changes nothing. Its dates are relative to `now`, the
 * instant of seeding on the caller's clock: the policy and standards were published a year
 * before it, the experts' terms (≤ 3 years, DOMAIN §8) run three years after it.
 */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  const inForceFrom = new Date(now.getTime() - 365 * DAY_MS);
  for (const o of organisations) await db.organisation.upsert({ where: { id: o.id }, create: o, update: {} });
  for (const { roles, ...u } of users) {
    await db.user.upsert({ where: { id: u.id }, create: u, update: {} });
    for (const role of roles) {
      await db.userRole.upsert({ where: { userId_role: { userId: u.id, role } }, create: { userId: u.id, role }, update: {} });
    }
  }
  const termEndsOn = new Date(now.getTime() + 3 * 365 * DAY_MS);
  for (const x of experts) {
    await db.user.upsert({ where: { id: x.id }, create: { id: x.id, name: x.name, email: x.email, organisationId: x.organisationId }, update: {} });
    await db.userRole.upsert({ where: { userId_role: { userId: x.id, role: 'expert' } }, create: { userId: x.id, role: 'expert' }, update: {} });
    await db.expert.upsert({ where: { id: x.id }, create: { ...x, termEndsOn }, update: {} });
  }
  for (const s of standards) await db.standard.upsert({ where: { id: s.id }, create: { ...s, publishedAt: inForceFrom }, update: {} });
  await db.policy.upsert({
    where: { key_version: { key: 'appraisal', version: 1 } },
    create: { id: 'appraisal-v1', key: 'appraisal', version: 1, values: demoAppraisalPolicy as object, publishedAt: inForceFrom },
    update: {},
  });
  await db.policy.upsert({
    where: { key_version: { key: 'plan', version: 1 } },
    create: { id: 'plan-v1', key: 'plan', version: 1, values: planV1 as object, publishedAt: inForceFrom },
    update: {},
  });
  await seedProgrammes(db, inForceFrom);
}
