// The last administrator keeps the role even when two administrators revoke each other's at the
// same instant: the check runs in a serializable transaction, on both providers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminRefused } from '../../records/admin-changes';
import { revokeRole } from '../../records/users';
import type { PrismaClient } from '../../prisma/client';
import { providers, type TestDb } from '../support/db';

describe.each(providers)('revoking administrators at once on $name', ({ fresh, skip }) => {
  let db: TestDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    if (skip) return;
    db = await fresh();
    prisma = db.prisma;
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it.skipIf(skip)('leaves exactly one administrator, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [`u-a-${round}`, `u-b-${round}`];
      await prisma.userRole.deleteMany({ where: { role: 'admin' } });
      for (const id of [a, b]) await prisma.user.create({ data: { id, name: id, email: `${id}@admins.test`, roles: { create: [{ role: 'admin' }] } } });
      const at = new Date('2026-12-03T02:00:00.000Z');
      const results = await Promise.allSettled([revokeRole(prisma, a, 'admin', { actorId: b, reason: '岗位调整', at }), revokeRole(prisma, b, 'admin', { actorId: a, reason: '岗位调整', at })]);
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as unknown);
      expect(refused, `round ${round}`).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(AdminRefused);
      expect(refused[0]).toMatchObject({ status: 409 });
      expect(await prisma.userRole.count({ where: { role: 'admin' } })).toBe(1);
      expect(await prisma.adminChange.count({ where: { action: 'revoke-role', resourceId: { in: [a, b] } } })).toBe(1);
    }
  });
});
