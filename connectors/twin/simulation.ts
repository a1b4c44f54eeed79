/**
 * The plant twin: a deterministic simulation of the SMT plant in the catalogue. `step(dtMs)` advances
 * simulated time in fixed sub-steps of at most one second; nothing here reads a clock, does I/O or uses
 * Math.random, so the same seed and the same calls give the same snapshots, bit for bit.
 *
 * Per sub-step: boards move along each line (buffers between machines, orders released at the printer
 * and counted good at packing), then every machine advances its PackML acting state, process values,
 * wear, random faults, material levels, alarms and energy, and the simulated operator reacts.
 */
import { AppError } from '../../lib/errors';
import { AlarmBook, alarmId, evaluateTrigger } from './alarm-book';
import {
  DEGRADATION,
  INITIAL_ORDERS,
  LINES,
  MACHINES,
  PRODUCTS,
  UTILITIES_AREA,
  alarmsForMachineType,
  tagsForMachine,
  type AlarmDefinition,
  type DegradationProfile,
  type LineDefinition,
  type LineId,
  type MachineDefinition,
  type ProductDefinition,
  type TagDefinition,
} from './catalogue';
import { initialWearState, resetWear, updateWear, type WearState } from './degradation';
import {
  ACTING_STATES,
  allowedPackmlCommands,
  packmlStateCode,
  packmlTransition,
  type PackmlCommand,
  type PackmlInternalEvent,
  type PackmlState,
} from './packml';
import { updateProcessValues } from './process-models';
import { feederBankPiecesPerBoard } from './material/parts-catalogue';
import { SeededRandom } from './random';
import { UNITS } from './units';
import {
  NewOrder,
  TwinOptions,
  type AlarmRecord,
  type CommandResult,
  type OrderSnapshot,
  type TagValue,
  type TwinEvent,
  type TwinEventListener,
  type TwinSnapshot,
} from './twin-types';

const MAX_SUBSTEP_MS = 1_000;
/** A machine in Execute with nothing to do for this long suspends (starved or blocked). */
const WAIT_BEFORE_SUSPEND_MS = 60_000;
/** A suspended machine resumes at once when work piles up, otherwise only after this long (avoids flapping). */
const MIN_SUSPENDED_MS = 60_000;
const SPEED_RANGE_PCT = { low: 10, high: 100 } as const;
/** Inspection machines reject boards; their share of a product's scrap rate. */
const SCRAP_SHARE: Partial<Record<string, number>> = {
  'solder-paste-inspection': 0.3,
  'automated-optical-inspection': 0.4,
  'in-circuit-test': 0.3,
};

interface Board {
  orderId: string;
  productId: string;
}

interface MaterialSpec {
  tagId: string;
  lowPct: number;
  /** Level used per board, in percent; for feeders it depends on the product. */
  perBoardPct: (product: ProductDefinition) => number;
}

interface MachineRuntime {
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

interface OrderRuntime extends OrderSnapshot {
  nextMilestonePct: number;
}

interface LineRuntime {
  definition: LineDefinition;
  machines: MachineRuntime[];
  buffers: Board[][];
  sequence: string[];
}

const PRODUCT_BY_ID = new Map(PRODUCTS.map((product) => [product.id, product]));

function materialsFor(definition: MachineDefinition, random: SeededRandom): MaterialSpec[] {
  switch (definition.type) {
    case 'stencil-printer':
      return [
        { tagId: 'SolderPasteLevelPct', lowPct: 15, perBoardPct: () => 0.25 },
        { tagId: 'WiperPaperPct', lowPct: 10, perBoardPct: () => 0.02 },
      ];
    case 'pick-and-place':
      return [1, 2, 3, 4].map((feeder) => {
        // Each feeder bank holds reels of a different size and feeds a different share of the parts.
        const reelParts = Math.round(random.uniform(15_000, 50_000));
        return {
          tagId: `Feeder${feeder}.LevelPct`,
          lowPct: 10,
          // The product's BOM decides how many parts this bank places per board (parts-catalogue.ts).
          perBoardPct: (product: ProductDefinition) => (feederBankPiecesPerBoard(product.id, feeder) / reelParts) * 100,
        };
      });
    case 'packing':
      return [
        { tagId: 'LabelStockPct', lowPct: 10, perBoardPct: () => 0.1 },
        { tagId: 'TrayStockPct', lowPct: 10, perBoardPct: () => 0.4 },
      ];
    default:
      return [];
  }
}

function initialValue(tag: TagDefinition, random: SeededRandom): TagValue {
  if (tag.dataType === 'String') return '';
  if (tag.dataType === 'UInt32') return 0;
  const range = tag.normalRange ?? tag.euRange ?? { low: 0, high: 0 };
  return (range.low + range.high) / 2 + (tag.normalRange ? random.normal(0, (range.high - range.low) / 20) : 0);
}

function defaultSetpoints(definition: MachineDefinition, product: ProductDefinition | undefined): Record<string, number> {
  const profile = product?.reflowProfileC ?? PRODUCTS[0].reflowProfileC;
  const setpoints: Record<string, number> = {
    SqueegeePressureSetpointN: 75,
    PrintSpeedSetpointMmPerS: 60,
    ConveyorSpeedSetpointMmPerS: 16,
    PressureSetpointBar: 6.5,
    SupplyTempSetpointC: 16,
  };
  if (definition.type === 'reflow-oven') profile.forEach((temperatureC, index) => (setpoints[`Zone${index + 1}.SetpointC`] = temperatureC));
  return setpoints;
}

export class PlantTwin {
  readonly seed: number;
  readonly startTimeMs: number;
  private readonly options: ReturnType<typeof TwinOptions.parse>;
  private readonly random: SeededRandom;
  private readonly listeners = new Set<TwinEventListener>();
  private readonly alarmBook: AlarmBook;
  private readonly machines = new Map<string, MachineRuntime>();
  private readonly lines = new Map<LineId, LineRuntime>();
  private readonly orders = new Map<string, OrderRuntime>();
  private elapsedMs = 0;
  /** Asked before a feeder is refilled (the material twin says no when the supermarket is out of the part). */
  private refillGate: ((machineId: string, tagId: string, productId: string) => boolean) | undefined;

