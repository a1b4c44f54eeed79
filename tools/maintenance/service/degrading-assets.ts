/**
 * The plant's assets whose rotating equipment wears (pick-and-place spindles and gantries, reflow
 * blowers, the compressor, the chiller pump), with the tags that show it. Taken from the twin's
 * catalogue, which the OPC UA address space and the historian share.
 */
import { DEGRADATION, MACHINES, type DegradationProfile, type MachineType } from '@/connectors/twin/catalogue';

export type DegradingAsset = {
  id: string;
  name: string;
  /** `Line1`, `Line2` or `Utilities`. */
  area: string;
  machineType: MachineType;
  model: string;
  profile: DegradationProfile;
};

export const DEGRADING_ASSETS: readonly DegradingAsset[] = MACHINES.flatMap((machine) => {
  const profile = DEGRADATION[machine.type];
  return profile ? [{ id: machine.id, name: machine.displayName, area: machine.area, machineType: machine.type, model: machine.model, profile }] : [];
});

/** The condition signals, in the order the model reads them. */
export function signalTags(profile: DegradationProfile): [vibration: string, bearingTemp: string, motorCurrent: string] {
  return [profile.vibrationTagId, profile.bearingTempTagId, profile.motorCurrentTagId];
}

/** Hours a maintenance crew needs to replace the worn part, used to size the recommended window. */
export const SERVICE_DURATION_H: Readonly<Partial<Record<MachineType, number>>> = {
  'pick-and-place': 2,
  'reflow-oven': 4,
  'compressed-air': 3,
  chiller: 3,
};

/** Accepts `L1`, `Line1`, `line 1`, `Utilities`, `UT`; returns the catalogue's area id or undefined. */
export function normaliseArea(text: string): string | undefined {
  const compact = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const line = /^(?:l|line)([12])$/.exec(compact);
  if (line) return `Line${line[1]}`;
  if (compact === 'ut' || compact === 'utilities' || compact === 'utility') return 'Utilities';
  return undefined;
}
