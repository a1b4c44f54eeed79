/**
 * Wear of rotating equipment (spindles, blowers, compressors, pumps). Wear grows with running time at
 * speed, from 0 (new) toward 1 (failure), at a rate drawn per asset from the seed. Vibration rises
 * slowly at first and steeply near the end (roughly like a bearing's P–F curve), bearing temperature and
 * motor current follow. Maintenance resets wear to 0.
 *
 * While the asset stands still, vibration and motor current hold their last running measurement (as an
 * online condition monitor reports it), so a trip on vibration stays active until maintenance instead
 * of clearing the moment the machine stops.
 */
import type { DegradationProfile } from './catalogue';
import { lag } from './process-models';
import type { SeededRandom } from './random';
import type { TagValue } from './twin-types';

const AMBIENT_C = 25;
/** Vibration at wear 1, just above the ISO 10816 trip limit of 7.1 mm/s. */
const FAILURE_VIBRATION_MMS = 7.6;

export interface WearState {
  wear: number;
  wearRatePerHour: number;
}

export function initialWearState(profile: DegradationProfile, initialWear: number, random: SeededRandom): WearState {
  // Real assets of one kind do not age alike: spread the rate ±40 % around the mean.
  const rateFactor = random.uniform(0.6, 1.4);
  return { wear: initialWear, wearRatePerHour: rateFactor / profile.meanHoursToFailure };
}

export function updateWear(
  profile: DegradationProfile,
  state: WearState,
  values: Record<string, TagValue>,
  input: { running: boolean; speedPct: number; dtS: number; random: SeededRandom },
): void {
  const { running, speedPct, dtS, random } = input;
  const bearingTempC = typeof values[profile.bearingTempTagId] === 'number' ? (values[profile.bearingTempTagId] as number) : AMBIENT_C;
  if (!running) {
    values[profile.bearingTempTagId] = lag(bearingTempC, AMBIENT_C, dtS, 900);
    return;
  }
  const load = speedPct / 100;
  state.wear = Math.min(1.05, state.wear + state.wearRatePerHour * (dtS / 3600) * (0.4 + 0.6 * load));
  values[profile.vibrationTagId] = Math.max(
    0.1,
    profile.baselineVibrationMmS + (FAILURE_VIBRATION_MMS - profile.baselineVibrationMmS) * state.wear ** 2.2 + random.normal(0, 0.06),
  );
  const bearingTargetC = profile.baselineBearingTempC + 40 * state.wear ** 2;
  values[profile.bearingTempTagId] = lag(bearingTempC, bearingTargetC, dtS, 600) + random.normal(0, 0.05);
  values[profile.motorCurrentTagId] = Math.max(
    0,
    profile.nominalMotorCurrentA * (0.6 + 0.4 * load) * (1 + 0.7 * state.wear ** 3) + random.normal(0, profile.nominalMotorCurrentA * 0.01),
  );
}

/** The values a freshly maintained asset shows, before it has run again. */
export function resetWear(profile: DegradationProfile, state: WearState, values: Record<string, TagValue>): void {
  state.wear = 0;
  values[profile.vibrationTagId] = profile.baselineVibrationMmS;
  values[profile.motorCurrentTagId] = profile.nominalMotorCurrentA;
}
