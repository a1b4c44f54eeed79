/**
 * `plant_overview`: the whole plant at a glance — per line and machine the state, speed, good / scrap /
 * total counts this shift, output against plan, OEE so far and active alarms by priority, every value
 * with its quality. Definitions of the counts, plan and OEE are in shift-performance.ts.
 */
import { z } from 'zod';
import type { AssetInfo, PlantConnection } from '../../connectors/opcua/plant-connection';
import { LINES } from '../../connectors/twin/catalogue';
import { defineTool } from '../tool';
import { Source } from '../sources';
import { AlarmsByPriority, activeAlarmsOf, countByPriority } from './active-alarms';
import { lineIds, resolveLine } from './asset-resolver';
import { DataQuality, PlantValue, plantHref, summariseQuality, tagSource, toPlantValue, type Quality } from './plant-values';
import { systemClock, type PlantReadDeps } from './read-deps';
import { computeOee, idealTimes, runTimeS, shiftCounts } from './shift-performance';
import { shiftWindow } from './shift-window';

export const PlantOverviewInput = z.strictObject({
  line: z.string().trim().min(1).max(40).optional().describe('Only this line, e.g. "Line2", "line 2" or "utilities"; default all'),
});

const OeeOutput = z.object({
  availability: z.number().nullable(),
  performance: z.number().nullable(),
  quality: z.number().nullable(),
  oee: z.number().nullable(),
  runTimeS: z.number().nullable(),
  idealCycleTimeS: z.number().nullable(),
});

const Counts = z.object({
  good: z.number().nullable(),
  scrap: z.number().nullable(),
  total: z.number().nullable(),
  unit: z.literal('boards'),
  countedFrom: z.string(),
  basis: z.string(),
});

const MachineOverview = z.object({
  id: z.string(),
  name: z.string(),
  state: PlantValue,
  speed: PlantValue,
  orderId: z.string().nullable(),
  productId: z.string().nullable(),
  countsThisShift: Counts.nullable(),
  plannedUnits: z.number().nullable(),
  outputVsPlanPct: z.number().nullable(),
  oee: OeeOutput.nullable(),
  activeAlarms: z.object({ total: z.number().int(), byPriority: AlarmsByPriority, codes: z.array(z.string()) }),
  worstQuality: z.enum(['good', 'uncertain', 'bad']),
});
type MachineOverview = z.infer<typeof MachineOverview>;

const LineOverview = z.object({
  id: z.string(),
  name: z.string(),
  /** Machines per PackML state, e.g. { Execute: 6, Held: 1, Aborted: 1 }. */
  states: z.record(z.string(), z.number().int()),
  /** The line's output is what its last machine completed. */
  outputMachineId: z.string().nullable(),
  goodThisShift: z.number().nullable(),
  plannedUnits: z.number().nullable(),
  outputVsPlanPct: z.number().nullable(),
  oee: z.number().nullable(),
  activeAlarms: AlarmsByPriority,
  machines: z.array(MachineOverview),
});

export const PlantOverviewOutput = z.object({
  now: z.string(),
  shift: z.object({ name: z.string(), start: z.string(), end: z.string(), timeZone: z.string() }),
  connection: z.enum(['connected', 'reconnecting', 'closed']),
  lines: z.array(LineOverview),
  definitions: z.string(),
  dataQuality: DataQuality,
  sources: z.array(Source),
});
export type PlantOverviewOutput = z.infer<typeof PlantOverviewOutput>;

const DEFINITIONS =
  'Counts this shift = counter now − counter at shift start (historian). Planned units = elapsed counting time ÷ takt (slowest routing step of the ' +
  'product at 100 % speed). OEE = availability (time in Execute ÷ elapsed) × performance (ideal cycle time × total ÷ run time) × quality (good ÷ ' +
  'total). A line’s output and OEE are those of its last machine. The shift is the plant’s current one (name, start, end and time zone in the output).';

function numberOf(plant: PlantConnection, asset: AssetInfo, tagId: string): number | null {
  if (!asset.tags.some((tag) => tag.id === tagId)) return null;
  const value = plant.getValue(asset.id, tagId);
  return value.quality !== 'bad' && typeof value.value === 'number' ? value.value : null;
}

function textOf(plant: PlantConnection, asset: AssetInfo, tagId: string): string | null {
  if (!asset.tags.some((tag) => tag.id === tagId)) return null;
  const value = plant.getValue(asset.id, tagId);
  return typeof value.value === 'string' && value.value !== '' ? value.value : null;
}

function missing(tagId: string): PlantValue {
  return { value: null, unit: null, sourceTimestamp: null, quality: 'bad', current: false, status: `The asset has no ${tagId} tag.` };
}

/** Machines of a line in flow order: the catalogue's order for twin lines, else the order listed. */
function machinesOf(assets: readonly AssetInfo[], line: string): AssetInfo[] {
  const onLine = assets.filter((asset) => asset.line === line);
  const order = LINES.find((candidate) => candidate.id === line)?.machineIds;
  if (!order) return onLine;
  return [...onLine].sort((a, b) => (order.indexOf(a.id) + 1 || 999) - (order.indexOf(b.id) + 1 || 999));
}

