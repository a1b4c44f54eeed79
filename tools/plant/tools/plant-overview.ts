/**
 * `plant_overview`: the whole plant at a glance — per line and machine the state, speed, good / scrap /
 * total counts this shift, output against plan, OEE so far and active alarms by priority, every value
 * with its quality. The shift figures come from tools/kpis (the ISO 22400 definitions the handover
 * uses too), over the window [shift start, now] that the output names.
 */
import { z } from 'zod';
import type { AssetInfo, PlantConnection } from '@/connectors/opcua/plant-connection';
import { LINES } from '@/connectors/twin/catalogue';
import { defineTool } from '../../tool';
import { Source } from '../../sources';
import { AlarmsByPriority, activeAlarmsOf, countByPriority } from '../service/active-alarms';
import { lineIds, resolveLine } from '../service/asset-resolver';
import { DataQuality, PlantValue, plantHref, summariseQuality, tagSource, toPlantValue, type Quality } from '../engine/plant-values';
import { systemClock, type PlantReadDeps } from '../service/read-deps';
import { LineFigures, lineFiguresFrom } from '../../kpis/engine/line-figures';
import { readProductionFacts } from '../../kpis/service/line-figures';
import { KPI_DEFINITIONS, plannedBusyTimeMs, toPct } from '../../kpis/engine/iso-22400';
import type { LineLayout } from '../../kpis/engine/production-facts';
import { DEFAULT_SHIFT_CALENDAR } from '@/lib/shift-calendar';
import { AppError } from '@/lib/errors';
import { shiftWindow } from '../engine/shift-window';

