// Users as administrators keep them: name, e-mail, the language of their mail, their organisation
// and their roles. Each write is logged with its reason (records/admin-changes.ts). The last
// administrator keeps the role; a serving expert keeps the expert role until suspended or ended.
import { isDriverAdapterError } from '@prisma/driver-adapter-utils';
import { Prisma, type Db, type DbTx } from '../prisma/client';
import type { Role } from '../domain/types';
import { AdminRefused, changed, logChange, notFound, type ChangedBy } from './admin-changes';

type UserRow = NonNullable<Awaited<ReturnType<Db['user']['findUnique']>>> & { roles: { role: string }[] };

export interface UserFields {
  name: string;
  email: string;
  locale: string;
  organisationId: string | null;
}

const fields = (u: UserRow): UserFields => ({ name: u.name, email: u.email, locale: u.locale, organisationId: u.organisationId });
const view = (u: UserRow) => ({ id: u.id, ...fields(u), roles: u.roles.map((r) => r.role).sort(), createdAt: u.createdAt.toISOString() });
const withRoles = { roles: { select: { role: true } } } as const;

export const findUser = (db: Db, id: string) => db.user.findUnique({ where: { id } });

export interface UserFilter {
  role?: string | undefined;
  organisationId?: string | undefined;
  /** A part of the name, the e-mail or the id. */
  q?: string | undefined;
}

export async function listUsers(db: Db, f: UserFilter, page: { skip: number; take: number }) {
  const where: Prisma.UserWhereInput = {
    ...(f.role ? { roles: { some: { role: f.role } } } : {}),
    ...(f.organisationId ? { organisationId: f.organisationId } : {}),
    ...(f.q ? { OR: [{ id: { contains: f.q } }, { name: { contains: f.q } }, { email: { contains: f.q } }] } : {}),
  };
  const [rows, total] = await Promise.all([db.user.findMany({ where, include: withRoles, orderBy: { id: 'asc' }, ...page }), db.user.count({ where })]);
  return { items: rows.map(view), total };
}

export async function getUser(db: Db | DbTx, id: string) {
  const u = await db.user.findUnique({ where: { id }, include: withRoles });
  if (!u) throw notFound(`user ${id}`);
  return view(u);
}

async function checkFields(tx: DbTx, id: string, f: Partial<UserFields>) {
  if (f.email !== undefined) {
    const holder = await tx.user.findUnique({ where: { email: f.email } });
    if (holder && holder.id !== id) throw new AdminRefused(409, `the e-mail ${f.email} is another user's`, 'body.email');
  }
  if (f.organisationId && !(await tx.organisation.findUnique({ where: { id: f.organisationId } }))) {
    throw new AdminRefused(400, `no organisation ${f.organisationId}`, 'body.organisationId');
  }
}

export async function addUser(db: Db, u: UserFields & { id: string; roles: Role[] }, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { id: u.id } })) throw new AdminRefused(409, `user ${u.id} exists already`, 'body.id');
    const { roles, ...rest } = u;
    await checkFields(tx, u.id, rest);
    const row = await tx.user.create({ data: { ...rest, createdAt: by.at, roles: { create: [...new Set(roles)].map((role) => ({ role })) } }, include: withRoles });
    await logChange(tx, by, { resource: 'user', resourceId: u.id, action: 'add', after: { ...fields(row), roles: view(row).roles } });
    return view(row);
  });
}

/**
 * Changes the given fields. An expert's copy of the name and e-mail follows; so does their
 * organisation (recusal reads it) when it was the user's.
 */
export async function editUser(db: Db, id: string, patch: Partial<UserFields>, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id }, include: withRoles });
    if (!u) throw notFound(`user ${id}`);
    await checkFields(tx, id, patch);
    const row = await tx.user.update({ where: { id }, data: patch, include: withRoles });
    const expert = await tx.expert.findUnique({ where: { id } });
    const followOrg = expert && row.organisationId && expert.organisationId === u.organisationId && row.organisationId !== u.organisationId;
    if (expert) await tx.expert.update({ where: { id }, data: { name: row.name, email: row.email, ...(followOrg ? { organisationId: row.organisationId! } : {}) } });
    const { before, after } = changed(fields(u), fields(row));
    await logChange(tx, by, { resource: 'user', resourceId: id, action: 'edit', before, after: { ...after, ...(followOrg ? { expertOrganisationId: row.organisationId } : {}) } });
    return view(row);
  });
}

export async function grantRole(db: Db, id: string, role: Role, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id }, include: withRoles });
    if (!u) throw notFound(`user ${id}`);
    if (u.roles.some((r) => r.role === role)) throw new AdminRefused(409, `${id} has the role ${role} already`);
    await tx.userRole.create({ data: { userId: id, role } });
    await logChange(tx, by, { resource: 'user', resourceId: id, action: 'grant-role', before: { roles: view(u).roles }, after: { roles: [...view(u).roles, role].sort() } });
    return getUser(tx, id);
  });
}

/**
 * Revokes a role. Never the last administrator's (checked in a serializable transaction, so two
 * administrators revoking each other at once cannot both succeed), nor a serving expert's.
 */
export async function revokeRole(db: Db, id: string, role: Role, by: ChangedBy) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          const u = await tx.user.findUnique({ where: { id }, include: withRoles });
          if (!u) throw notFound(`user ${id}`);
          if (!u.roles.some((r) => r.role === role)) throw new AdminRefused(409, `${id} does not have the role ${role}`);
          if (role === 'admin' && (await tx.userRole.count({ where: { role: 'admin' } })) <= 1) {
            throw new AdminRefused(409, `${id} is the last administrator: grant the role to someone else first`);
          }
          if (role === 'expert') {
            const x = await tx.expert.findUnique({ where: { id } });
            if (x?.active && x.termEndsOn > by.at) throw new AdminRefused(409, `${id} serves in the ${x.series} pool: suspend the expert or end the term first`);
          }
          await tx.userRole.delete({ where: { userId_role: { userId: id, role } } });
          const roles = view(u).roles;
          await logChange(tx, by, { resource: 'user', resourceId: id, action: 'revoke-role', before: { roles }, after: { roles: roles.filter((r) => r !== role) } });
          return getUser(tx, id);
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
      );
    } catch (err) {
      // Another transaction touched the same roles at once (PostgreSQL): run again on what it left.
      if (attempt < 3 && writeConflict(err)) continue;
      throw err;
    }
  }
}

/** PostgreSQL's serialization failure, as the driver adapter or the client reports it. */
const writeConflict = (err: unknown): boolean =>
  (err as { code?: unknown }).code === 'P2034' || (err instanceof Error && isDriverAdapterError(err) && err.cause.kind === 'TransactionWriteConflict');
