/**
 * RUL models for the plant: one per machine type, trained on the twin's run-to-failure histories.
 * Pure. Training is capped small (few, shallow trees) because it runs at a server's first start;
 * the twin's signals are clean enough that more trees buy little.
 */
import { seededRandom } from '@/lib/seeded-random';
import type { UnitHistory } from '../engine/unit-history';
import { RUL_MODEL_VERSION, trainRulModel, type RulModel } from '../engine/rul-model';
import { DEGRADATION, type MachineType } from '@/connectors/twin/catalogue';
import { unitsByMachineType, type TwinHistories } from './twin-histories';

export type PlantModels = {
  /** Names the training data and settings, e.g. `twin-r2-s1-d40`; stored with every forecast. */
  version: string;
  byMachineType: Map<string, RulModel>;
};

export type PlantTrainingOptions = {
  /** Upper bound on boosted trees per model (default 80). */
  maxTrees?: number;
};

/** The start every version written by this code's model format shares (`twin-r2-`). */
export const PLANT_MODEL_VERSION_PREFIX = `twin-r${RUL_MODEL_VERSION}-`;

export function plantModelVersion(histories: Pick<TwinHistories, 'seed' | 'days'>): string {
  return `${PLANT_MODEL_VERSION_PREFIX}s${histories.seed}-d${histories.days}`;
}

/**
 * Each run again as if observation began part-way through its life. The historian's lookback window
 * and the twin's initial wear mean a live asset is usually first seen worn, not new; without these
 * views the model would read "few cycles observed" as "young part".
 */
function joinedMidLife(units: readonly UnitHistory[], seed: number): UnitHistory[] {
  const random = seededRandom(seed ^ 0x6d1d);
  return units.flatMap((unit) => {
    const skip = Math.floor(random() * 0.6 * unit.cycles.length);
    if (unit.cycles.length - skip < 8) return [];
    const cycles = unit.cycles.slice(skip).map((reading, i) => ({ ...reading, cycle: i + 1 }));
    return [{ unitId: `${unit.unitId}+${skip}`, cycles }];
  });
}

/** Trains one model per machine type that has at least 4 runs to failure; other types are skipped. */
export function trainPlantModels(histories: TwinHistories, options: PlantTrainingOptions = {}): PlantModels {
  const byMachineType = new Map<string, RulModel>();
  for (const [machineType, fromNew] of unitsByMachineType(histories)) {
    if (fromNew.length < 4) continue;
    const units = [...fromNew, ...joinedMidLife(fromNew, histories.seed)];
    const profile = DEGRADATION[machineType as MachineType];
    // Early in life wear hardly shows (vibration ∝ wear^2.2), so labels are capped near the type's
    // mean life: the model says "healthy, at least this long" rather than guessing a new part's age.
    const rulCapCycles = profile ? Math.round(profile.meanHoursToFailure * 0.8) : 125;
    byMachineType.set(
      machineType,
      trainRulModel(units, {
        seed: histories.seed,
        rulCapCycles,
        label: `${machineType} (${plantModelVersion(histories)})`,
        featureSpec: { meanWindowsCycles: [3, 8, 24], slopeWindowsCycles: [6, 12, 24], ewmaAlphas: [0.1, 0.3], baselineCycles: 6 },
        gbm: { trees: options.maxTrees ?? 80, maxDepth: 4, minSamplesLeaf: 10, learningRate: 0.1 },
      }),
    );
  }
  return { version: plantModelVersion(histories), byMachineType };
}
