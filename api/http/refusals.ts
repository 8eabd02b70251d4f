// A refusal of the records' administrator writes (records/admin-changes.ts) as a problem detail:
// its status, its message, and the request field at fault.
import { AdminRefused } from '../../records/admin-changes';
import { HttpProblem } from '../problem';

const TITLES = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' } as const;

export async function refusedAsProblem<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AdminRefused) throw new HttpProblem(err.status, TITLES[err.status], err.message, err.field ? [{ path: err.field, message: err.message }] : undefined);
    throw err;
  }
}