  constructor(options: TwinOptions) {
    this.options = TwinOptions.parse(options);
    this.seed = this.options.seed;
    this.startTimeMs = this.options.startTime.getTime();
    if (!Number.isFinite(this.startTimeMs)) throw new AppError('invalid_argument', 'The twin needs a valid startTime.');
    this.random = new SeededRandom(this.seed);
    this.alarmBook = new AlarmBook((event) => this.emit(event));

    for (const order of INITIAL_ORDERS) this.insertOrder({ ...order, dueAt: new Date(this.startTimeMs + order.dueAfterStartH * 3_600_000).toISOString() });
    for (const definition of MACHINES) this.machines.set(definition.id, this.createMachine(definition));
    for (const definition of LINES) {
      this.lines.set(definition.id, {
        definition,
        machines: definition.machineIds.map((id) => this.machines.get(id)!),
        buffers: definition.machineIds.slice(1).map(() => []),
        sequence: INITIAL_ORDERS.filter((order) => order.lineId === definition.id).map((order) => order.id),
      });
    }
    for (const machine of this.machines.values()) this.refreshCommonValues(machine);
  }

  // ── time ──────────────────────────────────────────────────────────────────────────────────────

  /** Simulated time now. */
  now(): Date {
    return new Date(this.startTimeMs + this.elapsedMs);
  }

  /** Advances simulated time by `dtMs` (any size; internally in sub-steps of at most 1 s). */
  step(dtMs: number): void {
    if (!Number.isFinite(dtMs) || dtMs < 0) throw new AppError('invalid_argument', `step needs a non-negative duration in ms, got ${dtMs}.`);
    let remainingMs = dtMs;
    while (remainingMs > 0) {
      const subMs = Math.min(MAX_SUBSTEP_MS, remainingMs);
      remainingMs -= subMs;
      this.substep(subMs);
    }
  }

  // ── events ────────────────────────────────────────────────────────────────────────────────────

