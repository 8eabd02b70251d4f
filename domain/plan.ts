// The district plan's indicators as policy data (seed text, 十四五 targets): what administrators
// watch the counts against (DOMAIN §7). The targets are the plan's, versioned like any policy; what
// each indicator counts is code (api/admin/statistics.ts).
import { z } from 'zod';

export const INDICATOR_KEYS = ['new-high-level-talents', 'new-leading-talents', 'direct-track-titles', 'green-channel-titles'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const planSchema = z.object({
  /** Per indicator, the plan's target for the period (0: monitored, no target) and its unit. */
  indicators: z.object(
    Object.fromEntries(INDICATOR_KEYS.map((k) => [k, z.object({ target: z.number().int().min(0), unit: z.string().trim().min(1).max(10) })])) as Record<
      IndicatorKey,
      z.ZodObject<{ target: z.ZodNumber; unit: z.ZodString }>
    >,
  ),
});
export type Plan = z.infer<typeof planSchema>;

/** The plan's targets as the seed text states them. */
export const planV1: Plan = {
  indicators: {
    'new-high-level-talents': { target: 50, unit: '人' },
    'new-leading-talents': { target: 100, unit: '人' },
    'direct-track-titles': { target: 0, unit: '人' },
    'green-channel-titles': { target: 0, unit: '人' },
  },
};
