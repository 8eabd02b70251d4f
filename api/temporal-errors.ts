// Turns a workflow's refusal of an update into the matching HTTP problem.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE } from '../domain/failures';
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
    // The workflow has completed (the case ended, the meeting closed): nothing left to act on.
    if (err instanceof WorkflowNotFoundError) throw conflict('this process has ended and takes no further actions');
    throw err;
  }
}
