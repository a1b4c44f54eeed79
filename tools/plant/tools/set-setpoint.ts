/**
 * `set_setpoint`: change one writable setpoint of one asset — only ever through the approval
 * gate. Arguments name the exact asset and tag ids, so what is approved is unambiguous; the
 * value must lie within the tag's EURange (the plant refuses anything else too).
 */
import { z } from 'zod';
import { waitForValue, writeValue } from '@/connectors/opcua/write-path';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import { describeValue, liveValue, requireAsset, safetyNotesFor, type ActuationDeps } from '../service/actuation-context';

export const SetSetpointInput = z.strictObject({
  asset: z.string().min(1).max(64).describe('exact asset id, e.g. L2-RFL'),
  tag: z.string().min(1).max(128).describe('exact writable tag id, e.g. Zone4.SetpointC'),
  value: z
    .number()
    .finite()
    .describe(
      'the new setpoint in the tag’s own engineering unit (asset_state gives it); never convert or reinterpret a value the user gave in another unit (80 % for a tag in mm/s, psi for bar): ask the user instead',
    ),
});

const Output = z.object({
  asset: z.string(),
  tag: z.string(),
  written: z.number(),
  unit: z.string().nullable(),
  readBackAfterWrite: z.string(),
});

/** Values equal within this fraction of the range count as read back (float round trips). */
const READ_BACK_TOLERANCE = 1e-6;

export function setSetpointTool(deps: ActuationDeps) {
  const tagOf = (assetId: string, tagId: string) => {
    const asset = requireAsset(deps.plant, assetId);
    const tag = asset.tags.find((t) => t.id === tagId);
    if (!tag) {
      const writable = asset.tags.filter((t) => t.writable).map((t) => t.id);
      throw new AppError('not_found', `${assetId} has no tag "${tagId}". Its setpoints are: ${writable.join(', ') || 'none'}.`);
    }
    if (!tag.writable) {
      const writable = asset.tags.filter((t) => t.writable).map((t) => t.id);
      throw new AppError(
        'invalid_argument',
        `${assetId}/${tagId} is a measured value, not a setpoint. Setpoints of ${assetId}: ${writable.join(', ') || 'none'}.`,
      );
    }
    return { asset, tag };
  };

  return defineTool({
    name: 'set_setpoint',
    title: 'Change a setpoint',
    description:
      'Requests a change of one writable setpoint (e.g. a reflow zone temperature or a conveyor speed) on one asset. ' +
      'It never writes directly: it files an approval request that a supervisor must approve; the result says whether it is pending, executed or refused.',
    input: SetSetpointInput,
    output: Output,
    effect: 'actuate',

    async preview(input) {
      const { asset, tag } = tagOf(input.asset, input.tag);
      const range = tag.range;
      if (range && (input.value < range.low || input.value > range.high)) {
        throw new AppError(
          'invalid_argument',
          `${input.value} ${tag.unit ?? ''} is outside the allowed range of ${asset.id}/${tag.id} (${range.low}–${range.high} ${tag.unit ?? ''}).`.replace(
            / +\)/,
            ')',
          ),
        );
      }
      const current = await liveValue(deps.plant, asset.id, tag.id);
      const normal = deps.normalRangeOf?.(asset.id, tag.id);
      const outsideNormal = normal !== undefined && (input.value < normal.low || input.value > normal.high);
      const currentNumber = typeof current.value === 'number' ? current.value : undefined;
      const bigStep = range !== undefined && currentNumber !== undefined && Math.abs(input.value - currentNumber) > 0.1 * (range.high - range.low);
      const notes = await safetyNotesFor(deps, { assetId: asset.id, assetName: asset.name, subject: `${tag.id} setpoint change limits` });
      if (current.quality !== 'good')
        notes.unshift({ text: `The current value is not known reliably (${current.quality}: ${current.statusText}). Check the machine before approving.` });
      if (outsideNormal) notes.unshift({ text: `The new value is outside the normal operating band ${normal!.low}–${normal!.high} ${tag.unit ?? ''}.` });
      return {
        summary: `Set ${asset.name} ${tag.id} to ${input.value}${tag.unit ? ` ${tag.unit}` : ''}`,
        asset: { id: asset.id, name: asset.name, line: asset.line },
        changes: [
          {
            what: `${asset.id}/${tag.id}`,
            current: describeValue(current, tag.unit),
            proposed: String(input.value),
            unit: tag.unit ?? undefined,
            allowedRange: range ? `${range.low}–${range.high}${tag.unit ? ` ${tag.unit}` : ''}` : undefined,
          },
        ],
        expectedEffect: tag.description
          ? `${tag.description} The measured value follows the new setpoint over the next minutes.`
          : 'The measured value follows the new setpoint.',
        safetyNotes: notes,
        risk: outsideNormal || bigStep ? 'high' : 'medium',
      };
    },

    async run(input) {
      const { tag } = tagOf(input.asset, input.tag);
      const result = await writeValue(deps.plant, input.asset, input.tag, input.value);
      return { asset: input.asset, tag: input.tag, written: input.value, unit: tag.unit ?? null, readBackAfterWrite: describeValue(result.readBack, tag.unit) };
    },

    async readBack(input) {
      const { tag } = tagOf(input.asset, input.tag);
      const tolerance = Math.max(Math.abs(input.value) * READ_BACK_TOLERANCE, 1e-9);
      const result = await waitForValue(
        deps.plant,
        input.asset,
        input.tag,
        (v) => v.quality === 'good' && typeof v.value === 'number' && Math.abs(v.value - input.value) <= tolerance,
        deps.readBackTimeoutMs ?? 10_000,
      );
      return {
        ok: result.ok,
        observed: `${input.asset}/${input.tag} = ${describeValue(result.observed, tag.unit)}`,
        detail: result.ok ? `confirmed after ${result.waitedMs} ms` : `the plant did not report ${input.value} within ${deps.readBackTimeoutMs ?? 10_000} ms`,
      };
    },
  });
}
