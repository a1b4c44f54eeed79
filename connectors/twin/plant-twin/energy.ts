/** Electrical power and energy of a machine: rated power while busy, idle power while energised, standby otherwise. */
import { UTILITIES_AREA } from '../catalogue';
import { isEnergised } from './machine-state';
import type { MachineRuntime, TwinState } from './runtime';

export function accumulateEnergy(twin: TwinState, machine: MachineRuntime, dtS: number): void {
  const { ratedPowerKw, idlePowerKw } = machine.definition;
  let powerKw: number;
  if (machine.state === 'Execute') {
    const busy = machine.definition.area === UTILITIES_AREA || machine.board !== null;
    powerKw = idlePowerKw + (ratedPowerKw - idlePowerKw) * (busy ? machine.speedPct / 100 : 0.3);
  } else if (isEnergised(machine)) {
    powerKw = idlePowerKw;
  } else {
    powerKw = idlePowerKw * 0.1;
  }
  powerKw = Math.max(0, powerKw * (1 + twin.random.normal(0, 0.01)));
  machine.values.PowerKw = powerKw;
  machine.energyKwh += (powerKw * dtS) / 3600;
}