export const PlantOverviewInput = z.strictObject({
  line: z.string().trim().min(1).max(40).optional().describe('Only this line, e.g. "Line2", "line 2" or "utilities"; default all'),
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
  /** Time in Execute this shift, and that as a share of the planned busy time (ISO 22400 availability). */
  runTimeMin: z.number().nullable(),
  availabilityPct: z.number().nullable(),
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
  oeePct: z.number().nullable(),
  /** The line's figures with their window and how they were computed (`figures.href` opens it). */
  figures: LineFigures.nullable(),
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
  `Shift figures are over the current shift so far (shift start → now, historian), the same window and definitions a handover uses. ${KPI_DEFINITIONS} ` +
  'Good counts at the line’s last machine; scrap summed over its machines. Plan = the product’s ideal rate × target efficiency.';

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

type ShiftProduction = { counters: Map<string, { good: number; scrap: number }>; runMs: Map<string, number>; plannedMs: number };

function machineOverview(deps: PlantReadDeps, asset: AssetInfo, production: ShiftProduction, countedFrom: string): MachineOverview {
  const { plant } = deps;
  const state = asset.tags.some((tag) => tag.id === 'State') ? toPlantValue('State', plant.getValue(asset.id, 'State')) : missing('State');
  const speed = asset.tags.some((tag) => tag.id === 'SpeedPct') ? toPlantValue('SpeedPct', plant.getValue(asset.id, 'SpeedPct')) : missing('SpeedPct');
  const alarms = activeAlarmsOf(plant, asset);
  const qualities: Quality[] = [state.quality, speed.quality, ...alarms.map((alarm) => alarm.quality)];
  const producing = asset.tags.some((tag) => tag.id === 'GoodCount');
  let countsThisShift: MachineOverview['countsThisShift'] = null;
  if (producing) {
    qualities.push(plant.getValue(asset.id, 'GoodCount').quality);
    const counts = production.counters.get(asset.id) ?? { good: 0, scrap: 0 };
    countsThisShift = {
      good: counts.good,
      scrap: counts.scrap,
      total: counts.good + counts.scrap,
      unit: 'boards',
      countedFrom,
      basis: 'Counter increases since the shift start (historian; a drop is a reset).',
    };
  }
  const runMs = production.runMs.get(asset.id);
  return {
    id: asset.id,
    name: asset.name,
    state,
    speed,
    orderId: textOf(plant, asset, 'OrderId'),
    productId: textOf(plant, asset, 'ProductId'),
    countsThisShift,
    runTimeMin: runMs === undefined ? null : Math.round(runMs / 6000) / 10,
    availabilityPct: runMs === undefined || production.plannedMs <= 0 ? null : toPct(Math.min(1, runMs / production.plannedMs)),
    activeAlarms: { total: alarms.length, byPriority: countByPriority(alarms), codes: [...new Set(alarms.map((alarm) => alarm.code))] },
    worstQuality: summariseQuality(qualities.map((quality) => ({ name: asset.id, quality }))).worst,
  };
}

/** Lines as the figures read them: machines in flow order, the last one with a GoodCount as output. */
function layoutOf(assets: readonly AssetInfo[], line: string): LineLayout | null {
  const members = machinesOf(assets, line);
  const output = [...members].reverse().find((asset) => asset.tags.some((tag) => tag.id === 'GoodCount'));
  if (!output) return null;
  return {
    id: line,
    name: LINES.find((candidate) => candidate.id === line)?.displayName ?? line,
    machineIds: members.map((asset) => asset.id),
    outputMachineId: output.id,
  };
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
      const calendar = deps.shiftCalendar ?? DEFAULT_SHIFT_CALENDAR;
      const shift = shiftWindow(at, calendar);
      const assets = plant.listAssets();
      const lines = input.line ? [resolveLine(assets, input.line)] : lineIds(assets);
      const layouts = lines.map((line) => layoutOf(assets, line)).filter((layout): layout is LineLayout => layout !== null);
      if (!deps.historianDb) throw new AppError('plant_unreachable', 'No plant history database here, so shift figures cannot be computed; see /api/health.');
      // Counters of every producing machine, not only line outputs: the machine rows show them too.
      const window = {
        from: shift.start.toISOString(),
        to: at.toISOString(),
        shift: shift.name,
        shiftLabel: `${shift.name} shift so far`,
        timeZone: calendar.timeZone,
      };
      const facts = await readProductionFacts(deps.historianDb, layouts, window, { siteKey: deps.historianSiteKey });
      const figures = lineFiguresFrom(facts, calendar);
      const production: ShiftProduction = { counters: new Map(), runMs: new Map(), plannedMs: 0 };
      for (const counter of facts.counters) {
        const entry = production.counters.get(counter.assetId) ?? { good: 0, scrap: 0 };
        if (counter.tagId === 'GoodCount') entry.good = counter.increase;
        if (counter.tagId === 'ScrapCount') entry.scrap = counter.increase;
        production.counters.set(counter.assetId, entry);
      }
      for (const times of facts.stateTimes) production.runMs.set(times.assetId, times.executeMs);
      const result = lines.map((line) => {
        const lineFigure = figures.find((candidate) => candidate.lineId === line) ?? null;
        // The machines are counted over the line's own window: where the history begins after the
        // shift start, the line figures cover the recorded part, and the machine rows must not
        // divide the same run time by a longer planned time than the line does.
        const countedFrom = lineFigure?.window.from ?? window.from;
        const lineProduction = { ...production, plannedMs: plannedBusyTimeMs(calendar, new Date(countedFrom), at) };
        const machines = machinesOf(assets, line).map((asset) => machineOverview(deps, asset, lineProduction, countedFrom));
        const states: Record<string, number> = {};
        for (const machine of machines) {
          const name = machine.state.quality === 'good' ? String(machine.state.value) : `unknown (${machine.state.quality})`;
          states[name] = (states[name] ?? 0) + 1;
        }
        const byPriority = countByPriority([]);
        for (const machine of machines)
          for (const key of Object.keys(byPriority) as (keyof typeof byPriority)[]) byPriority[key] += machine.activeAlarms.byPriority[key];
        return {
          id: line,
          name: LINES.find((candidate) => candidate.id === line)?.displayName ?? line,
          states,
          outputMachineId: lineFigure?.outputMachineId ?? null,
          goodThisShift: lineFigure?.goodUnits ?? null,
          plannedUnits: lineFigure?.plannedUnits ?? null,
          outputVsPlanPct: lineFigure?.outputVsPlanPct ?? null,
          oeePct: lineFigure?.oeePct ?? null,
          figures: lineFigure,
          activeAlarms: byPriority,
          machines,
        };
      });
      const all = result.flatMap((line) => line.machines);
      const sources: Source[] = result.map((line) => ({ kind: 'tag' as const, id: line.id, title: `${line.name} live overview`, href: `/plant#${line.id}` }));
      for (const line of result.filter((candidate) => candidate.figures)) {
        sources.push({
          kind: 'tag',
          id: `${line.id}/OEE`,
          title: `How ${line.name}'s shift figures were computed`,
          href: line.figures!.href,
          from: line.figures!.window.from,
          to: line.figures!.window.to,
        });
      }
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
        shift: { name: shift.name, start: shift.start.toISOString(), end: shift.end.toISOString(), timeZone: calendar.timeZone },
        connection: plant.state,
        lines: result,
        definitions: DEFINITIONS,
        dataQuality: summariseQuality(all.map((machine) => ({ name: machine.id, quality: machine.worstQuality }))),
        sources,
      };
    },
  });
}