  /** Calls `listener` synchronously for every event; returns the function that unsubscribes. */
  onEvent(listener: TwinEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────

  snapshot(): TwinSnapshot {
    const machines: TwinSnapshot['machines'] = {};
    for (const machine of this.machines.values()) {
      machines[machine.definition.id] = {
        id: machine.definition.id,
        area: machine.definition.area,
        type: machine.definition.type,
        state: machine.state,
        values: { ...machine.values },
        ...(machine.degradation ? { wear: machine.degradation.state.wear } : {}),
      };
    }
    return {
      time: this.now().toISOString(),
      elapsedMs: this.elapsedMs,
      seed: this.seed,
      machines,
      lines: [...this.lines.values()].map((line) => ({
        id: line.definition.id,
        orderSequence: [...line.sequence],
        bufferCounts: line.buffers.map((buffer) => buffer.length),
      })),
      orders: [...this.orders.values()].map((order) => this.orderSnapshot(order)),
      alarms: this.alarmBook.all(),
    };
  }

  /** One tag's current value; throws not_found for an unknown machine or tag. */
  readValue(machineId: string, tagId: string): TagValue {
    const machine = this.requireMachine(machineId);
    if (!machine.tagById.has(tagId)) {
      throw new AppError('not_found', `Machine ${machineId} has no tag ${tagId}. See the twin catalogue for its tags.`);
    }
    return machine.values[tagId];
  }

  machineState(machineId: string): PackmlState {
    return this.requireMachine(machineId).state;
  }

  /** Active, unshelved alarms of a machine, highest priority first. */
  activeAlarms(machineId: string): AlarmRecord[] {
    this.requireMachine(machineId);
    return this.alarmBook.activeFor(machineId);
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────────────

  /** Gives a PackML command; refuses (AppError conflict) one the state model does not allow now. */
  command(machineId: string, command: PackmlCommand): CommandResult {
    const machine = this.requireMachine(machineId);
    const from = machine.state;
    const to = packmlTransition(from, command);
    if (!to) {
      const allowed = allowedPackmlCommands(from).join(', ') || 'none';
      throw new AppError('conflict', `${machineId} is ${from}; ${command} is not allowed in that state. Allowed now: ${allowed}.`, {
        details: { machineId, state: from, command, allowed: allowedPackmlCommands(from) },
      });
    }
    if (command === 'clear') {
      const blocking = this.activeStopAlarms(machine);
      if (blocking.length > 0) {
        throw new AppError(
          'conflict',
          `${machineId} cannot be cleared while ${blocking.map((a) => `${a.code} (${a.text})`).join(', ')} is active. Fix the cause first.`,
          {
            details: { machineId, activeAlarms: blocking.map((a) => a.code) },
          },
        );
      }
    }
    machine.resumeAfterFault = false;
    this.transition(machine, to, `command ${command}`);
    return { machineId, command, from, to };
  }

  /** Sets a machine's speed in percent of rated speed (10–100). */
  setSpeed(machineId: string, speedPct: number): { machineId: string; speedPct: number; previousSpeedPct: number } {
    const machine = this.requireMachine(machineId);
    if (!Number.isFinite(speedPct) || speedPct < SPEED_RANGE_PCT.low || speedPct > SPEED_RANGE_PCT.high) {
      throw new AppError('invalid_argument', `Speed ${speedPct} % is outside the allowed ${SPEED_RANGE_PCT.low}–${SPEED_RANGE_PCT.high} %.`, {
        details: { reason: 'out_of_range', ...SPEED_RANGE_PCT },
      });
    }
    const previousSpeedPct = machine.speedPct;
    machine.speedPct = speedPct;
    this.refreshCommonValues(machine);
    this.emit({ kind: 'speed-changed', time: this.isoNow(), machineId, speedPct });
    return { machineId, speedPct, previousSpeedPct };
  }

  /**
   * Writes a setpoint tag. Refuses unknown tags (not_found), read-only tags and values outside the
   * tag's EURange (invalid_argument with details.reason 'not_writable' | 'out_of_range').
   */
  writeSetpoint(machineId: string, tagId: string, value: number): { machineId: string; tagId: string; value: number; previousValue: number } {
    const machine = this.requireMachine(machineId);
    const tag = machine.tagById.get(tagId);
    if (!tag) throw new AppError('not_found', `Machine ${machineId} has no tag ${tagId}. See the twin catalogue for its setpoints.`);
    if (!tag.writable || !tag.euRange) {
      throw new AppError('invalid_argument', `${machineId} ${tagId} is a measured value and cannot be written; write its setpoint instead.`, {
        details: { reason: 'not_writable' },
      });
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < tag.euRange.low || value > tag.euRange.high) {
      throw new AppError(
        'invalid_argument',
        `${machineId} ${tagId} = ${value} is outside its range ${tag.euRange.low}–${tag.euRange.high}. Choose a value inside the range.`,
        {
          details: { reason: 'out_of_range', ...tag.euRange },
        },
      );
    }
    const previousValue = machine.values[tagId] as number;
    machine.values[tagId] = value;
    this.emit({ kind: 'setpoint-changed', time: this.isoNow(), machineId, tagId, value });
    return { machineId, tagId, value, previousValue };
  }

  /** Replaces worn parts: wear back to 0 (and an ICT fixture's probes). The machine must not be running. */
  performMaintenance(machineId: string): { machineId: string; asset: string } {
    const machine = this.requireMachine(machineId);
    const isTester = machine.definition.type === 'in-circuit-test';
    if (!machine.degradation && !isTester) {
      throw new AppError(
        'invalid_argument',
        `${machineId} has no wearing parts modelled in the twin; maintenance applies to pick-and-place, reflow ovens, ICT fixtures and utilities.`,
      );
    }
    if (machine.state === 'Execute' || ACTING_STATES[machine.state]?.next === 'Execute') {
      throw new AppError('conflict', `${machineId} is ${machine.state}. Hold or stop it before maintenance.`);
    }
    const asset = machine.degradation?.profile.asset ?? 'Test fixture probes';
    if (machine.degradation) resetWear(machine.degradation.profile, machine.degradation.state, machine.values);
    if (isTester) machine.values.FixtureCycles = 0;
    this.emit({ kind: 'maintenance', time: this.isoNow(), machineId, asset });
    this.evaluateAlarms(machine);
    return { machineId, asset };
  }

  /** Lets a material model veto feeder refills (no parts line-side, no refill); undefined removes it. */
  setRefillGate(gate: ((machineId: string, tagId: string, productId: string) => boolean) | undefined): void {
    this.refillGate = gate;
  }

  /** Sets a material level (a person refilling, or a scenario setting up a shortage). */
  setMaterialLevel(machineId: string, tagId: string, levelPct: number): void {
    const machine = this.requireMachine(machineId);
    if (!machine.materials.some((material) => material.tagId === tagId)) {
      const known = machine.materials.map((material) => material.tagId).join(', ') || 'none';
      throw new AppError('not_found', `${machineId} has no material ${tagId}. Its materials: ${known}.`);
    }
    if (!Number.isFinite(levelPct) || levelPct < 0 || levelPct > 100) {
      throw new AppError('invalid_argument', `A material level must be 0–100 %, got ${levelPct}.`, { details: { reason: 'out_of_range', low: 0, high: 100 } });
    }
    machine.values[tagId] = levelPct;
    machine.refillRemainingMs.delete(tagId);
    if (levelPct >= 100) this.emit({ kind: 'material-refilled', time: this.isoNow(), machineId, tagId });
  }

  /** Raises a catalogue fault (random kind) now, repaired after `repairMs` (default: drawn from MTTR). */
  injectFault(machineId: string, code: string, repairMs?: number): AlarmRecord {
    const machine = this.requireMachine(machineId);
    const definition = machine.alarms.find((alarm) => alarm.code === code);
    if (!definition || definition.trigger.kind !== 'random') {
      const faults = machine.alarms.filter((alarm) => alarm.trigger.kind === 'random').map((alarm) => alarm.code);
      throw new AppError('not_found', `${code} is not a fault that can be injected on ${machineId}. Faults: ${faults.join(', ')}.`);
    }
    const mttrMs = definition.trigger.mttrMinutes * 60_000;
    machine.repairRemainingMs.set(code, repairMs ?? this.random.exponential(mttrMs));
    this.evaluateAlarms(machine);
    return this.alarmBook.get(alarmId(machineId, code))!;
  }

  acknowledgeAlarm(id: string): AlarmRecord {
    return this.alarmBook.acknowledge(id, this.isoNow());
  }

  shelveAlarm(id: string, durationMs: number): AlarmRecord {
    if (!Number.isFinite(durationMs) || durationMs <= 0 || durationMs > 24 * 3_600_000) {
      throw new AppError('invalid_argument', `Shelve an alarm for 1 ms to 24 h, got ${durationMs} ms.`);
    }
    return this.alarmBook.shelve(id, this.startTimeMs + this.elapsedMs + durationMs, this.isoNow());
  }

  unshelveAlarm(id: string): AlarmRecord {
    return this.alarmBook.unshelve(id, this.isoNow());
  }

  // ── orders ────────────────────────────────────────────────────────────────────────────────────

  orderList(): OrderSnapshot[] {
    return [...this.orders.values()].map((order) => this.orderSnapshot(order));
  }

  /** Adds a production order; with `lineId` it is appended to that line's sequence. */
  addOrder(input: NewOrder): OrderSnapshot {
    const parsed = NewOrder.safeParse(input);
    if (!parsed.success) {
      throw new AppError(
        'invalid_argument',
        `Invalid production order: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`,
      );
    }
    const order = parsed.data;
    if (this.orders.has(order.id)) throw new AppError('conflict', `Order ${order.id} already exists. Use a new order id.`);
    if (!PRODUCT_BY_ID.has(order.productId)) {
      throw new AppError('not_found', `Unknown product ${order.productId}. Products: ${PRODUCTS.map((product) => product.id).join(', ')}.`);
    }
    const created = this.insertOrder({ ...order, lineId: order.lineId ?? null });
    if (order.lineId) this.lines.get(order.lineId)!.sequence.push(order.id);
    return this.orderSnapshot(created);
  }

  /**
   * Releases a new order sequence to a line (what a scheduler does). Orders keep their progress; an
   * order moved from another line leaves that line's sequence. Completed or unknown orders are refused.
   */
  loadOrderSequence(lineId: string, orderIds: readonly string[]): { lineId: LineId; orderSequence: string[] } {
    const line = this.lines.get(lineId as LineId);
    if (!line) throw new AppError('not_found', `Unknown line ${lineId}. Lines: ${[...this.lines.keys()].join(', ')}.`);
    if (new Set(orderIds).size !== orderIds.length) throw new AppError('invalid_argument', 'An order sequence must not list an order twice.');
    for (const orderId of orderIds) {
      const order = this.orders.get(orderId);
      if (!order) throw new AppError('not_found', `Unknown order ${orderId}. Add it first or check the order list.`);
      if (order.status === 'complete') throw new AppError('conflict', `Order ${orderId} is already complete and cannot be scheduled again.`);
      if (order.status === 'running' && order.lineId !== lineId) {
        throw new AppError('conflict', `Order ${orderId} is already running on ${order.lineId}; it cannot move to ${lineId} mid-run.`);
      }
    }
    for (const other of this.lines.values()) {
      if (other !== line) other.sequence = other.sequence.filter((id) => !orderIds.includes(id));
    }
    line.sequence = [...orderIds];
    for (const orderId of orderIds) this.orders.get(orderId)!.lineId = line.definition.id;
    return { lineId: line.definition.id, orderSequence: [...line.sequence] };
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────

  private createMachine(definition: MachineDefinition): MachineRuntime {
    const tags = tagsForMachine(definition);
    const values: Record<string, TagValue> = {};
    for (const tag of tags) values[tag.id] = initialValue(tag, this.random);
    const firstOrder = INITIAL_ORDERS.find((order) => order.lineId === definition.area);
    const product = firstOrder ? PRODUCT_BY_ID.get(firstOrder.productId) : undefined;
    for (const [tagId, value] of Object.entries(defaultSetpoints(definition, product))) {
      const tag = tags.find((candidate) => candidate.id === tagId);
      if (!tag) continue;
      values[tagId] = value;
      if (tag.followedBy) values[tag.followedBy] = value;
    }
    const materials = materialsFor(definition, this.random);
    for (const material of materials) values[material.tagId] = Math.round(this.random.uniform(30, 100));
    if (definition.type === 'in-circuit-test') values.FixtureCycles = Math.round(this.random.uniform(60_000, 97_000));
    const alarms = alarmsForMachineType(definition.type);
    const nextFailureAtRunningHours = new Map<string, number>();
    for (const alarm of alarms) {
      if (alarm.trigger.kind === 'random') nextFailureAtRunningHours.set(alarm.code, this.random.exponential(alarm.trigger.mtbfHours));
    }
    const profile = DEGRADATION[definition.type];
    const machine: MachineRuntime = {
      definition,
      tags,
      tagById: new Map(tags.map((tag) => [tag.id, tag])),
      alarms,
      values,
      state: 'Execute',
      stateEnteredMs: 0,
      speedPct: 100,
      board: null,
      boardFinished: false,
      workS: 0,
      waitingMs: 0,
      goodCount: 0,
      scrapCount: 0,
      orderId: '',
      productId: product?.id ?? '',
      energyKwh: 0,
      runningHours: 0,
      nextFailureAtRunningHours,
      repairRemainingMs: new Map(),
      refillRemainingMs: new Map(),
      materials,
      resumeAfterFault: false,
    };
    if (profile) {
      const state = initialWearState(profile, definition.initialWear ?? 0, this.random);
      machine.degradation = { profile, state };
      // Settle the condition signals at the initial wear so the first reading is not a baseline jump.
      values[profile.bearingTempTagId] = profile.baselineBearingTempC + 40 * state.wear ** 2;
      updateWear(profile, state, values, { running: true, speedPct: 100, dtS: 0, random: this.random });
    }
    return machine;
  }

  private insertOrder(order: Omit<OrderSnapshot, 'status' | 'releasedCount' | 'goodCount' | 'scrapCount' | 'startedAt' | 'completedAt'>): OrderRuntime {
    const runtime: OrderRuntime = {
      id: order.id,
      productId: order.productId,
      quantity: order.quantity,
      dueAt: order.dueAt,
      priority: order.priority,
      lineId: order.lineId,
      status: 'planned',
      releasedCount: 0,
      goodCount: 0,
      scrapCount: 0,
      startedAt: null,
      completedAt: null,
      nextMilestonePct: 10,
    };
    this.orders.set(order.id, runtime);
    return runtime;
  }

  private orderSnapshot(order: OrderRuntime): OrderSnapshot {
    const { nextMilestonePct: _omit, ...snapshot } = order;
    return { ...snapshot };
  }

  private requireMachine(machineId: string): MachineRuntime {
    const machine = this.machines.get(machineId);
    if (!machine) {
      throw new AppError('not_found', `Unknown machine ${machineId}. Machines: ${MACHINES.map((m) => m.id).join(', ')}.`);
    }
    return machine;
  }

  private isoNow(): string {
    return new Date(this.startTimeMs + this.elapsedMs).toISOString();
  }

  private emit(event: TwinEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private transition(machine: MachineRuntime, to: PackmlState, cause: string): void {
    const from = machine.state;
    if (from === to) return;
    machine.state = to;
    machine.stateEnteredMs = this.elapsedMs;
    machine.waitingMs = 0;
    this.refreshCommonValues(machine);
    this.emit({ kind: 'state-changed', time: this.isoNow(), machineId: machine.definition.id, from, to, cause });
  }

  private fire(machine: MachineRuntime, trigger: PackmlCommand | PackmlInternalEvent, cause: string): boolean {
    const to = packmlTransition(machine.state, trigger);
    if (!to) return false;
    this.transition(machine, to, cause);
    return true;
  }

  private substep(dtMs: number): void {
    this.elapsedMs += dtMs;
    const dtS = dtMs / 1000;
    for (const line of this.lines.values()) this.advanceLine(line, dtMs);
    const air = this.machines.get('UT-AIR');
    const chiller = this.machines.get('UT-CHL');
    const airPressureBar = (air?.values.PressureBar as number | undefined) ?? 6.5;
    const chillerSupplyTempC = (chiller?.values.SupplyTempC as number | undefined) ?? 16;
    let reflowOvensEnergised = 0;
    let lineMachinesRunning = 0;
    for (const machine of this.machines.values()) {
      if (machine.definition.type === 'reflow-oven' && this.isEnergised(machine)) reflowOvensEnergised++;
      if (machine.definition.area !== UTILITIES_AREA && machine.state === 'Execute') lineMachinesRunning++;
    }
    for (const machine of this.machines.values()) {
      this.advanceActingState(machine);
      const running = machine.state === 'Execute';
      const printer = machine.definition.type === 'solder-paste-inspection' ? this.lines.get(machine.definition.area as LineId)?.machines[0].values : undefined;
      updateProcessValues(
        {
          type: machine.definition.type,
          tags: machine.tags,
          values: machine.values,
          running,
          energised: this.isEnergised(machine),
          dtS,
          random: this.random,
          airPressureBar,
          chillerSupplyTempC,
          reflowOvensEnergised,
          lineMachinesRunning,
        },
        printer,
      );
      if (machine.degradation) {
        updateWear(machine.degradation.profile, machine.degradation.state, machine.values, { running, speedPct: machine.speedPct, dtS, random: this.random });
      }
      this.advanceFaults(machine, dtMs);
      this.advanceRefills(machine, dtMs);
      this.evaluateAlarms(machine);
      this.accumulateEnergy(machine, dtS);
      this.refreshCommonValues(machine);
      if (this.options.autoOperator) this.operate(machine);
    }
    this.alarmBook.expireShelves(this.startTimeMs + this.elapsedMs, this.isoNow());
  }

  private isEnergised(machine: MachineRuntime): boolean {
    return !['Stopped', 'Aborted', 'Clearing', 'Aborting'].includes(machine.state);
  }

  private advanceActingState(machine: MachineRuntime): void {
    const acting = ACTING_STATES[machine.state];
    if (acting && this.elapsedMs - machine.stateEnteredMs >= acting.durationMs) this.transition(machine, acting.next, 'state complete');
  }

  // Boards move from the end of the line toward its start so a machine sees the room its successor just made.
  private advanceLine(line: LineRuntime, dtMs: number): void {
    for (let index = line.machines.length - 1; index >= 0; index--) this.advanceMachineFlow(line, index, dtMs);
  }

  private advanceMachineFlow(line: LineRuntime, index: number, dtMs: number): void {
    const machine = line.machines[index];
    const upstream = index === 0 ? null : line.buffers[index - 1];
    const downstream = index === line.machines.length - 1 ? null : line.buffers[index];
    const hasRoom = () => downstream === null || downstream.length < line.definition.bufferCapacity;
    const hasInput = () => (upstream === null ? this.releasableOrder(line) !== undefined : upstream.length > 0);

    if (machine.state === 'Suspended') {
      const canWork = machine.board ? !machine.boardFinished || hasRoom() : hasInput();
      const plentiful = machine.board
        ? downstream === null || downstream.length <= line.definition.bufferCapacity / 2
        : upstream === null || upstream.length >= line.definition.bufferCapacity / 2;
      if (canWork && (plentiful || this.elapsedMs - machine.stateEnteredMs >= MIN_SUSPENDED_MS)) {
        this.fire(machine, 'unsuspend', machine.board ? 'unblocked' : 'boards available');
      }
      return;
    }
    if (machine.state !== 'Execute') return;

    let worked = false;
    if (machine.board && !machine.boardFinished) {
      machine.workS += dtMs / 1000;
      worked = true;
      machine.runningHours += dtMs / 3_600_000;
      if (machine.workS >= this.cycleTimeS(machine)) this.finishBoard(line, machine);
    }
    if (machine.board && machine.boardFinished && hasRoom()) {
      const board = machine.board;
      machine.board = null;
      machine.boardFinished = false;
      if (downstream) downstream.push(board);
      else this.completeBoard(line, board);
      worked = true;
    }
    if (!machine.board && hasInput()) worked = this.takeBoard(line, machine, upstream) || worked;

    machine.waitingMs = worked ? 0 : machine.waitingMs + dtMs;
    if (machine.waitingMs < WAIT_BEFORE_SUSPEND_MS) return;
    const upstreamMachine = index === 0 ? null : line.machines[index - 1];
    const lineFinished = upstreamMachine === null ? line.sequence.length === 0 : upstreamMachine.state === 'Complete' && upstream!.length === 0;
    if (!machine.board && lineFinished) this.fire(machine, 'complete', 'no more orders');
    else this.fire(machine, 'suspend', machine.board ? 'blocked: next buffer full' : 'starved: no boards');
  }

  private releasableOrder(line: LineRuntime): OrderRuntime | undefined {
    for (const orderId of line.sequence) {
      const order = this.orders.get(orderId)!;
      const inFlight = order.releasedCount - order.goodCount - order.scrapCount;
      if (order.quantity - order.goodCount - inFlight > 0) return order;
    }
    return undefined;
  }

  private takeBoard(line: LineRuntime, machine: MachineRuntime, upstream: Board[] | null): boolean {
    let board: Board | undefined;
    let releasedOrder: OrderRuntime | undefined;
    if (upstream === null) {
      releasedOrder = this.releasableOrder(line);
      if (releasedOrder) board = { orderId: releasedOrder.id, productId: releasedOrder.productId };
    } else {
      board = upstream[0];
    }
    if (!board) return false;
    const product = PRODUCT_BY_ID.get(board.productId)!;
    // A board is only taken when every material it needs is there; otherwise the level is used up to 0.
    for (const material of machine.materials) {
      const needPct = material.perBoardPct(product);
      if ((machine.values[material.tagId] as number) < needPct) {
        machine.values[material.tagId] = 0;
        return false;
      }
    }
    for (const material of machine.materials) {
      machine.values[material.tagId] = Math.max(0, (machine.values[material.tagId] as number) - material.perBoardPct(product));
    }
    if (upstream) upstream.shift();
    if (releasedOrder) {
      releasedOrder.releasedCount++;
      if (releasedOrder.status === 'planned') {
        releasedOrder.status = 'running';
        releasedOrder.startedAt = this.isoNow();
        releasedOrder.lineId = line.definition.id;
        this.emit({ kind: 'order-progress', time: this.isoNow(), lineId: line.definition.id, order: this.orderSnapshot(releasedOrder), milestone: 'started' });
      }
    }
    machine.board = board;
    machine.boardFinished = false;
    machine.workS = 0;
    machine.orderId = board.orderId;
    machine.productId = board.productId;
    return true;
  }

  private cycleTimeS(machine: MachineRuntime): number {
    const product = PRODUCT_BY_ID.get(machine.productId) ?? PRODUCTS[0];
    const step = product.routing.find((routingStep) => routingStep.machineType === machine.definition.type);
    return (step?.cycleTimeS ?? 20) / (machine.speedPct / 100);
  }

  private scrapProbability(line: LineRuntime, machine: MachineRuntime, product: ProductDefinition): number {
    const share = SCRAP_SHARE[machine.definition.type];
    if (share === undefined) return 0;
    let probability = product.scrapRate * share;
    if (machine.definition.type === 'solder-paste-inspection') {
      const volumePct = machine.values.PasteVolumePct as number;
      if (volumePct < 80 || volumePct > 125) probability += 0.08;
    }
    if (machine.definition.type === 'automated-optical-inspection') {
      const oven = line.machines.find((candidate) => candidate.definition.type === 'reflow-oven')!;
      const offProfile = this.alarmBook.activeFor(oven.definition.id).some((alarm) => /^E-21\d$/.test(alarm.code) || alarm.code === 'E-220');
      if (offProfile) probability += 0.15;
      if ((oven.values.O2Ppm as number) > 1000) probability += 0.03;
    }
    return probability;
  }

  private finishBoard(line: LineRuntime, machine: MachineRuntime): void {
    const board = machine.board!;
    const product = PRODUCT_BY_ID.get(board.productId)!;
    const scrapped = this.random.chance(this.scrapProbability(line, machine, product));
    if (machine.definition.type === 'in-circuit-test') {
      machine.values.FixtureCycles = (machine.values.FixtureCycles as number) + 1;
      machine.values.TestTimeS = this.cycleTimeS(machine) * this.random.uniform(0.9, 1.05);
    }
    if (scrapped) {
      machine.scrapCount++;
      machine.board = null;
      const order = this.orders.get(board.orderId);
      if (order) {
        order.scrapCount++;
        this.emitOrderMilestones(line, order);
      }
    } else {
      machine.goodCount++;
      machine.boardFinished = true;
    }
    this.updateQualityIndicators(machine, scrapped);
  }

  // Rolling indicators over roughly the last 200 boards (exponential smoothing, α = 1/200).
  private updateQualityIndicators(machine: MachineRuntime, scrapped: boolean): void {
    const outcomePct = scrapped ? 100 : 0;
    if (machine.definition.type === 'automated-optical-inspection') {
      machine.values.DefectRatePct = 0.995 * (machine.values.DefectRatePct as number) + 0.005 * outcomePct;
    }
    if (machine.definition.type === 'in-circuit-test') {
      machine.values.FirstPassYieldPct = 0.995 * (machine.values.FirstPassYieldPct as number) + 0.005 * (100 - outcomePct);
    }
    if (machine.definition.type === 'packing') {
      machine.values.CartonsPacked = Math.floor(machine.goodCount / 20);
    }
  }

  private completeBoard(line: LineRuntime, board: Board): void {
    const order = this.orders.get(board.orderId);
    if (!order) return;
    order.goodCount++;
    this.emitOrderMilestones(line, order);
  }

  private emitOrderMilestones(line: LineRuntime, order: OrderRuntime): void {
    const lineId = line.definition.id;
    if (order.status !== 'complete' && order.goodCount >= order.quantity) {
      order.status = 'complete';
      order.completedAt = this.isoNow();
      line.sequence = line.sequence.filter((id) => id !== order.id);
      this.emit({ kind: 'order-progress', time: this.isoNow(), lineId, order: this.orderSnapshot(order), milestone: 'completed' });
      return;
    }
    const progressPct = (order.goodCount / order.quantity) * 100;
    if (order.status === 'running' && progressPct >= order.nextMilestonePct) {
      order.nextMilestonePct = Math.floor(progressPct / 10) * 10 + 10;
      this.emit({ kind: 'order-progress', time: this.isoNow(), lineId, order: this.orderSnapshot(order), milestone: 'progress' });
    }
  }

  private advanceFaults(machine: MachineRuntime, dtMs: number): void {
    for (const [code, remainingMs] of [...machine.repairRemainingMs]) {
      if (remainingMs - dtMs <= 0) machine.repairRemainingMs.delete(code);
      else machine.repairRemainingMs.set(code, remainingMs - dtMs);
    }
    if (machine.state !== 'Execute') return;
    // Utilities run continuously; line machines only age while they work on a board.
    if (machine.definition.area === UTILITIES_AREA) machine.runningHours += dtMs / 3_600_000;
    for (const alarm of machine.alarms) {
      if (alarm.trigger.kind !== 'random') continue;
      const dueAt = machine.nextFailureAtRunningHours.get(alarm.code)!;
      if (machine.runningHours < dueAt) continue;
      machine.nextFailureAtRunningHours.set(alarm.code, machine.runningHours + this.random.exponential(alarm.trigger.mtbfHours));
      machine.repairRemainingMs.set(alarm.code, Math.max(30_000, this.random.exponential(alarm.trigger.mttrMinutes * 60_000)));
    }
  }

  private advanceRefills(machine: MachineRuntime, dtMs: number): void {
    for (const material of machine.materials) {
      const levelPct = machine.values[material.tagId] as number;
      const remainingMs = machine.refillRemainingMs.get(material.tagId);
      if (remainingMs === undefined) {
        // Logistics react to the low warning; sometimes too late, and the machine runs dry.
        if (levelPct < material.lowPct) machine.refillRemainingMs.set(material.tagId, this.random.uniform(2, 25) * 60_000);
        continue;
      }
      if (remainingMs - dtMs > 0) {
        machine.refillRemainingMs.set(material.tagId, remainingMs - dtMs);
        continue;
      }
      // No parts line-side: the logistician comes back in a few minutes to try again.
      if (this.refillGate && !this.refillGate(machine.definition.id, material.tagId, machine.productId)) {
        machine.refillRemainingMs.set(material.tagId, 5 * 60_000);
        continue;
      }
      machine.refillRemainingMs.delete(material.tagId);
      machine.values[material.tagId] = 100;
      this.emit({ kind: 'material-refilled', time: this.isoNow(), machineId: machine.definition.id, tagId: material.tagId });
    }
  }

  private evaluateAlarms(machine: MachineRuntime): void {
    const machineId = machine.definition.id;
    for (const definition of machine.alarms) {
      const id = alarmId(machineId, definition.code);
      const wasActive = this.alarmBook.isActive(id);
      const reading =
        definition.trigger.kind === 'random'
          ? { active: machine.repairRemainingMs.has(definition.code), sourceTagId: null, value: null }
          : evaluateTrigger(definition, machine.values, wasActive);
      if (reading.active && !wasActive) {
        const tag = reading.sourceTagId ? machine.tagById.get(reading.sourceTagId) : undefined;
        const detail =
          reading.sourceTagId && reading.value !== null
            ? `${reading.sourceTagId} = ${reading.value.toFixed(1)}${tag?.unit && tag.unit !== 'count' ? ` ${unitSymbol(tag)}` : ''}`
            : '';
        this.alarmBook.raise(machineId, definition, detail, reading.sourceTagId, this.isoNow());
        if (definition.stopsMachine) this.abortForAlarm(machine, definition.code);
      } else if (!reading.active && wasActive) {
        this.alarmBook.clear(id, this.isoNow());
      }
    }
  }

  private abortForAlarm(machine: MachineRuntime, code: string): void {
    if (machine.state === 'Aborting' || machine.state === 'Aborted') return;
    const wasProducing = !['Stopped', 'Stopping', 'Clearing'].includes(machine.state);
    machine.resumeAfterFault = machine.resumeAfterFault || wasProducing;
    if (machine.board && !machine.boardFinished) machine.workS = 0;
    this.fire(machine, 'abort', `alarm ${code}`);
  }

  private activeStopAlarms(machine: MachineRuntime): AlarmRecord[] {
    return machine.alarms
      .filter((definition) => definition.stopsMachine)
      .map((definition) => this.alarmBook.get(alarmId(machine.definition.id, definition.code)))
      .filter((record): record is AlarmRecord => record !== undefined && record.active);
  }

  private accumulateEnergy(machine: MachineRuntime, dtS: number): void {
    const { ratedPowerKw, idlePowerKw } = machine.definition;
    let powerKw: number;
    if (machine.state === 'Execute') {
      const busy = machine.definition.area === UTILITIES_AREA || machine.board !== null;
      powerKw = idlePowerKw + (ratedPowerKw - idlePowerKw) * (busy ? machine.speedPct / 100 : 0.3);
    } else if (this.isEnergised(machine)) {
      powerKw = idlePowerKw;
    } else {
      powerKw = idlePowerKw * 0.1;
    }
    powerKw = Math.max(0, powerKw * (1 + this.random.normal(0, 0.01)));
    machine.values.PowerKw = powerKw;
    machine.energyKwh += (powerKw * dtS) / 3600;
  }

  private refreshCommonValues(machine: MachineRuntime): void {
    const values = machine.values;
    values.State = machine.state;
    values.StateCode = packmlStateCode(machine.state);
    values.SpeedPct = machine.speedPct;
    values.EnergyKwh = machine.energyKwh;
    const active = this.alarmBook.activeFor(machine.definition.id);
    values.ActiveAlarmCount = active.length;
    values.ActiveAlarms = active.map((alarm) => alarm.code).join(',');
    if (machine.definition.area === UTILITIES_AREA) return;
    values.CycleTimeS = this.cycleTimeS(machine);
    values.GoodCount = machine.goodCount;
    values.ScrapCount = machine.scrapCount;
    values.TotalCount = machine.goodCount + machine.scrapCount;
    values.OrderId = machine.orderId;
    values.ProductId = machine.productId;
    if (machine.definition.type === 'pick-and-place') {
      const product = PRODUCT_BY_ID.get(machine.productId);
      const busy = machine.state === 'Execute' && machine.board !== null;
      values.PlacementRatePerH = busy && product ? (product.componentsPerBoard / 2 / this.cycleTimeS(machine)) * 3600 : 0;
    }
  }

  // The simulated operator: brings faulted machines back, restarts finished lines with new work, and
  // sends maintenance to an asset that tripped on wear after the maintenance response time.
  private operate(machine: MachineRuntime): void {
    const line = machine.definition.area === UTILITIES_AREA ? undefined : this.lines.get(machine.definition.area as LineId);
    switch (machine.state) {
      case 'Aborted': {
        const blocking = this.activeStopAlarms(machine);
        if (blocking.length === 0) {
          if (machine.resumeAfterFault) this.fire(machine, 'clear', 'operator: fault repaired');
        } else if (machine.degradation && this.elapsedMs - machine.stateEnteredMs >= this.options.maintenanceResponseMs) {
          const { profile } = machine.degradation;
          const wearTrip = blocking.some((alarm) => alarm.sourceTagId === profile.vibrationTagId || alarm.sourceTagId === profile.motorCurrentTagId);
          if (wearTrip) this.performMaintenance(machine.definition.id);
        }
        return;
      }
      case 'Stopped':
        if (machine.resumeAfterFault) this.fire(machine, 'reset', 'operator: reset after fault');
        return;
      case 'Idle':
        if (machine.resumeAfterFault) this.fire(machine, 'start', 'operator: restart after fault');
        return;
      case 'Execute':
        machine.resumeAfterFault = false;
        return;
      case 'Complete':
        if (line && this.releasableOrder(line)) {
          machine.resumeAfterFault = true;
          this.fire(machine, 'reset', 'operator: new orders on the line');
        }
        return;
      default:
        return;
    }
  }
}

function unitSymbol(tag: TagDefinition): string {
  return tag.unit ? UNITS[tag.unit].symbol : '';
}
