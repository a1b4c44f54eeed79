/**
 * The production facts every figure is computed from — the window, the lines' layout, counter
 * increases, product segments, plans and state times — shared by the KPI engine, the plant overview
 * and the handover, so each face reads the same shapes.
 */
import { z } from 'zod';
import type { Source } from '../../sources';

export const ReportWindow = z.object({
  from: z.string(),
  to: z.string(),
  /** The shift's name and label, or 'custom' for a window that is not one shift. */
  shift: z.string(),
  shiftLabel: z.string(),
  timeZone: z.string(),
});
export type ReportWindow = z.infer<typeof ReportWindow>;

export type LineLayout = { id: string; name: string; machineIds: string[]; outputMachineId: string };

export type CounterIncrease = {
  assetId: string;
  tagId: string;
  /** Sum of the counter's increases over the window; a drop (counter reset) counts from zero. */
  increase: number;
  samples: number;
  firstTime: string | null;
  lastTime: string | null;
};

export type ProductSegment = { lineId: string; productId: string | null; orderId: string | null; from: string; to: string };

export type LinePlan = { lineId: string; plannedUnits: number; basis: string; sources: Source[] };

export type StateTime = { assetId: string; executeMs: number; suspendedMs: number; downMs: number };
