/**
 * `asset_state`: every tag of one asset as the plant reports it now — value, unit, source timestamp
 * and quality — plus its active alarms. The asset may be named loosely ("reflow on line 2").
 */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { Source } from '../../sources';
import { ActiveAlarm, activeAlarmsOf, activeAlarmsQuality } from '../service/active-alarms';
import type { AssetInfo, PlantConnection } from '@/connectors/opcua/plant-connection';
import { LINES } from '@/connectors/twin/catalogue';
import { isAppError } from '@/lib/errors';
import { resolveAsset, resolveLine } from '../service/asset-resolver';
import { DataQuality, PlantValue, plantHref, summariseQuality, tagSource, toPlantValue } from '../engine/plant-values';
import type { PlantReadDeps } from '../service/read-deps';

export const AssetStateInput = z.strictObject({
  asset: z.string().trim().min(1).max(120).describe('Asset id or name, e.g. "L2-RFL", "reflow oven on line 2", "P&P 1 line 1", "chiller"'),
  tags: z
    .array(z.string().trim().min(1).max(80))
    .max(50)
    .optional()
    .describe('Only tags whose id contains one of these texts (case-insensitive), e.g. ["Zone4", "Vibration"]; default all'),
});
export type AssetStateInput = z.infer<typeof AssetStateInput>;

export const AssetTag = PlantValue.extend({ tagId: z.string(), description: z.string().nullable(), writable: z.boolean() });

/** When `asset` names a line: its machines in brief (use a machine id for every tag). */
export const LineMachine = z.object({ id: z.string(), name: z.string(), state: PlantValue, speed: PlantValue.nullable(), activeAlarmCount: z.number().int() });

export const AssetStateOutput = z.object({
  asset: z.object({ id: z.string(), name: z.string(), line: z.string().nullable(), type: z.string().nullable() }),
  tags: z.array(AssetTag),
  machines: z.array(LineMachine).optional(),
  activeAlarms: z.array(ActiveAlarm),
  /** Present when the plant cannot vouch for `activeAlarms` (connection down, values not Good): says so in words. */
  activeAlarmsNote: z.string().optional(),
  connection: z.enum(['connected', 'reconnecting', 'closed']),
  dataQuality: DataQuality,
  sources: z.array(Source),
});
export type AssetStateOutput = z.infer<typeof AssetStateOutput>;

export function assetStateTool(deps: PlantReadDeps) {
  return defineTool({
    name: 'asset_state',
    title: 'Asset state',
    description:
      'Current values of every tag of one machine or utility (state, speed, temperatures, counts, setpoints, …), each with unit, source timestamp ' +
      'and OPC UA quality, plus its active alarms with causes and operator actions. Names may be loose ("reflow on line 2"); a line ("Line1") gives its machines in brief; an ambiguous name ' +
      'returns the candidates. Values whose quality is not good are the last known ones, not current: say so.',
    input: AssetStateInput,
    output: AssetStateOutput,
    effect: 'read',
    async run(input) {
      // Read per call: the app may hand over a new connection after the plant came back.
      const { plant } = deps;
      const assets = plant.listAssets();
      const asset = resolveAssetOrLine(assets, input.asset);
      if (typeof asset === 'string') return lineState(plant, assets, asset);
      const state = plant.getAsset(asset.id);
      const wanted = input.tags?.map((text) => text.toLowerCase());
      const tags = state.tags
        .filter((tag) => !wanted || wanted.some((text) => tag.id.toLowerCase().includes(text)))
        .map((tag) => ({
          tagId: tag.id,
          description: tag.description ?? null,
          writable: tag.writable,
          ...toPlantValue(tag.id, state.values[tag.id]!),
        }));
      const sources: Source[] = [
        { kind: 'tag', id: asset.id, title: `${asset.name} (${asset.id}) live values`, href: plantHref(asset.id) },
        ...tags.filter((tag) => ['State', 'ActiveAlarms'].includes(tag.tagId)).map((tag) => tagSource(asset.id, tag.tagId, tag)),
      ];
      return {
        asset: { id: asset.id, name: asset.name, line: asset.line ?? null, type: asset.type ?? null },
        tags,
        activeAlarms: activeAlarmsOf(plant, asset),
        ...alarmsNote(plant, [asset]),
        connection: plant.state,
        dataQuality: summariseQuality(tags.map((tag) => ({ name: tag.tagId, quality: tag.quality }))),
        sources,
      };
    },
  });
}

/** Words for an active-alarm list the plant cannot vouch for; nothing when it can. */
function alarmsNote(plant: PlantConnection, assets: readonly AssetInfo[]): { activeAlarmsNote?: string } {
  const { unknown } = activeAlarmsQuality(plant, assets);
  return unknown ? { activeAlarmsNote: unknown } : {};
}

/** An asset, or — when the text names no asset but a line ("line 1") — the line's id. */
function resolveAssetOrLine(assets: readonly AssetInfo[], text: string): AssetInfo | string {
  try {
    return resolveAsset(assets, text);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'not_found') throw error;
    try {
      return resolveLine(assets, text);
    } catch {
      throw error;
    }
  }
}

function lineState(plant: PlantConnection, assets: readonly AssetInfo[], line: string): AssetStateOutput {
  const machines = assets
    .filter((asset) => asset.line === line)
    .map((asset) => {
      const has = (tagId: string) => asset.tags.some((tag) => tag.id === tagId);
      const count = has('ActiveAlarmCount') ? plant.getValue(asset.id, 'ActiveAlarmCount').value : 0;
      return {
        id: asset.id,
        name: asset.name,
        state: has('State')
          ? toPlantValue('State', plant.getValue(asset.id, 'State'))
          : { value: null, unit: null, sourceTimestamp: null, quality: 'bad' as const, current: false, status: 'No State tag.' },
        speed: has('SpeedPct') ? toPlantValue('SpeedPct', plant.getValue(asset.id, 'SpeedPct')) : null,
        activeAlarmCount: typeof count === 'number' ? count : 0,
      };
    });
  const activeAlarms = assets.filter((asset) => asset.line === line).flatMap((asset) => activeAlarmsOf(plant, asset));
  return {
    asset: { id: line, name: LINES.find((candidate) => candidate.id === line)?.displayName ?? line, line, type: 'line' },
    tags: [],
    machines,
    activeAlarms,
    ...alarmsNote(
      plant,
      assets.filter((asset) => asset.line === line),
    ),
    connection: plant.state,
    dataQuality: summariseQuality(machines.flatMap((machine) => [{ name: `${machine.id} State`, quality: machine.state.quality }])),
    sources: [{ kind: 'tag', id: line, title: `${line} live overview`, href: `/plant#${line}` }],
  };
}
