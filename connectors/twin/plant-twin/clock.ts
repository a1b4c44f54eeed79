/**
 * Advancing simulated time. Per sub-step (at most one second): boards move along each line, then every
 * machine advances its PackML acting state, process values, wear, random faults, material levels,
 * alarms and energy, and the simulated operator reacts.
 */
import { AppError } from '../../../lib/errors';
import { UTILITIES_AREA, type LineId } from '../catalogue';
import { updateWear } from '../degradation';
import { updateProcessValues } from '../process-models';
import { advanceFaults, evaluateAlarms } from './alarms';
import { advanceLine } from './board-flow';
import { accumulateEnergy } from './energy';
import { advanceActingState, isEnergised, refreshCommonValues } from './machine-state';
import { advanceRefills } from './materials';
import { operate } from './operator';
import { isoNow, type TwinState } from './runtime';

const MAX_SUBSTEP_MS = 1_000;

/** Advances simulated time by `dtMs` (any size; internally in sub-steps of at most 1 s). */
export function step(twin: TwinState, dtMs: number): void {
  if (!Number.isFinite(dtMs) || dtMs < 0) throw new AppError('invalid_argument', `step needs a non-negative duration in ms, got ${dtMs}.`);
  let remainingMs = dtMs;
  while (remainingMs > 0) {
    const subMs = Math.min(MAX_SUBSTEP_MS, remainingMs);
    remainingMs -= subMs;
    substep(twin, subMs);
  }
}

function substep(twin: TwinState, dtMs: number): void {
  twin.elapsedMs += dtMs;
  const dtS = dtMs / 1000;
  for (const line of twin.lines.values()) advanceLine(twin, line, dtMs);
  const air = twin.machines.get('UT-AIR');
  const chiller = twin.machines.get('UT-CHL');
  const airPressureBar = (air?.values.PressureBar as number | undefined) ?? 6.5;
  const chillerSupplyTempC = (chiller?.values.SupplyTempC as number | undefined) ?? 16;
  let reflowOvensEnergised = 0;
  let lineMachinesRunning = 0;
  for (const machine of twin.machines.values()) {
    if (machine.definition.type === 'reflow-oven' && isEnergised(machine)) reflowOvensEnergised++;
    if (machine.definition.area !== UTILITIES_AREA && machine.state === 'Execute') lineMachinesRunning++;
  }
  for (const machine of twin.machines.values()) {
    advanceActingState(twin, machine);
    const running = machine.state === 'Execute';
    const printer = machine.definition.type === 'solder-paste-inspection' ? twin.lines.get(machine.definition.area as LineId)?.machines[0].values : undefined;
    updateProcessValues(
      {
        type: machine.definition.type,
        tags: machine.tags,
        values: machine.values,
        running,
        energised: isEnergised(machine),
        dtS,
        random: twin.random,
        airPressureBar,
        chillerSupplyTempC,
        reflowOvensEnergised,
        lineMachinesRunning,
      },
      printer,
    );
    if (machine.degradation) {
      updateWear(machine.degradation.profile, machine.degradation.state, machine.values, { running, speedPct: machine.speedPct, dtS, random: twin.random });
    }
    advanceFaults(twin, machine, dtMs);
    advanceRefills(twin, machine, dtMs);
    evaluateAlarms(twin, machine);
    accumulateEnergy(twin, machine, dtS);
    refreshCommonValues(twin, machine);
    if (twin.options.autoOperator) operate(twin, machine);
  }
  twin.alarmBook.expireShelves(twin.startTimeMs + twin.elapsedMs, isoNow(twin));
}
