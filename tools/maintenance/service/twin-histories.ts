/**
 * Run-to-failure histories of the plant's rotating equipment, for training the RUL model. Pure: a
 * seed in, the same histories out.
 *
 * It drives the twin's own wear model (connectors/twin/degradation.ts) directly rather than the whole
 * PlantTwin: the full twin simulates about 12 h in 10 s, and a run to failure takes 36–210 running
 * hours, so a training set of dozens of runs would take many minutes. The signals are the same
 * functions of wear, load and noise the twin emits; what is left out is what the forecast does not
 * model (stops, starvation, alarms). One cycle is one operating hour; each cycle holds the hour's
 * mean of every condition signal, which is what the historian's hourly `avg` bucket gives at
 * prediction time. A run ends at the vibration trip (7.1 mm/s, the twin's wear alarm), then the
 * part is replaced (`resetWear`) and the next run starts from new.
 */
import { z } from 'zod';
import type { MachineType } from '@/connectors/twin/catalogue';
import { initialWearState, resetWear, updateWear } from '@/connectors/twin/degradation';
import { SeededRandom } from '@/connectors/twin/random';
import type { TagValue } from '@/connectors/twin/twin-types';
import { UnitHistory } from '../engine/unit-history';
import { DEGRADING_ASSETS, signalTags, type DegradingAsset } from './degrading-assets';

export const TWIN_HISTORIES_FORMAT = 'plantpilot-twin-histories';

/** The twin trips a machine above this vibration (ISO 10816); the run to failure ends there. */
export const TRIP_VIBRATION_MMS = 7.1;
/** Simulation step inside one operating hour; the hour's mean is what is recorded. */
const STEP_S = 60;
/** A run that never trips (a slow part in a short generation) is cut here and left out. */
const MAX_RUN_HOURS = 2000;

export const TwinHistoryUnit = UnitHistory.extend({
  assetId: z.string(),
  machineType: z.string(),
});
export type TwinHistoryUnit = z.infer<typeof TwinHistoryUnit>;

/** The document `plantpilot sim history` writes and the forecast service trains on. */
export const TwinHistories = z.object({
  format: z.literal(TWIN_HISTORIES_FORMAT),
  version: z.literal(1),
  seed: z.number().int(),
  /** Simulated operating days per asset. */
  days: z.number().positive(),
  /** `settings` holds [speedPct]; `sensors` are named by the twin's tag ids. */
  units: z.array(TwinHistoryUnit),
});
export type TwinHistories = z.infer<typeof TwinHistories>;

export type TwinHistoryOptions = {
  seed: number;
  /** Operating days simulated per asset; only runs that reach failure within them are kept. */
  days: number;
  /** Restrict to these machine types (default: every degrading type). */
  machineTypes?: readonly MachineType[];
  /** Restrict to these asset ids. */
  assetIds?: readonly string[];
  /** Machine speed while running, percent (the twin runs at 100 unless an operator slows it). */
  speedPct?: number;
};

/** Deterministic per-asset seed, so adding an asset does not change another's histories. */
function assetSeed(seed: number, assetId: string): number {
  let hash = seed | 0;
  for (let i = 0; i < assetId.length; i++) hash = Math.imul(hash ^ assetId.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function runsOfAsset(asset: DegradingAsset, options: Required<Pick<TwinHistoryOptions, 'seed' | 'days' | 'speedPct'>>): TwinHistoryUnit[] {
  const random = new SeededRandom(assetSeed(options.seed, asset.id));
  const profile = asset.profile;
  const tags = signalTags(profile);
  const values: Record<string, TagValue> = {};
  const units: TwinHistoryUnit[] = [];
  let hoursLeft = Math.floor(options.days * 24);
  let run = 0;
  while (hoursLeft > 0) {
    const state = initialWearState(profile, 0, random);
    resetWear(profile, state, values);
    values[profile.bearingTempTagId] = profile.baselineBearingTempC;
    const cycles: UnitHistory['cycles'] = [];
    let failed = false;
    for (let hour = 1; hour <= Math.min(hoursLeft, MAX_RUN_HOURS) && !failed; hour++) {
      const sums = [0, 0, 0];
      for (let t = 0; t < 3600; t += STEP_S) {
        updateWear(profile, state, values, { running: true, speedPct: options.speedPct, dtS: STEP_S, random });
        tags.forEach((tag, i) => (sums[i] += values[tag] as number));
        if ((values[profile.vibrationTagId] as number) > TRIP_VIBRATION_MMS) failed = true;
      }
      const steps = 3600 / STEP_S;
      cycles.push({ cycle: hour, settings: [options.speedPct], sensors: Object.fromEntries(tags.map((tag, i) => [tag, sums[i] / steps])) });
    }
    hoursLeft -= cycles.length;
    run += 1;
    if (failed) units.push({ unitId: `${asset.id}#${run}`, assetId: asset.id, machineType: asset.machineType, cycles });
  }
  return units;
}

/** Run-to-failure histories of every selected degrading asset, one unit per run. */
export function generateTwinHistories(options: TwinHistoryOptions): TwinHistories {
  if (!Number.isFinite(options.days) || options.days <= 0) throw new RangeError(`days must be positive, got ${options.days}`);
  const speedPct = options.speedPct ?? 100;
  const assets = DEGRADING_ASSETS.filter(
    (asset) => (!options.machineTypes || options.machineTypes.includes(asset.machineType)) && (!options.assetIds || options.assetIds.includes(asset.id)),
  );
  return {
    format: TWIN_HISTORIES_FORMAT,
    version: 1,
    seed: options.seed,
    days: options.days,
    units: assets.flatMap((asset) => runsOfAsset(asset, { seed: options.seed, days: options.days, speedPct })),
  };
}

/** Units grouped by machine type: each type gets its own model, since its signals have their own names. */
export function unitsByMachineType(histories: TwinHistories): Map<string, UnitHistory[]> {
  const groups = new Map<string, UnitHistory[]>();
  for (const unit of histories.units) {
    const list = groups.get(unit.machineType) ?? [];
    list.push({ unitId: unit.unitId, cycles: unit.cycles });
    groups.set(unit.machineType, list);
  }
  return groups;
}
