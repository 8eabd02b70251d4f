// Workflow time: the one place workflow code reads it. Inside a workflow `new Date()` is the time
// of the current workflow task, the same on every replay; nothing here reads the machine's clock.
import type { Instant } from '../../domain/types';

/** Now, in workflow time. */
export const now = (): Instant => new Date().toISOString();

/** Milliseconds from now until `at`; at least 1, since a zero timeout means "no timeout" to condition(). */
export const msUntil = (at: Instant): number => Math.max(1, Date.parse(at) - new Date().getTime());

/** The last instant of a deadline's final day, so counting on starts the day after it. */
export const justBefore = (at: Instant): Instant => new Date(Date.parse(at) - 1).toISOString();
