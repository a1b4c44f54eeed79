/**
 * The plant twin's public face: builds the plant from the catalogue and hands each request to the module
 * that owns it (clock.ts steps time, commands.ts changes machines, orders.ts plans work, …). The state
 * itself lives in one TwinState (runtime.ts) that those modules take explicitly.
 */
import { AppError } from '../../../lib/errors';
import { AlarmBook } from '../alarm-book';
import { INITIAL_ORDERS, LINES, MACHINES, type LineId } from '../catalogue';
import type { PackmlCommand, PackmlState } from '../packml';
import { SeededRandom } from '../random';
import {
  TwinOptions,
  type AlarmRecord,
  type CommandResult,
  type NewOrder,
  type OrderSnapshot,
  type TagValue,
  type TwinEventListener,
  type TwinSnapshot,
} from '../twin-types';
import { injectFault } from './alarms';
import { step } from './clock';
import { giveCommand, performMaintenance, setSpeed, writeSetpoint } from './commands';
import { createMachine } from './machine-setup';
import { refreshCommonValues } from './machine-state';
import { setMaterialLevel } from './materials';
import { addOrder, insertOrder, loadOrderSequence, orderSnapshot } from './orders';
import { requireMachine, type RefillGate, type TwinState } from './runtime';
import { twinSnapshot } from './snapshot';

export class PlantTwin {
  readonly seed: number;
  readonly startTimeMs: number;
  private readonly listeners = new Set<TwinEventListener>();
  private readonly state: TwinState;

  constructor(options: TwinOptions) {
    const parsed = TwinOptions.parse(options);
    this.seed = parsed.seed;
    this.startTimeMs = parsed.startTime.getTime();
    if (!Number.isFinite(this.startTimeMs)) throw new AppError('invalid_argument', 'The twin needs a valid startTime.');
    const emit: TwinState['emit'] = (event) => {
      for (const listener of [...this.listeners]) listener(event);
    };
    const twin: TwinState = {
      options: parsed,
      startTimeMs: this.startTimeMs,
      random: new SeededRandom(this.seed),
      alarmBook: new AlarmBook(emit),
      machines: new Map(),
      lines: new Map(),
      orders: new Map(),
      elapsedMs: 0,
      refillGate: undefined,
      emit,
    };
    this.state = twin;

    for (const order of INITIAL_ORDERS) insertOrder(twin, { ...order, dueAt: new Date(this.startTimeMs + order.dueAfterStartH * 3_600_000).toISOString() });
    for (const definition of MACHINES) twin.machines.set(definition.id, createMachine(definition, twin.random));
    for (const definition of LINES) {
      twin.lines.set(definition.id, {
        definition,
        machines: definition.machineIds.map((id) => twin.machines.get(id)!),
        buffers: definition.machineIds.slice(1).map(() => []),
        sequence: INITIAL_ORDERS.filter((order) => order.lineId === definition.id).map((order) => order.id),
      });
    }
    for (const machine of twin.machines.values()) refreshCommonValues(twin, machine);
  }

  // ── time ──────────────────────────────────────────────────────────────────────────────────────

  /** Simulated time now. */
  now(): Date {
    return new Date(this.startTimeMs + this.state.elapsedMs);
  }

  /** Advances simulated time by `dtMs` (any size; internally in sub-steps of at most 1 s). */
  step(dtMs: number): void {
    step(this.state, dtMs);
  }

  // ── events ────────────────────────────────────────────────────────────────────────────────────

