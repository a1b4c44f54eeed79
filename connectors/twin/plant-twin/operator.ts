/**
 * The simulated operator: brings faulted machines back, restarts finished lines with new work, and
 * sends maintenance to an asset that tripped on wear after the maintenance response time.
 */
import { UTILITIES_AREA, type LineId } from '../catalogue';
import { activeStopAlarms } from './alarms';
import { performMaintenance } from './commands';
import { fire } from './machine-state';
import { releasableOrder } from './orders';
import type { MachineRuntime, TwinState } from './runtime';

export function operate(twin: TwinState, machine: MachineRuntime): void {
  const line = machine.definition.area === UTILITIES_AREA ? undefined : twin.lines.get(machine.definition.area as LineId);
  switch (machine.state) {
    case 'Aborted': {
      const blocking = activeStopAlarms(twin, machine);
      if (blocking.length === 0) {
        if (machine.resumeAfterFault) fire(twin, machine, 'clear', 'operator: fault repaired');
      } else if (machine.degradation && twin.elapsedMs - machine.stateEnteredMs >= twin.options.maintenanceResponseMs) {
        const { profile } = machine.degradation;
        const wearTrip = blocking.some((alarm) => alarm.sourceTagId === profile.vibrationTagId || alarm.sourceTagId === profile.motorCurrentTagId);
        if (wearTrip) performMaintenance(twin, machine.definition.id);
      }
      return;
    }
    case 'Stopped':
      if (machine.resumeAfterFault) fire(twin, machine, 'reset', 'operator: reset after fault');
      return;
    case 'Idle':
      if (machine.resumeAfterFault) fire(twin, machine, 'start', 'operator: restart after fault');
      return;
    case 'Execute':
      machine.resumeAfterFault = false;
      return;
    case 'Complete':
      if (line && releasableOrder(twin, line)) {
        machine.resumeAfterFault = true;
        fire(twin, machine, 'reset', 'operator: new orders on the line');
      }
      return;
    default:
      return;
  }
}
