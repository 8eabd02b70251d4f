import type { Phrase } from '../../../domain/words/say';

/** The action that moved a case into a stage: recorded with the move that opens it. */
export interface Cause {
  actorId: string;
  action: string;
  note?: string;
  why?: Phrase[];
  detail?: Record<string, unknown>;
}
