/**
 * The downtime Pareto of a shift: stop minutes per cause (the alarm that stopped the machine, or
 * the stop state when no alarm was recorded), largest first, with the cumulative share. Pure.
 */
import { z } from 'zod';
import type { DowntimeInterval } from './report-types';

export const DowntimeCause = z.object({
  /** Alarm code, or the stop state (e.g. "Held") when no alarm was recorded. */
  cause: z.string(),
  label: z.string(),
  minutes: z.number(),
  stops: z.number().int(),
  cumulativePct: z.number(),
});
export type DowntimeCause = z.infer<typeof DowntimeCause>;

const MAX_CAUSES = 8;

export function downtimePareto(downtime: readonly DowntimeInterval[]): DowntimeCause[] {
  const byCause = new Map<string, { label: string; ms: number; stops: number }>();
  for (const interval of downtime) {
    const cause = interval.cause?.code ?? interval.stopState;
    const label = interval.cause ? `${interval.cause.code} ${interval.cause.message}` : `${interval.stopState}, no alarm recorded`;
    const entry = byCause.get(cause) ?? { label, ms: 0, stops: 0 };
    entry.ms += interval.durationMs;
    entry.stops += 1;
    byCause.set(cause, entry);
  }
  const sorted = [...byCause.entries()].sort((a, b) => b[1].ms - a[1].ms || a[0].localeCompare(b[0]));
  const totalMs = sorted.reduce((sum, [, entry]) => sum + entry.ms, 0);
  let runningMs = 0;
  return sorted.slice(0, MAX_CAUSES).map(([cause, entry]) => {
    runningMs += entry.ms;
    return {
      cause,
      label: entry.label,
      minutes: Math.round((entry.ms / 60_000) * 10) / 10,
      stops: entry.stops,
      cumulativePct: totalMs > 0 ? Math.round((runningMs / totalMs) * 1000) / 10 : 0,
    };
  });
}
