// A committee's rules as policy data (DOMAIN §1.4, §8), with DOMAIN's floors: an odd committee, a
// review panel (评议组) of none or at least 3, quorum and pass each at least 2/3. A case pins them
// with its appraisal policy; a meeting keeps the rules of the case that started it.
import { z } from 'zod';

/** A ratio compared with integer math only: `part * den >= whole * num`. */
const fraction = z.object({ num: z.number().int().min(1), den: z.number().int().min(1) }).refine((f) => f.num <= f.den, 'quorum and pass must be fractions num/den with 0 < num ≤ den');
export type Fraction = z.infer<typeof fraction>;

/** DOMAIN §1.4: quorum ≥ 2/3 of the members, pass ≥ 2/3 of those present. */
const TWO_THIRDS = { num: 2, den: 3 };
const atLeastTwoThirds = fraction.refine((f) => f.num * TWO_THIRDS.den >= f.den * TWO_THIRDS.num, 'at least 2/3 (DOMAIN §1.4)');

export const meetingRulesSchema = z
  .object({
    /** Committee members; odd. */
    size: z.number().int().min(1).max(99).refine((n) => n % 2 === 1, 'committee size must be odd'),
    /** Seats of the review panel (评议组): 0 = none, else at least 3 and at most `size`. */
    panelSize: z.number().int().min(0),
    /** Share of members that must be present before voting opens (≥ 2/3). */
    quorum: atLeastTwoThirds,
    /** Share of yes votes among the experts present that passes a case (≥ 2/3). */
    pass: atLeastTwoThirds,
    /** How long after the meeting starts quorum may be reached before the admin is called. */
    checkInHours: z.number().positive().max(24 * 30),
    /** How long voting stays open once quorum is reached. */
    votingHours: z.number().positive().max(24 * 30),
  })
  .refine((r) => r.panelSize === 0 || (r.panelSize >= 3 && r.panelSize <= r.size), { path: ['panelSize'], message: 'panel size must be 0 or between 3 and the committee size' });

/** Policy data pinned by the case that starts the meeting; no number here is a literal in code. */
export type MeetingRules = z.infer<typeof meetingRulesSchema>;