  /** Calls `listener` synchronously for every event; returns the function that unsubscribes. */
  onEvent(listener: TwinEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────

  snapshot(): TwinSnapshot {
    return twinSnapshot(this.state, this.seed);
  }

  /** One tag's current value; throws not_found for an unknown machine or tag. */
  readValue(machineId: string, tagId: string): TagValue {
    const machine = requireMachine(this.state, machineId);
    if (!machine.tagById.has(tagId)) {
      throw new AppError('not_found', `Machine ${machineId} has no tag ${tagId}. See the twin catalogue for its tags.`);
    }
    return machine.values[tagId];
  }

  machineState(machineId: string): PackmlState {
    return requireMachine(this.state, machineId).state;
  }

  /** Active, unshelved alarms of a machine, highest priority first. */
  activeAlarms(machineId: string): AlarmRecord[] {
    requireMachine(this.state, machineId);
    return this.state.alarmBook.activeFor(machineId);
  }

  // ── commands (commands.ts) ────────────────────────────────────────────────────────────────────

  /** Gives a PackML command; refuses (AppError conflict) one the state model does not allow now. */
  command(machineId: string, command: PackmlCommand): CommandResult {
    return giveCommand(this.state, machineId, command);
  }

  /** Sets a machine's speed in percent of rated speed (10–100). */
  setSpeed(machineId: string, speedPct: number): { machineId: string; speedPct: number; previousSpeedPct: number } {
    return setSpeed(this.state, machineId, speedPct);
  }

  /**
   * Writes a setpoint tag. Refuses unknown tags (not_found), read-only tags and values outside the
   * tag's EURange (invalid_argument with details.reason 'not_writable' | 'out_of_range').
   */
  writeSetpoint(machineId: string, tagId: string, value: number): { machineId: string; tagId: string; value: number; previousValue: number } {
    return writeSetpoint(this.state, machineId, tagId, value);
  }

  /** Replaces worn parts: wear back to 0 (and an ICT fixture's probes). The machine must not be running. */
  performMaintenance(machineId: string): { machineId: string; asset: string } {
    return performMaintenance(this.state, machineId);
  }

  // ── material (materials.ts) ───────────────────────────────────────────────────────────────────

  /** Lets a material model veto feeder refills (no parts line-side, no refill); undefined removes it. */
  setRefillGate(gate: RefillGate | undefined): void {
    this.state.refillGate = gate;
  }

  /** Sets a material level (a person refilling, or a scenario setting up a shortage). */
  setMaterialLevel(machineId: string, tagId: string, levelPct: number): void {
    setMaterialLevel(this.state, machineId, tagId, levelPct);
  }

  // ── alarms (alarms.ts, alarm-book.ts) ─────────────────────────────────────────────────────────

  /** Raises a catalogue fault (random kind) now, repaired after `repairMs` (default: drawn from MTTR). */
  injectFault(machineId: string, code: string, repairMs?: number): AlarmRecord {
    return injectFault(this.state, machineId, code, repairMs);
  }

  acknowledgeAlarm(id: string): AlarmRecord {
    return this.state.alarmBook.acknowledge(id, this.now().toISOString());
  }

  shelveAlarm(id: string, durationMs: number): AlarmRecord {
    if (!Number.isFinite(durationMs) || durationMs <= 0 || durationMs > 24 * 3_600_000) {
      throw new AppError('invalid_argument', `Shelve an alarm for 1 ms to 24 h, got ${durationMs} ms.`);
    }
    return this.state.alarmBook.shelve(id, this.startTimeMs + this.state.elapsedMs + durationMs, this.now().toISOString());
  }

  unshelveAlarm(id: string): AlarmRecord {
    return this.state.alarmBook.unshelve(id, this.now().toISOString());
  }

  // ── orders (orders.ts) ────────────────────────────────────────────────────────────────────────

  orderList(): OrderSnapshot[] {
    return [...this.state.orders.values()].map((order) => orderSnapshot(order));
  }

  /** Adds a production order; with `lineId` it is appended to that line's sequence. */
  addOrder(input: NewOrder): OrderSnapshot {
    return addOrder(this.state, input);
  }

  /**
   * Releases a new order sequence to a line (what a scheduler does). Orders keep their progress; an
   * order moved from another line leaves that line's sequence. Completed or unknown orders are refused.
   */
  loadOrderSequence(lineId: string, orderIds: readonly string[]): { lineId: LineId; orderSequence: string[] } {
    return loadOrderSequence(this.state, lineId, orderIds);
  }
}
