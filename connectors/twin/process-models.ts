/**
 * Process values per machine type: how measured tags move from one time step to the next. Each model is
 * a small, plausible physics sketch (first-order lags toward a target plus measurement noise), enough for
 * trends, alarms and cause-and-effect between machines to look like a real SMT hall. No I/O, no clock.
 */
import type { MachineType, TagDefinition } from './catalogue';
import type { SeededRandom } from './random';
import type { TagValue } from './twin-types';

export interface ProcessContext {
  type: MachineType;
  tags: readonly TagDefinition[];
  values: Record<string, TagValue>;
  /** Execute state: the machine is moving. */
  running: boolean;
  /** Not Stopped, Aborted or Clearing: heaters and controllers are on. */
  energised: boolean;
  dtS: number;
  random: SeededRandom;
  airPressureBar: number;
  chillerSupplyTempC: number;
  /** Reflow ovens currently energised (the chiller's heat load). */
  reflowOvensEnergised: number;
  /** Line machines currently running (the compressor's air demand). */
  lineMachinesRunning: number;
}

/** Time constants for a measured value following its setpoint, by unit. */
const FOLLOW_TAU_S: Record<string, number> = { degC: 90, mmPerS: 4, newton: 2, bar: 20 };

export function lag(current: number, target: number, dtS: number, tauS: number): number {
  return target + (current - target) * Math.exp(-dtS / tauS);
}

function num(values: Record<string, TagValue>, tagId: string): number {
  const value = values[tagId];
  return typeof value === 'number' ? value : 0;
}

