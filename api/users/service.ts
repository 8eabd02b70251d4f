// Use-cases of users for administrators, through records/users.ts (logged with their reason);
// refusals become problem details naming the field.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { addUser, editUser, getUser, grantRole, listUsers, revokeRole } from '../../records/users';
import type { Actor, Role } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { skipTake } from '../http/paging';
import { refusedAsProblem } from '../http/refusals';
import type * as s from './schemas';

type Body<S extends z.ZodType> = () => z.infer<S>;

export function usersService({ db, now }: ApiDeps) {
  const by = (actor: Actor, reason: string) => ({ actorId: actor.id, reason, at: now() });
  return {
    list: (q: z.infer<typeof s.userListQuery>) => listUsers(db, { role: q.role, organisationId: q.organisation, q: q.q }, skipTake(q)),
    get: (id: string) => refusedAsProblem(() => getUser(db, id)),
    add(actor: Actor, body: Body<typeof s.addUserBody>) {
      const { reason, id, organisationId, ...u } = body();
      return refusedAsProblem(() => addUser(db, { ...u, id: id ?? `u-${randomUUID()}`, organisationId: organisationId ?? null }, by(actor, reason)));
    },
    edit(actor: Actor, id: string, body: Body<typeof s.editUserBody>) {
      const { reason, ...patch } = body();
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return refusedAsProblem(() => editUser(db, id, defined, by(actor, reason)));
    },
    grantRole(actor: Actor, id: string, body: Body<typeof s.grantRoleBody>) {
      const { reason, role } = body();
      return refusedAsProblem(() => grantRole(db, id, role, by(actor, reason)));
    },
    revokeRole(actor: Actor, id: string, role: Role, body: Body<typeof s.reasonBody>) {
      const { reason } = body();
      return refusedAsProblem(() => revokeRole(db, id, role, by(actor, reason)));
    },
  };
}
