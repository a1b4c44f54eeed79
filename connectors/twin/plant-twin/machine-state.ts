/**
 * A machine's PackML state as the twin runs it: transitions (with their event), acting states that
 * complete on their own after their duration, and the common tags (state, speed, counts, alarms) that
 * mirror the machine's runtime.
 */
import { UTILITIES_AREA } from '../catalogue';
import { ACTING_STATES, packmlStateCode, packmlTransition, type PackmlCommand, type PackmlInternalEvent, type PackmlState } from '../packml';
import { PRODUCT_BY_ID, cycleTimeS, isoNow, type MachineRuntime, type TwinState } from './runtime';

export function transition(twin: TwinState, machine: MachineRuntime, to: PackmlState, cause: string): void {
  const from = machine.state;
  if (from === to) return;
  machine.state = to;
  machine.stateEnteredMs = twin.elapsedMs;
  machine.waitingMs = 0;
  refreshCommonValues(twin, machine);
  twin.emit({ kind: 'state-changed', time: isoNow(twin), machineId: machine.definition.id, from, to, cause });
}

/** Applies a command or internal event if the state model allows it now; returns whether it did. */
export function fire(twin: TwinState, machine: MachineRuntime, trigger: PackmlCommand | PackmlInternalEvent, cause: string): boolean {
  const to = packmlTransition(machine.state, trigger);
  if (!to) return false;
  transition(twin, machine, to, cause);
  return true;
}

export function isEnergised(machine: MachineRuntime): boolean {
  return !['Stopped', 'Aborted', 'Clearing', 'Aborting'].includes(machine.state);
}

/** Ends an acting state (Starting, Stopping, …) once its duration has passed. */
export function advanceActingState(twin: TwinState, machine: MachineRuntime): void {
  const acting = ACTING_STATES[machine.state];
  if (acting && twin.elapsedMs - machine.stateEnteredMs >= acting.durationMs) transition(twin, machine, acting.next, 'state complete');
}

export function refreshCommonValues(twin: TwinState, machine: MachineRuntime): void {
  const values = machine.values;
  values.State = machine.state;
  values.StateCode = packmlStateCode(machine.state);
  values.SpeedPct = machine.speedPct;
  values.EnergyKwh = machine.energyKwh;
  const active = twin.alarmBook.activeFor(machine.definition.id);
  values.ActiveAlarmCount = active.length;
  values.ActiveAlarms = active.map((alarm) => alarm.code).join(',');
  if (machine.definition.area === UTILITIES_AREA) return;
  values.CycleTimeS = cycleTimeS(machine);
  values.GoodCount = machine.goodCount;
  values.ScrapCount = machine.scrapCount;
  values.TotalCount = machine.goodCount + machine.scrapCount;
  values.OrderId = machine.orderId;
  values.ProductId = machine.productId;
  if (machine.definition.type === 'pick-and-place') {
    const product = PRODUCT_BY_ID.get(machine.productId);
    const busy = machine.state === 'Execute' && machine.board !== null;
    values.PlacementRatePerH = busy && product ? (product.componentsPerBoard / 2 / cycleTimeS(machine)) * 3600 : 0;
  }
}