async function machineOverview(deps: PlantReadDeps, asset: AssetInfo, shift: { start: Date }, now: Date): Promise<MachineOverview> {
  const { plant, historian } = deps;
  const state = asset.tags.some((tag) => tag.id === 'State') ? toPlantValue('State', plant.getValue(asset.id, 'State')) : missing('State');
  const speed = asset.tags.some((tag) => tag.id === 'SpeedPct') ? toPlantValue('SpeedPct', plant.getValue(asset.id, 'SpeedPct')) : missing('SpeedPct');
  const alarms = activeAlarmsOf(plant, asset);
  const qualities: Quality[] = [state.quality, speed.quality, ...alarms.map((alarm) => alarm.quality)];
  const productId = textOf(plant, asset, 'ProductId');
  const producing = asset.tags.some((tag) => tag.id === 'GoodCount');
  let countsThisShift: MachineOverview['countsThisShift'] = null;
  let oee: MachineOverview['oee'] = null;
  let plannedUnits: number | null = null;
  if (producing) {
    const good = plant.getValue(asset.id, 'GoodCount');
    qualities.push(good.quality);
    const counts = await shiftCounts(
      historian,
      asset.id,
      { good: numberOf(plant, asset, 'GoodCount'), scrap: numberOf(plant, asset, 'ScrapCount') },
      shift.start,
      now,
    );
    countsThisShift = {
      good: counts.good,
      scrap: counts.scrap,
      total: counts.total,
      unit: 'boards',
      countedFrom: counts.countedFrom.toISOString(),
      basis: counts.basis,
    };
    const windowS = Math.max(0, (now.getTime() - counts.countedFrom.getTime()) / 1000);
    const { idealCycleTimeS, taktS } = idealTimes(asset.id, productId);
    const runS = await runTimeS(historian, asset.id, counts.countedFrom, now, numberOf(plant, asset, 'StateCode'));
    oee = {
      ...computeOee({ windowS, runS, idealCycleTimeS, good: counts.good, total: counts.total }),
      runTimeS: runS === null ? null : Math.round(runS),
      idealCycleTimeS,
    };
    plannedUnits = taktS ? Math.floor(windowS / taktS) : null;
  }
  return {
    id: asset.id,
    name: asset.name,
    state,
    speed,
    orderId: textOf(plant, asset, 'OrderId'),
    productId,
    countsThisShift,
    plannedUnits,
    outputVsPlanPct: percent(countsThisShift?.good ?? null, plannedUnits),
    oee,
    activeAlarms: { total: alarms.length, byPriority: countByPriority(alarms), codes: alarms.map((alarm) => alarm.code) },
    worstQuality: summariseQuality(qualities.map((quality) => ({ name: asset.id, quality }))).worst,
  };
}

function percent(actual: number | null, planned: number | null): number | null {
  return actual !== null && planned ? Math.round((actual / planned) * 1000) / 10 : null;
}

export function plantOverviewTool(deps: PlantReadDeps) {
  return defineTool({
    name: 'plant_overview',
    title: 'Plant overview',
    description:
      'The plant at a glance: per line and machine the PackML state, speed, good/scrap/total boards this shift, output vs plan, OEE so far ' +
      '(availability × performance × quality) and active alarms by priority, with data quality. Start here for "how is the plant doing", then ' +
      'use asset_state, alarms or tag_history for detail.',
    input: PlantOverviewInput,
    output: PlantOverviewOutput,
    effect: 'read',
    async run(input) {
      // Read per call: the app may hand over a new connection after the plant came back.
      const { plant, now = systemClock } = deps;
      const at = now();
      const shift = shiftWindow(at, deps.shiftCalendar);
      const assets = plant.listAssets();
      const lines = input.line ? [resolveLine(assets, input.line)] : lineIds(assets);
      const result = await Promise.all(
        lines.map(async (line) => {
          const members = machinesOf(assets, line);
          const machines = await Promise.all(members.map((asset) => machineOverview(deps, asset, shift, at)));
          const states: Record<string, number> = {};
          for (const machine of machines) {
            const name = machine.state.quality === 'good' ? String(machine.state.value) : `unknown (${machine.state.quality})`;
            states[name] = (states[name] ?? 0) + 1;
          }
          const output = [...machines].reverse().find((machine) => machine.countsThisShift !== null) ?? null;
          const byPriority = countByPriority([]);
          for (const machine of machines)
            for (const key of Object.keys(byPriority) as (keyof typeof byPriority)[]) byPriority[key] += machine.activeAlarms.byPriority[key];
          return {
            id: line,
            name: LINES.find((candidate) => candidate.id === line)?.displayName ?? line,
            states,
            outputMachineId: output?.id ?? null,
            goodThisShift: output?.countsThisShift?.good ?? null,
            plannedUnits: output?.plannedUnits ?? null,
            outputVsPlanPct: output?.outputVsPlanPct ?? null,
            oee: output?.oee?.oee ?? null,
            activeAlarms: byPriority,
            machines,
          };
        }),
      );
      const all = result.flatMap((line) => line.machines);
      const sources: Source[] = result.map((line) => ({ kind: 'tag' as const, id: line.id, title: `${line.name} live overview`, href: `/plant#${line.id}` }));
      for (const machine of all.filter((candidate) => candidate.activeAlarms.total > 0)) {
        sources.push({ kind: 'alarm', id: `${machine.id}/ActiveAlarms`, title: `${machine.id} active alarms`, href: `${plantHref(machine.id)}#alarms` });
      }
      for (const machine of all.filter(
        (candidate) => candidate.state.quality === 'good' && ['Aborted', 'Stopped', 'Held'].includes(String(candidate.state.value)),
      )) {
        sources.push(tagSource(machine.id, 'State', machine.state));
      }
      return {
        now: at.toISOString(),
        shift: { name: shift.name, start: shift.start.toISOString(), end: shift.end.toISOString(), timeZone: 'Europe/Berlin' },
        connection: plant.state,
        lines: result,
        definitions: DEFINITIONS,
        dataQuality: summariseQuality(all.map((machine) => ({ name: machine.id, quality: machine.worstQuality }))),
        sources,
      };
    },
  });
}
