/**
 * Plain-data shapes the twin hands out: snapshots, alarm records, orders and events. Everything here is
 * JSON-serialisable so a historian or test can store and compare it as is.
 */
import { z } from 'zod';
import type { AlarmPriority, AreaId, LineId, MachineType } from './catalogue';
import type { PackmlCommand, PackmlState } from './packml';

export type TagValue = number | string;

export type AlarmState = 'active' | 'acknowledged' | 'cleared' | 'shelved';

export interface AlarmRecord {
  /** `<machineId>/<code>`, e.g. `L1-RFL/E-214`. */
  id: string;
  machineId: string;
  code: string;
  text: string;
  /** Text plus the signal that raised it, e.g. `… (Feeder3.LevelPct = 0.0 %)`. */
  message: string;
  priority: AlarmPriority;
  stopsMachine: boolean;
  materialShortage: boolean;
  state: AlarmState;
  active: boolean;
  acknowledged: boolean;
  shelved: boolean;
  sourceTagId: string | null;
  activeSince: string | null;
  clearedAt: string | null;
  acknowledgedAt: string | null;
  shelvedUntil: string | null;
  lastChangeAt: string;
  occurrences: number;
}

export type OrderStatus = 'planned' | 'running' | 'complete';

export interface OrderSnapshot {
  id: string;
  productId: string;
  quantity: number;
  dueAt: string;
  priority: 1 | 2 | 3;
  lineId: LineId | null;
  status: OrderStatus;
  releasedCount: number;
  goodCount: number;
  scrapCount: number;
  startedAt: string | null;
  completedAt: string | null;
}

export interface MachineSnapshot {
  id: string;
  area: AreaId;
  type: MachineType;
  state: PackmlState;
  /** Every tag of the machine by tag id (see the catalogue). */
  values: Record<string, TagValue>;
  /** Wear of the rotating equipment, 0 (new) … 1 (failed); absent for machines without degradation. */
  wear?: number;
}

export interface LineSnapshot {
  id: LineId;
  orderSequence: string[];
  /** Boards waiting between consecutive machines (length = machines − 1). */
  bufferCounts: number[];
}

export interface TwinSnapshot {
  time: string;
  elapsedMs: number;
  seed: number;
  machines: Record<string, MachineSnapshot>;
  lines: LineSnapshot[];
  orders: OrderSnapshot[];
  alarms: AlarmRecord[];
}

export type AlarmTransition = 'raised' | 'cleared' | 'acknowledged' | 'shelved' | 'unshelved';

export type TwinEvent =
  | { kind: 'state-changed'; time: string; machineId: string; from: PackmlState; to: PackmlState; cause: string }
  | { kind: 'alarm'; time: string; transition: AlarmTransition; alarm: AlarmRecord }
  | { kind: 'order-progress'; time: string; lineId: LineId; order: OrderSnapshot; milestone: 'started' | 'progress' | 'completed' }
  | { kind: 'setpoint-changed'; time: string; machineId: string; tagId: string; value: number }
  | { kind: 'speed-changed'; time: string; machineId: string; speedPct: number }
  | { kind: 'maintenance'; time: string; machineId: string; asset: string }
  | { kind: 'material-refilled'; time: string; machineId: string; tagId: string };

export type TwinEventListener = (event: TwinEvent) => void;

export interface CommandResult {
  machineId: string;
  command: PackmlCommand;
  from: PackmlState;
  to: PackmlState;
}

export const TwinOptions = z.object({
  seed: z.number().int(),
  /** Simulated clock at t = 0. */
  startTime: z.union([z.date(), z.string().datetime({ offset: true })]).transform((value) => new Date(value)),
  /**
   * A simulated operator clears, resets and restarts machines after a fault is repaired or material is
   * refilled, restarts lines when new orders arrive, and calls maintenance on an asset that tripped on wear
   * after `maintenanceResponseMs`. Turn it off to drive every command yourself.
   */
  autoOperator: z.boolean().default(true),
  maintenanceResponseMs: z
    .number()
    .positive()
    .default(2 * 60 * 60 * 1000),
});
export type TwinOptions = z.input<typeof TwinOptions>;

export const NewOrder = z.object({
  id: z.string().regex(/^PO-\d{3,}$/, 'order ids look like PO-24125'),
  productId: z.string().min(1),
  quantity: z.number().int().positive().max(100_000),
  dueAt: z.string().datetime({ offset: true }),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  lineId: z.enum(['Line1', 'Line2']).optional(),
});
export type NewOrder = z.input<typeof NewOrder>;
