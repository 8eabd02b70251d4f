// Turns a workflow's refusal of an update into the matching HTTP problem, with the refusal's
// words (its phrase) for the caller's language.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE, phraseOf } from '../domain/failures';
import { phrase } from '../domain/words/say';
import { badRequest, conflict, forbidden } from './problem';

export async function runUpdate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      // A refusal from before the catalogue carries English text only: it is shown as it is.
      const reason = phraseOf(err.cause) ?? phrase('text', { text: err.cause.message });
      if (err.cause.type === FAILURE.forbidden) throw forbidden(reason);
      if (err.cause.type === FAILURE.conflict) throw conflict(reason);
      if (err.cause.type === FAILURE.invalid) throw badRequest(reason);
    }
    // The workflow has completed (the case ended, the meeting closed): nothing left to act on.
    if (err instanceof WorkflowNotFoundError) throw conflict(phrase('problem.process-ended'));
    throw err;
  }
}
