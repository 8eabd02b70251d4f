// A refusal of the records' administrator writes (records/admin-changes.ts) as a problem detail:
// its status, its message, and the request field at fault.
import { AdminRefused } from '../../records/admin-changes';
import { HttpProblem } from '../problem';
import { phrase } from '../../domain/words/say';

export async function refusedAsProblem<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AdminRefused) throw new HttpProblem(err.status, phrase('text', { text: err.message }), err.field ? [{ path: err.field, message: err.message }] : undefined);
    throw err;
  }
}
