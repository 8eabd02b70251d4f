// How working days are counted in a deployment (config/env.ts decides).

/** How working days are counted: the mainland calendar, or (development only) compressed. */
export interface CalendarMode {
  /** One working day lasts this many milliseconds (TL_DEV_WORKING_DAY_SECONDS). */
  acceleratedWorkingDayMs?: number;
}