function noisy(ctx: ProcessContext, value: number, standardDeviation: number): number {
  return value + ctx.random.normal(0, standardDeviation);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Moves every measured tag that follows a setpoint toward it; `override` replaces the target per tag. */
function followSetpoints(ctx: ProcessContext, override: Record<string, number> = {}): void {
  for (const tag of ctx.tags) {
    if (!tag.writable || !tag.followedBy) continue;
    const target = override[tag.followedBy] ?? num(ctx.values, tag.id);
    const tauS = FOLLOW_TAU_S[tag.unit ?? ''] ?? 10;
    const next = lag(num(ctx.values, tag.followedBy), target, ctx.dtS, tauS);
    ctx.values[tag.followedBy] = next;
  }
}

function wander(ctx: ProcessContext, tagId: string, mean: number, spread: number, tauS = 600): void {
  const next = lag(num(ctx.values, tagId), mean, ctx.dtS, tauS) + ctx.random.normal(0, spread * Math.sqrt(ctx.dtS / tauS));
  ctx.values[tagId] = next;
}

function stencilPrinter(ctx: ProcessContext): void {
  followSetpoints(ctx);
  wander(ctx, 'ChamberTemperatureC', 24, 0.6);
  wander(ctx, 'ChamberHumidityPct', 45, 6, 1800);
}

function solderPasteInspection(ctx: ProcessContext, printer: Record<string, TagValue> | undefined): void {
  // Paste volume falls as squeegee force rises above the sweet spot and rises below it.
  const pressureN = printer ? num(printer, 'SqueegeePressureN') : 75;
  const volumePct = noisy(ctx, 100 - 0.9 * (pressureN - 75), 1.5);
  ctx.values.PasteVolumePct = clamp(volumePct, 0, 200);
  ctx.values.PasteHeightUm = clamp(noisy(ctx, 1.2 * volumePct, 2), 0, 300);
  const offCentrePct = Math.abs(volumePct - 100);
  ctx.values.VolumeCpk = clamp(noisy(ctx, 2.2 - offCentrePct / 15, 0.05), 0, 5);
  ctx.values.FirstPassYieldPct = clamp(noisy(ctx, 99.4 - Math.max(0, offCentrePct - 12) * 1.5, 0.2), 0, 100);
}

function pickAndPlace(ctx: ProcessContext): void {
  const supplyFactor = clamp(ctx.airPressureBar / 6, 0, 1.15);
  ctx.values.VacuumKpa = clamp(noisy(ctx, ctx.energised ? 72 * supplyFactor : 0, 0.8), 0, 100);
}

function reflowOven(ctx: ProcessContext): void {
  // Heaters stay on in Held/Idle/Suspended; an oven only cools down when stopped or aborted.
  const overrides: Record<string, number> = {};
  for (const tag of ctx.tags) {
    if (tag.writable && tag.followedBy?.endsWith('TemperatureC') && !ctx.energised) overrides[tag.followedBy] = 25;
  }
  if (!ctx.running) overrides.ConveyorSpeedMmPerS = ctx.energised ? num(ctx.values, 'ConveyorSpeedSetpointMmPerS') : 0;
  followSetpoints(ctx, overrides);
  for (const tag of ctx.tags) {
    if (!tag.writable || !tag.followedBy?.endsWith('TemperatureC')) continue;
    const zone = tag.id.split('.')[0];
    const errorC = num(ctx.values, tag.id) - num(ctx.values, tag.followedBy);
    ctx.values[`${zone}.HeaterOutputPct`] = ctx.energised ? clamp(noisy(ctx, 35 + 4 * errorC, 1), 0, 100) : 0;
  }
  const coolingTargetC = ctx.running ? 1.5 * ctx.chillerSupplyTempC + 30 : 25 + 0.5 * ctx.chillerSupplyTempC;
  for (const coolingTagId of ['Cooling1.TemperatureC', 'Cooling2.TemperatureC']) {
    const offsetC = coolingTagId.startsWith('Cooling1') ? 8 : 0;
    ctx.values[coolingTagId] = lag(num(ctx.values, coolingTagId), coolingTargetC + offsetC, ctx.dtS, 120) + ctx.random.normal(0, 0.2);
  }
  wander(ctx, 'O2Ppm', ctx.energised ? 520 : 4800, 120, 300);
  ctx.values.O2Ppm = clamp(num(ctx.values, 'O2Ppm'), 0, 5000);
  ctx.values.N2FlowM3PerH = ctx.energised ? clamp(noisy(ctx, 22, 0.4), 0, 60) : 0;
}

function opticalInspection(ctx: ProcessContext): void {
  wander(ctx, 'FalseCallsPerBoard', 0.6, 0.3, 900);
  ctx.values.FalseCallsPerBoard = clamp(num(ctx.values, 'FalseCallsPerBoard'), 0, 20);
  wander(ctx, 'CameraTemperatureC', ctx.energised ? 37 : 24, 1.5, 900);
}

function inCircuitTest(ctx: ProcessContext): void {
  // The fixture's vacuum ejector runs on plant air whatever the tester's state.
  wander(ctx, 'FixtureVacuumKpa', 72 * clamp(ctx.airPressureBar / 6, 0, 1.15), 1.5, 60);
}

function compressedAir(ctx: ProcessContext): void {
  const demandM3PerMin = 1.2 + 0.3 * ctx.lineMachinesRunning;
  const setpointBar = num(ctx.values, 'PressureSetpointBar');
  // Running: pressure holds the setpoint, sagging a little under high demand. Stopped: the header bleeds down.
  const targetBar = ctx.running ? setpointBar - 0.02 * demandM3PerMin : 0;
  ctx.values.PressureBar = clamp(noisy(ctx, lag(num(ctx.values, 'PressureBar'), targetBar, ctx.dtS, ctx.running ? 20 : 240), 0.01), 0, 10);
  ctx.values.FlowM3PerMin = ctx.running ? clamp(noisy(ctx, demandM3PerMin, 0.1), 0, 15) : 0;
  wander(ctx, 'DewPointC', ctx.running ? 4 : 12, 0.6, 900);
}

function chiller(ctx: ProcessContext): void {
  const setpointC = num(ctx.values, 'SupplyTempSetpointC');
  const targetC = ctx.running ? setpointC : 28;
  ctx.values.SupplyTempC = noisy(ctx, lag(num(ctx.values, 'SupplyTempC'), targetC, ctx.dtS, ctx.running ? 120 : 900), 0.05);
  const flowLPerMin = ctx.running ? 150 : 0;
  ctx.values.FlowLPerMin = clamp(noisy(ctx, lag(num(ctx.values, 'FlowLPerMin'), flowLPerMin, ctx.dtS, 10), 0.8), 0, 300);
  const riseC = ctx.running ? 2 + 2.5 * ctx.reflowOvensEnergised : 0;
  ctx.values.ReturnTempC = noisy(ctx, num(ctx.values, 'SupplyTempC') + riseC, 0.05);
}

/** Updates the measured tags of one machine for a time step; `printerValues` feeds SPI from its printer. */
export function updateProcessValues(ctx: ProcessContext, printerValues?: Record<string, TagValue>): void {
  switch (ctx.type) {
    case 'stencil-printer':
      return stencilPrinter(ctx);
    case 'solder-paste-inspection':
      return solderPasteInspection(ctx, printerValues);
    case 'pick-and-place':
      return pickAndPlace(ctx);
    case 'reflow-oven':
      return reflowOven(ctx);
    case 'automated-optical-inspection':
      return opticalInspection(ctx);
    case 'in-circuit-test':
      return inCircuitTest(ctx);
    case 'packing':
      return;
    case 'compressed-air':
      return compressedAir(ctx);
    case 'chiller':
      return chiller(ctx);
  }
}
