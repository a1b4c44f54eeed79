/** What the read-only plant tools are built from. */
import type { Historian } from '@/connectors/historian/historian';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import type { Queryable } from '@/lib/db/db';
import type { ShiftCalendar } from '@/lib/shift-calendar';

/**
 * Tools read `plant` and `historian` on every call, so an object with getters (the app's tool
 * services, whose connection is replaced after a reconnect) always gives the current ones.
 */
export type PlantReadDeps = {
  plant: PlantConnection;
  historian: Historian;
  /** The historian's database, for shift figures computed in SQL exactly as the handover computes them (tools/kpis). */
  historianDb?: Queryable;
  /** Which site's rows in that database are this plant's (the historian key; default: the default site's). */
  historianSiteKey?: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The plant's shifts (PLANTPILOT_SHIFTS); default 06–14, 14–22, 22–06 Europe/Berlin. */
  shiftCalendar?: ShiftCalendar;
  /**
   * When each order of the current plan (the sequences loaded on the lines) starts and ends, as the scheduler
   * computes it; absent where the plant has no scheduler. "When will PO-24118 be done" is answered from it.
   */
  plannedTimes?: () => Promise<ReadonlyMap<string, PlannedTimes>>;
};

export type PlannedTimes = { startAt: string; endAt: string; dueAt: string };

export const systemClock = () => new Date();
