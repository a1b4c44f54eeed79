/**
 * "Driven by" in words: a forecast's top signals are tag ids (`SpindleVibrationMmS`) or
 * `cycles_observed`; a planner reads "vibration of the placement spindle". Pure.
 */
import type { TopSignal } from '../../tools/maintenance/engine/asset-forecast';

const KINDS: { suffix: RegExp; words: string; unit: string }[] = [
  { suffix: /VibrationMmS$/, words: 'vibration', unit: 'mm/s' },
  { suffix: /BearingTempC$/, words: 'bearing temperature', unit: '°C' },
  { suffix: /MotorCurrentA$/, words: 'motor current', unit: 'A' },
];

/** A tag id or model feature as words, naming the component when it is known. */
export function signalDescription(signal: string, component?: string): string {
  if (signal === 'cycles_observed') return 'running hours since the last part replacement';
  const kind = KINDS.find((candidate) => candidate.suffix.test(signal));
  if (kind) return `${kind.words} of the ${component ? component.toLowerCase() : signal.replace(kind.suffix, '').toLowerCase()} (${kind.unit})`;
  // Unknown tags: split the camel case into words rather than show the raw id.
  return signal
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/**
 * One signal's effect on the forecast, e.g. "vibration (mm/s): −12 h". The row already names the
 * component, so only the kind of signal is said here.
 */
export function signalEffect(signal: TopSignal): string {
  const hours = Math.round(signal.contributionHours * 10) / 10;
  const kind = KINDS.find((candidate) => candidate.suffix.test(signal.signal));
  const words = kind ? `${kind.words} (${kind.unit})` : signalDescription(signal.signal);
  return `${words}: ${hours > 0 ? '+' : hours < 0 ? '−' : '±'}${Math.abs(hours)} h`;
}
