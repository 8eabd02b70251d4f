// Failure types an update validator throws; the API maps each to an HTTP status.
import { ApplicationFailure } from '@temporalio/common';

export const FAILURE = {
  forbidden: 'Forbidden',
  conflict: 'Conflict',
  invalid: 'InvalidRequest',
} as const;

export const forbidden = (message: string) =>
  ApplicationFailure.create({ type: FAILURE.forbidden, message, nonRetryable: true });
export const conflict = (message: string) =>
  ApplicationFailure.create({ type: FAILURE.conflict, message, nonRetryable: true });
export const invalid = (message: string) =>
  ApplicationFailure.create({ type: FAILURE.invalid, message, nonRetryable: true });
