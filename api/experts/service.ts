// Use-cases of the expert pool for administrators: each write goes through records/experts.ts,
// which logs it with its reason; refusals become problem details naming the field.
import type { z } from 'zod';
import { appointExpert, declareConflict, endExpertTerm, getExpert, listExperts, reinstateExpert, suspendExpert, withdrawConflict } from '../../records/experts';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { skipTake } from '../http/paging';
import { refusedAsProblem } from '../http/refusals';
import type * as s from './schemas';

type Body<S extends z.ZodType> = () => z.infer<S>;

export function expertsService({ db, now }: ApiDeps) {
  // The body is validated first: every route here is the administrator's, so a 400 leaks nothing.
  const by = (actor: Actor, reason: string) => ({ actorId: actor.id, reason, at: now() });
  const change = (write: typeof suspendExpert) => (actor: Actor, id: string, body: Body<typeof s.reasonBody>) => {
    const { reason } = body();
    return refusedAsProblem(() => write(db, id, by(actor, reason)));
  };

  return {
    list: (q: z.infer<typeof s.expertListQuery>) => listExperts(db, q, skipTake(q), now()),
    get: (id: string) => refusedAsProblem(() => getExpert(db, id, now())),
    appoint(actor: Actor, body: Body<typeof s.appointBody>) {
      const { reason, termEndsOn, ...a } = body();
      return refusedAsProblem(() => appointExpert(db, { ...a, termLastDay: termEndsOn }, by(actor, reason)));
    },
    suspend: change(suspendExpert),
    reinstate: change(reinstateExpert),
    endTerm: change(endExpertTerm),
    declareConflict(actor: Actor, id: string, body: Body<typeof s.conflictBody>) {
      const { reason, ...c } = body();
      return refusedAsProblem(() => declareConflict(db, id, c, by(actor, reason)));
    },
    withdrawConflict(actor: Actor, id: string, conflictId: string, body: Body<typeof s.reasonBody>) {
      const { reason } = body();
      return refusedAsProblem(() => withdrawConflict(db, id, conflictId, by(actor, reason)));
    },
  };
}
