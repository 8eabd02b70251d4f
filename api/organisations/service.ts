// Use-cases of organisations for administrators, through records/organisations.ts (logged with
// their reason); refusals become problem details naming the field.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { addOrganisation, editOrganisation, getOrganisation, listOrganisations } from '../../records/organisations';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { skipTake } from '../http/paging';
import { refusedAsProblem } from '../http/refusals';
import type * as s from './schemas';

type Body<S extends z.ZodType> = () => z.infer<S>;

export function organisationsService({ db, now }: ApiDeps) {
  const by = (actor: Actor, reason: string) => ({ actorId: actor.id, reason, at: now() });
  return {
    list: (q: z.infer<typeof s.organisationListQuery>) => listOrganisations(db, q, skipTake(q)),
    get: (id: string) => refusedAsProblem(() => getOrganisation(db, id)),
    add(actor: Actor, body: Body<typeof s.addOrganisationBody>) {
      const { reason, id, district, ...o } = body();
      return refusedAsProblem(() => addOrganisation(db, { ...o, id: id ?? `org-${randomUUID()}`, district: district ?? null }, by(actor, reason)));
    },
    edit(actor: Actor, id: string, body: Body<typeof s.editOrganisationBody>) {
      const { reason, ...patch } = body();
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return refusedAsProblem(() => editOrganisation(db, id, defined, by(actor, reason)));
    },
  };
}
