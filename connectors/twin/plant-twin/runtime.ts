/**
 * The twin's mutable state, shared by the modules of the simulation: every machine, line and order as
 * it runs, the simulated clock and the one random stream. Each module takes this state explicitly;
 * none of them keeps state of its own.
 */
import { AppError } from '../../../lib/errors';
import type { AlarmBook } from '../alarm-book';
import {
  MACHINES,
  PRODUCTS,
  type AlarmDefinition,
  type DegradationProfile,
  type LineDefinition,
  type LineId,
  type MachineDefinition,
  type ProductDefinition,
  type TagDefinition,
} from '../catalogue';
import type { WearState } from '../degradation';
import type { PackmlState } from '../packml';
import type { SeededRandom } from '../random';
import type { OrderSnapshot, TagValue, TwinEvent, TwinOptions } from '../twin-types';

export interface Board {
  orderId: string;
  productId: string;
}

export interface MaterialSpec {
  tagId: string;
  lowPct: number;
  /** Level used per board, in percent; for feeders it depends on the product. */
  perBoardPct: (product: ProductDefinition) => number;
}

export interface MachineRuntime {
  definition: MachineDefinition;
  tags: readonly TagDefinition[];
  tagById: Map<string, TagDefinition>;
  alarms: readonly AlarmDefinition[];
  values: Record<string, TagValue>;
  state: PackmlState;
  stateEnteredMs: number;
  speedPct: number;
  board: Board | null;
  boardFinished: boolean;
  workS: number;
  waitingMs: number;
  goodCount: number;
  scrapCount: number;
  orderId: string;
  productId: string;
  energyKwh: number;
  runningHours: number;
  nextFailureAtRunningHours: Map<string, number>;
  repairRemainingMs: Map<string, number>;
  refillRemainingMs: Map<string, number>;
  materials: MaterialSpec[];
  degradation?: { profile: DegradationProfile; state: WearState };
  /** The simulated operator brings the machine back to Execute once its faults are gone. */
  resumeAfterFault: boolean;
}

export interface OrderRuntime extends OrderSnapshot {
  nextMilestonePct: number;
}

export interface LineRuntime {
  definition: LineDefinition;
  machines: MachineRuntime[];
  buffers: Board[][];
  sequence: string[];
}

/** Asked before a feeder is refilled (the material twin says no when the supermarket is out of the part). */
export type RefillGate = (machineId: string, tagId: string, productId: string) => boolean;

export interface TwinState {
  readonly options: ReturnType<typeof TwinOptions.parse>;
  readonly startTimeMs: number;
  readonly random: SeededRandom;
  readonly alarmBook: AlarmBook;
  readonly machines: Map<string, MachineRuntime>;
  readonly lines: Map<LineId, LineRuntime>;
  readonly orders: Map<string, OrderRuntime>;
  /** Simulated time since startTimeMs. */
  elapsedMs: number;
  refillGate: RefillGate | undefined;
  /** Hands an event to every listener, synchronously. */
  emit: (event: TwinEvent) => void;
}

export const PRODUCT_BY_ID = new Map(PRODUCTS.map((product) => [product.id, product]));

/** Simulated time now, as an ISO string. */
export function isoNow(twin: TwinState): string {
  return new Date(twin.startTimeMs + twin.elapsedMs).toISOString();
}

export function requireMachine(twin: TwinState, machineId: string): MachineRuntime {
  const machine = twin.machines.get(machineId);
  if (!machine) {
    throw new AppError('not_found', `Unknown machine ${machineId}. Machines: ${MACHINES.map((m) => m.id).join(', ')}.`);
  }
  return machine;
}

/** Seconds per board for the product the machine works on, at its current speed. */
export function cycleTimeS(machine: MachineRuntime): number {
  const product = PRODUCT_BY_ID.get(machine.productId) ?? PRODUCTS[0];
  const step = product.routing.find((routingStep) => routingStep.machineType === machine.definition.type);
  return (step?.cycleTimeS ?? 20) / (machine.speedPct / 100);
}
