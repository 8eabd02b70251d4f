// Turns a workflow's refusal of an update into the matching HTTP problem.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE } from '../workflows/shared/failures';
import { badRequest, conflict, forbidden } from './problem';

export async function runUpdate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const reason = err.cause.message;
      if (err.cause.type === FAILURE.forbidden) throw forbidden(reason);
      if (err.cause.type === FAILURE.conflict) throw conflict(reason);
      if (err.cause.type === FAILURE.invalid) throw badRequest(reason);
    }
    throw err;
  }
}
