// Organisations as administrators keep them: employers, talent service centres, industry bodies
// and the authority, whether a private enterprise (绿色通道) and the district they are in. Each
// write is logged with its reason (records/admin-changes.ts).
import type { Db, Prisma } from '../prisma/client';
import { AdminRefused, changed, logChange, notFound, type ChangedBy } from './admin-changes';

type OrganisationRow = NonNullable<Awaited<ReturnType<Db['organisation']['findUnique']>>>;

export interface OrganisationFields {
  name: string;
  kind: string;
  privateEnterprise: boolean;
  district: string | null;
}

const view = (o: OrganisationRow) => ({ id: o.id, name: o.name, kind: o.kind, privateEnterprise: o.privateEnterprise, district: o.district, createdAt: o.createdAt.toISOString() });
const fields = (o: OrganisationRow): OrganisationFields => ({ name: o.name, kind: o.kind, privateEnterprise: o.privateEnterprise, district: o.district });

export interface OrganisationFilter {
  kind?: string | undefined;
  district?: string | undefined;
  privateEnterprise?: boolean | undefined;
}

export async function listOrganisations(db: Db, f: OrganisationFilter, page: { skip: number; take: number }) {
  const where: Prisma.OrganisationWhereInput = {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.district ? { district: f.district } : {}),
    ...(f.privateEnterprise !== undefined ? { privateEnterprise: f.privateEnterprise } : {}),
  };
  const [rows, total] = await Promise.all([db.organisation.findMany({ where, orderBy: { id: 'asc' }, ...page }), db.organisation.count({ where })]);
  return { items: rows.map(view), total };
}

export async function getOrganisation(db: Db, id: string) {
  const o = await db.organisation.findUnique({ where: { id } });
  if (!o) throw notFound(`organisation ${id}`);
  return view(o);
}

export async function addOrganisation(db: Db, o: OrganisationFields & { id: string }, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    if (await tx.organisation.findUnique({ where: { id: o.id } })) throw new AdminRefused(409, `organisation ${o.id} exists already`, 'body.id');
    const row = await tx.organisation.create({ data: { ...o, createdAt: by.at } });
    await logChange(tx, by, { resource: 'organisation', resourceId: o.id, action: 'add', after: fields(row) });
    return view(row);
  });
}

/** Changes the given fields; the log keeps those that changed, before and after. */
export async function editOrganisation(db: Db, id: string, patch: Partial<OrganisationFields>, by: ChangedBy) {
  return db.$transaction(async (tx) => {
    const o = await tx.organisation.findUnique({ where: { id } });
    if (!o) throw notFound(`organisation ${id}`);
    const row = await tx.organisation.update({ where: { id }, data: patch });
    const { before, after } = changed(fields(o), fields(row));
    await logChange(tx, by, { resource: 'organisation', resourceId: id, action: 'edit', before, after });
    return view(row);
  });
}

