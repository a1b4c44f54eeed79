/**
 * The PackML state model (ISA-TR88.00.02) as a pure table. Commands move a machine from a wait state
 * into an acting state; an acting state finishes on its own after a short time (state complete, SC)
 * and moves to the next wait state. Anything not in the table is illegal and is refused, never ignored.
 */

export const PACKML_STATES = [
  'Clearing',
  'Stopped',
  'Starting',
  'Idle',
  'Suspended',
  'Execute',
  'Stopping',
  'Aborting',
  'Aborted',
  'Holding',
  'Held',
  'Unholding',
  'Suspending',
  'Unsuspending',
  'Resetting',
  'Completing',
  'Complete',
] as const;
export type PackmlState = (typeof PACKML_STATES)[number];

/** ISA-TR88.00.02 state numbers (Clearing = 1 … Complete = 17). */
export function packmlStateCode(state: PackmlState): number {
  return PACKML_STATES.indexOf(state) + 1;
}

/** Commands a person or client may give. */
export const PACKML_COMMANDS = ['start', 'stop', 'hold', 'unhold', 'reset', 'clear', 'abort'] as const;
export type PackmlCommand = (typeof PACKML_COMMANDS)[number];

/** Events the machine raises itself (starved/blocked, order finished). */
export type PackmlInternalEvent = 'suspend' | 'unsuspend' | 'complete';

const ACTIVE_STATES: readonly PackmlState[] = [
  'Idle',
  'Starting',
  'Execute',
  'Suspending',
  'Suspended',
  'Unsuspending',
  'Holding',
  'Held',
  'Unholding',
  'Completing',
  'Complete',
  'Resetting',
];

const COMMAND_TRANSITIONS: Record<PackmlCommand | PackmlInternalEvent, Partial<Record<PackmlState, PackmlState>>> = {
  start: { Idle: 'Starting' },
  reset: { Stopped: 'Resetting', Complete: 'Resetting' },
  hold: { Execute: 'Holding', Suspended: 'Holding' },
  unhold: { Held: 'Unholding' },
  clear: { Aborted: 'Clearing' },
  stop: Object.fromEntries(ACTIVE_STATES.map((state) => [state, 'Stopping'])),
  abort: Object.fromEntries(PACKML_STATES.filter((state) => state !== 'Aborting' && state !== 'Aborted').map((state) => [state, 'Aborting'])),
  suspend: { Execute: 'Suspending' },
  unsuspend: { Suspended: 'Unsuspending' },
  complete: { Execute: 'Completing', Suspended: 'Completing' },
};

/** Acting states, how long they take and where they end. */
export const ACTING_STATES: Partial<Record<PackmlState, { durationMs: number; next: PackmlState }>> = {
  Starting: { durationMs: 5_000, next: 'Execute' },
  Stopping: { durationMs: 3_000, next: 'Stopped' },
  Aborting: { durationMs: 1_000, next: 'Aborted' },
  Clearing: { durationMs: 2_000, next: 'Stopped' },
  Holding: { durationMs: 2_000, next: 'Held' },
  Unholding: { durationMs: 2_000, next: 'Execute' },
  Suspending: { durationMs: 1_000, next: 'Suspended' },
  Unsuspending: { durationMs: 1_000, next: 'Execute' },
  Resetting: { durationMs: 5_000, next: 'Idle' },
  Completing: { durationMs: 2_000, next: 'Complete' },
};

/** The state a command or event leads to, or undefined when it is not allowed in `state`. */
export function packmlTransition(state: PackmlState, trigger: PackmlCommand | PackmlInternalEvent): PackmlState | undefined {
  return COMMAND_TRANSITIONS[trigger][state];
}

/** Commands allowed in a state, for error messages and UIs. */
export function allowedPackmlCommands(state: PackmlState): PackmlCommand[] {
  return PACKML_COMMANDS.filter((command) => packmlTransition(state, command) !== undefined);
}

export function isPackmlState(value: string): value is PackmlState {
  return (PACKML_STATES as readonly string[]).includes(value);
}

/** States in which a machine produces (or could, as soon as material arrives). */
export function isProducing(state: PackmlState): boolean {
  return state === 'Execute';
}
