/**
 * `machine_command`: start, stop, hold, unhold, reset or clear one machine — only ever through the
 * approval gate. The preview checks the command against the machine's current PackML state, so a
 * request that cannot work is refused before anyone is asked to approve it; read-back confirms the
 * state really moved.
 */
import { z } from 'zod';
import { callMethod, waitForValue } from '@/connectors/opcua/write-path';
import { ACTING_STATES, allowedPackmlCommands, isPackmlState, packmlTransition, type PackmlState } from '@/connectors/twin/packml';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import { describeValue, requireAsset, safetyNotesFor, type ActuationDeps } from '../service/actuation-context';

export const MACHINE_COMMANDS = ['start', 'stop', 'hold', 'unhold', 'reset', 'clear'] as const;
type MachineCommand = (typeof MACHINE_COMMANDS)[number];

export const MachineCommandInput = z.strictObject({
  asset: z.string().min(1).max(64).describe('exact asset id, e.g. L1-PNP2'),
  command: z.enum(MACHINE_COMMANDS),
});

const Output = z.object({ asset: z.string(), command: z.enum(MACHINE_COMMANDS), method: z.string(), stateBefore: z.string() });

const METHOD: Record<MachineCommand, string> = { start: 'Start', stop: 'Stop', hold: 'Hold', unhold: 'Unhold', reset: 'Reset', clear: 'Clear' };

const EFFECT: Record<MachineCommand, string> = {
  start: 'The machine starts producing (Starting → Execute); boards begin to flow.',
  stop: 'The machine stops in a controlled way (Stopping → Stopped); boards inside stay where they are.',
  hold: 'The machine pauses production (Holding → Held), e.g. for a material change; it can resume with unhold.',
  unhold: 'The machine resumes production from Held (Unholding → Execute).',
  reset: 'The machine is made ready to start (Resetting → Idle).',
  clear: 'Faults are cleared after an abort (Clearing → Stopped); a reset follows before a start.',
};

/** The states that show the command took effect: the acting state and the one after it. */
function expectedStates(from: PackmlState, command: MachineCommand): PackmlState[] {
  const acting = packmlTransition(from, command);
  if (!acting) return [];
  const next = ACTING_STATES[acting]?.next;
  return next ? [acting, next] : [acting];
}

export function machineCommandTool(deps: ActuationDeps) {
  const currentState = (assetId: string): { state: PackmlState | undefined; text: string } => {
    const asset = requireAsset(deps.plant, assetId);
    if (!asset.methods.some((m) => m.id === 'Start')) {
      throw new AppError('invalid_argument', `${assetId} (${asset.name}) takes no machine commands.`);
    }
    const value = deps.plant.getValue(assetId, 'State');
    const raw = typeof value.value === 'string' ? value.value : undefined;
    return { state: value.quality === 'good' && raw && isPackmlState(raw) ? raw : undefined, text: describeValue(value) };
  };

  return defineTool({
    name: 'machine_command',
    title: 'Start, stop or hold a machine',
    description:
      'Requests a PackML command (start, stop, hold, unhold, reset, clear) for one machine. It never acts directly: it files an approval request ' +
      'that a supervisor must approve; the result says whether it is pending, executed or refused.',
    input: MachineCommandInput,
    output: Output,
    effect: 'actuate',

    async preview(input) {
      const asset = requireAsset(deps.plant, input.asset);
      const { state, text } = currentState(input.asset);
      if (!state) {
        throw new AppError(
          'plant_bad_quality',
          `The state of ${asset.id} is not known reliably right now (${text}); a command cannot be checked. Try again when the plant connection is good.`,
        );
      }
      const targets = expectedStates(state, input.command);
      if (targets.length === 0) {
        const allowed = allowedPackmlCommands(state).filter((c): c is MachineCommand => (MACHINE_COMMANDS as readonly string[]).includes(c));
        throw new AppError(
          'conflict',
          `${asset.name} is ${state}; "${input.command}" is not possible from there. Possible now: ${allowed.join(', ') || 'none'}.`,
        );
      }
      const notes = await safetyNotesFor(deps, { assetId: asset.id, assetName: asset.name, subject: `${input.command} machine procedure` });
      return {
        summary: `${input.command[0]!.toUpperCase()}${input.command.slice(1)} ${asset.name}`,
        asset: { id: asset.id, name: asset.name, line: asset.line },
        changes: [{ what: `${asset.id} state`, current: state, proposed: targets.join(' → ') }],
        expectedEffect: EFFECT[input.command],
        safetyNotes: notes,
        risk: 'medium',
      };
    },

    async run(input) {
      const { text } = currentState(input.asset);
      await callMethod(deps.plant, input.asset, METHOD[input.command], []);
      return { asset: input.asset, command: input.command, method: METHOD[input.command], stateBefore: text };
    },

    async readBack(input, output) {
      const before = output.stateBefore;
      const from = isPackmlState(before) ? before : undefined;
      const targets = from ? expectedStates(from, input.command) : [];
      const timeoutMs = deps.readBackTimeoutMs ?? 15_000;
      const result = await waitForValue(
        deps.plant,
        input.asset,
        'State',
        (v) => v.quality === 'good' && typeof v.value === 'string' && (targets.length ? targets.includes(v.value as PackmlState) : v.value !== before),
        timeoutMs,
      );
      return {
        ok: result.ok,
        observed: `${input.asset} state ${describeValue(result.observed)}`,
        detail: result.ok ? `moved from ${before} after ${result.waitedMs} ms` : `still not ${targets.join(' or ') || 'changed'} after ${timeoutMs} ms`,
      };
    },
  });
}
