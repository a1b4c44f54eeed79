/**
 * Faults and alarms of a machine: random faults drawn from MTBF/MTTR as it runs (and injected ones),
 * alarm triggers evaluated against its tags, and the abort a stopping alarm causes.
 */
import { AppError } from '../../../lib/errors';
import { alarmId, evaluateTrigger } from '../alarm-book';
import { UTILITIES_AREA, type TagDefinition } from '../catalogue';
import type { AlarmRecord } from '../twin-types';
import { UNITS } from '../units';
import { fire } from './machine-state';
import { isoNow, requireMachine, type MachineRuntime, type TwinState } from './runtime';

/** Counts down repairs, and draws new random faults once a machine has run past its next failure. */
export function advanceFaults(twin: TwinState, machine: MachineRuntime, dtMs: number): void {
  for (const [code, remainingMs] of [...machine.repairRemainingMs]) {
    if (remainingMs - dtMs <= 0) machine.repairRemainingMs.delete(code);
    else machine.repairRemainingMs.set(code, remainingMs - dtMs);
  }
  if (machine.state !== 'Execute') return;
  // Utilities run continuously; line machines only age while they work on a board.
  if (machine.definition.area === UTILITIES_AREA) machine.runningHours += dtMs / 3_600_000;
  for (const alarm of machine.alarms) {
    if (alarm.trigger.kind !== 'random') continue;
    const dueAt = machine.nextFailureAtRunningHours.get(alarm.code)!;
    if (machine.runningHours < dueAt) continue;
    machine.nextFailureAtRunningHours.set(alarm.code, machine.runningHours + twin.random.exponential(alarm.trigger.mtbfHours));
    machine.repairRemainingMs.set(alarm.code, Math.max(30_000, twin.random.exponential(alarm.trigger.mttrMinutes * 60_000)));
  }
}

/** Raises a catalogue fault (random kind) now, repaired after `repairMs` (default: drawn from MTTR). */
export function injectFault(twin: TwinState, machineId: string, code: string, repairMs?: number): AlarmRecord {
  const machine = requireMachine(twin, machineId);
  const definition = machine.alarms.find((alarm) => alarm.code === code);
  if (!definition || definition.trigger.kind !== 'random') {
    const faults = machine.alarms.filter((alarm) => alarm.trigger.kind === 'random').map((alarm) => alarm.code);
    throw new AppError('not_found', `${code} is not a fault that can be injected on ${machineId}. Faults: ${faults.join(', ')}.`);
  }
  const mttrMs = definition.trigger.mttrMinutes * 60_000;
  machine.repairRemainingMs.set(code, repairMs ?? twin.random.exponential(mttrMs));
  evaluateAlarms(twin, machine);
  return twin.alarmBook.get(alarmId(machineId, code))!;
}

/** Raises and clears the machine's alarms from its tags and faults; a stopping alarm aborts it. */
export function evaluateAlarms(twin: TwinState, machine: MachineRuntime): void {
  const machineId = machine.definition.id;
  for (const definition of machine.alarms) {
    const id = alarmId(machineId, definition.code);
    const wasActive = twin.alarmBook.isActive(id);
    const reading =
      definition.trigger.kind === 'random'
        ? { active: machine.repairRemainingMs.has(definition.code), sourceTagId: null, value: null }
        : evaluateTrigger(definition, machine.values, wasActive);
    if (reading.active && !wasActive) {
      const tag = reading.sourceTagId ? machine.tagById.get(reading.sourceTagId) : undefined;
      const detail =
        reading.sourceTagId && reading.value !== null
          ? `${reading.sourceTagId} = ${reading.value.toFixed(1)}${tag?.unit && tag.unit !== 'count' ? ` ${unitSymbol(tag)}` : ''}`
          : '';
      twin.alarmBook.raise(machineId, definition, detail, reading.sourceTagId, isoNow(twin));
      if (definition.stopsMachine) abortForAlarm(twin, machine, definition.code);
    } else if (!reading.active && wasActive) {
      twin.alarmBook.clear(id, isoNow(twin));
    }
  }
}

function abortForAlarm(twin: TwinState, machine: MachineRuntime, code: string): void {
  if (machine.state === 'Aborting' || machine.state === 'Aborted') return;
  const wasProducing = !['Stopped', 'Stopping', 'Clearing'].includes(machine.state);
  machine.resumeAfterFault = machine.resumeAfterFault || wasProducing;
  if (machine.board && !machine.boardFinished) machine.workS = 0;
  fire(twin, machine, 'abort', `alarm ${code}`);
}

/** The machine's active alarms that stop it (and keep it from being cleared). */
export function activeStopAlarms(twin: TwinState, machine: MachineRuntime): AlarmRecord[] {
  return machine.alarms
    .filter((definition) => definition.stopsMachine)
    .map((definition) => twin.alarmBook.get(alarmId(machine.definition.id, definition.code)))
    .filter((record): record is AlarmRecord => record !== undefined && record.active);
}

function unitSymbol(tag: TagDefinition): string {
  return tag.unit ? UNITS[tag.unit].symbol : '';
}
