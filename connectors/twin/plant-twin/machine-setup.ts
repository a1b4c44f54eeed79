/**
 * A machine as the twin starts it: every tag at a plausible value, setpoints for the first product of
 * its line, materials part-used, random faults scheduled, and worn parts at their initial wear.
 */
import {
  DEGRADATION,
  INITIAL_ORDERS,
  PRODUCTS,
  alarmsForMachineType,
  tagsForMachine,
  type MachineDefinition,
  type ProductDefinition,
  type TagDefinition,
} from '../catalogue';
import { initialWearState, updateWear } from '../degradation';
import type { SeededRandom } from '../random';
import type { TagValue } from '../twin-types';
import { materialsFor } from './materials';
import { PRODUCT_BY_ID, type MachineRuntime } from './runtime';

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

/** Draws from `random` in a fixed order, so the same seed gives the same machines. */
export function createMachine(definition: MachineDefinition, random: SeededRandom): MachineRuntime {
  const tags = tagsForMachine(definition);
  const values: Record<string, TagValue> = {};
  for (const tag of tags) values[tag.id] = initialValue(tag, random);
  const firstOrder = INITIAL_ORDERS.find((order) => order.lineId === definition.area);
  const product = firstOrder ? PRODUCT_BY_ID.get(firstOrder.productId) : undefined;
  for (const [tagId, value] of Object.entries(defaultSetpoints(definition, product))) {
    const tag = tags.find((candidate) => candidate.id === tagId);
    if (!tag) continue;
    values[tagId] = value;
    if (tag.followedBy) values[tag.followedBy] = value;
  }
  const materials = materialsFor(definition, random);
  for (const material of materials) values[material.tagId] = Math.round(random.uniform(30, 100));
  if (definition.type === 'in-circuit-test') values.FixtureCycles = Math.round(random.uniform(60_000, 97_000));
  const alarms = alarmsForMachineType(definition.type);
  const nextFailureAtRunningHours = new Map<string, number>();
  for (const alarm of alarms) {
    if (alarm.trigger.kind === 'random') nextFailureAtRunningHours.set(alarm.code, random.exponential(alarm.trigger.mtbfHours));
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
    const state = initialWearState(profile, definition.initialWear ?? 0, random);
    machine.degradation = { profile, state };
    // Settle the condition signals at the initial wear so the first reading is not a baseline jump.
    values[profile.bearingTempTagId] = profile.baselineBearingTempC + 40 * state.wear ** 2;
    updateWear(profile, state, values, { running: true, speedPct: 100, dtS: 0, random });
  }
  return machine;
}
