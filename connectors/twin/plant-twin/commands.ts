/**
 * What people (and tools) do to a machine: PackML commands, speed, setpoints and maintenance. Each
 * refuses, with an AppError that says why, what the machine cannot do now.
 */
import { AppError } from '../../../lib/errors';
import { resetWear } from '../degradation';
import { ACTING_STATES, allowedPackmlCommands, packmlTransition, type PackmlCommand } from '../packml';
import type { CommandResult } from '../twin-types';
import { activeStopAlarms, evaluateAlarms } from './alarms';
import { refreshCommonValues, transition } from './machine-state';
import { isoNow, requireMachine, type TwinState } from './runtime';

const SPEED_RANGE_PCT = { low: 10, high: 100 } as const;

/** Gives a PackML command; refuses (AppError conflict) one the state model does not allow now. */
export function giveCommand(twin: TwinState, machineId: string, command: PackmlCommand): CommandResult {
  const machine = requireMachine(twin, machineId);
  const from = machine.state;
  const to = packmlTransition(from, command);
  if (!to) {
    const allowed = allowedPackmlCommands(from).join(', ') || 'none';
    throw new AppError('conflict', `${machineId} is ${from}; ${command} is not allowed in that state. Allowed now: ${allowed}.`, {
      details: { machineId, state: from, command, allowed: allowedPackmlCommands(from) },
    });
  }
  if (command === 'clear') {
    const blocking = activeStopAlarms(twin, machine);
    if (blocking.length > 0) {
      throw new AppError(
        'conflict',
        `${machineId} cannot be cleared while ${blocking.map((a) => `${a.code} (${a.text})`).join(', ')} is active. Fix the cause first.`,
        {
          details: { machineId, activeAlarms: blocking.map((a) => a.code) },
        },
      );
    }
  }
  machine.resumeAfterFault = false;
  transition(twin, machine, to, `command ${command}`);
  return { machineId, command, from, to };
}

/** Sets a machine's speed in percent of rated speed (10–100). */
export function setSpeed(twin: TwinState, machineId: string, speedPct: number): { machineId: string; speedPct: number; previousSpeedPct: number } {
  const machine = requireMachine(twin, machineId);
  if (!Number.isFinite(speedPct) || speedPct < SPEED_RANGE_PCT.low || speedPct > SPEED_RANGE_PCT.high) {
    throw new AppError('invalid_argument', `Speed ${speedPct} % is outside the allowed ${SPEED_RANGE_PCT.low}–${SPEED_RANGE_PCT.high} %.`, {
      details: { reason: 'out_of_range', ...SPEED_RANGE_PCT },
    });
  }
  const previousSpeedPct = machine.speedPct;
  machine.speedPct = speedPct;
  refreshCommonValues(twin, machine);
  twin.emit({ kind: 'speed-changed', time: isoNow(twin), machineId, speedPct });
  return { machineId, speedPct, previousSpeedPct };
}

/**
 * Writes a setpoint tag. Refuses unknown tags (not_found), read-only tags and values outside the
 * tag's EURange (invalid_argument with details.reason 'not_writable' | 'out_of_range').
 */
export function writeSetpoint(
  twin: TwinState,
  machineId: string,
  tagId: string,
  value: number,
): { machineId: string; tagId: string; value: number; previousValue: number } {
  const machine = requireMachine(twin, machineId);
  const tag = machine.tagById.get(tagId);
  if (!tag) throw new AppError('not_found', `Machine ${machineId} has no tag ${tagId}. See the twin catalogue for its setpoints.`);
  if (!tag.writable || !tag.euRange) {
    throw new AppError('invalid_argument', `${machineId} ${tagId} is a measured value and cannot be written; write its setpoint instead.`, {
      details: { reason: 'not_writable' },
    });
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < tag.euRange.low || value > tag.euRange.high) {
    throw new AppError(
      'invalid_argument',
      `${machineId} ${tagId} = ${value} is outside its range ${tag.euRange.low}–${tag.euRange.high}. Choose a value inside the range.`,
      {
        details: { reason: 'out_of_range', ...tag.euRange },
      },
    );
  }
  const previousValue = machine.values[tagId] as number;
  machine.values[tagId] = value;
  twin.emit({ kind: 'setpoint-changed', time: isoNow(twin), machineId, tagId, value });
  return { machineId, tagId, value, previousValue };
}

/** Replaces worn parts: wear back to 0 (and an ICT fixture's probes). The machine must not be running. */
export function performMaintenance(twin: TwinState, machineId: string): { machineId: string; asset: string } {
  const machine = requireMachine(twin, machineId);
  const isTester = machine.definition.type === 'in-circuit-test';
  if (!machine.degradation && !isTester) {
    throw new AppError(
      'invalid_argument',
      `${machineId} has no wearing parts modelled in the twin; maintenance applies to pick-and-place, reflow ovens, ICT fixtures and utilities.`,
    );
  }
  if (machine.state === 'Execute' || ACTING_STATES[machine.state]?.next === 'Execute') {
    throw new AppError('conflict', `${machineId} is ${machine.state}. Hold or stop it before maintenance.`);
  }
  const asset = machine.degradation?.profile.asset ?? 'Test fixture probes';
  if (machine.degradation) resetWear(machine.degradation.profile, machine.degradation.state, machine.values);
  if (isTester) machine.values.FixtureCycles = 0;
  twin.emit({ kind: 'maintenance', time: isoNow(twin), machineId, asset });
  evaluateAlarms(twin, machine);
  return { machineId, asset };
}
