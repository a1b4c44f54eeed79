/**
 * `alarms`: alarms from the historian (every raise, clear and acknowledgement the plant sent as an
 * OPC UA event) plus the alarms active right now (the machines' ActiveAlarms tags), filtered by
 * line, asset, priority, state and time window. With `before`, it finds the last time an asset or
 * line went to Stopped, Aborted or Held (historian state changes) and returns the alarms in the
 * minutes before — "what happened in the 10 minutes before Line 2 stopped".
 */
import { z } from 'zod';
import type { StoredEvent } from '@/connectors/historian/historian-types';
import type { AssetInfo } from '@/connectors/opcua/plant-connection';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import { Source } from '../../sources';
import { alarmTransition } from '../engine/alarm-state';
import { ActiveAlarm, AlarmPriority, CatalogueAdvice, activeAlarmsOf, activeAlarmsQuality, adviceOf, alarmDefinition } from '../service/active-alarms';
import { resolveAsset, resolveLine } from '../service/asset-resolver';
import { DataQuality, IsoTime, alarmSource, summariseQuality, tagSource } from '../engine/plant-values';
import { systemClock, type PlantReadDeps } from '../service/read-deps';
import { MAX_HISTORY_WINDOW_MS } from './tag-history';

export const ALARM_STATES = ['active', 'acknowledged', 'cleared', 'shelved'] as const;
/** PackML states that mean the asset stopped producing because of a stop, a fault or a hold. */
export const STOPPED_STATES = ['Stopped', 'Aborted', 'Held', 'Stopping', 'Aborting', 'Holding'] as const;
const STOP_SEARCH_MS = 7 * 86_400_000;

export const AlarmsInput = z.strictObject({
  line: z.string().trim().min(1).max(40).optional().describe('Only this line: "Line2", "line 2", "utilities"'),
  asset: z.string().trim().min(1).max(120).optional().describe('Only this asset: id or name, e.g. "L2-RFL", "reflow oven line 2"'),
  priorities: z.array(AlarmPriority).min(1).max(4).optional().describe('Only these priorities, 1 = critical … 4 = advisory'),
  state: z
    .enum([...ALARM_STATES, 'all'])
    .default('all')
    .describe('Only alarms in this state: "active" (raised and not cleared), "acknowledged", "cleared", "shelved", or "all"'),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]-\d{3}$/i, 'an alarm code such as E-214')
    .transform((code) => code.toUpperCase())
    .optional()
    .describe('Only this alarm code, e.g. "E-214"'),
  from: IsoTime.optional().describe('Window start; default: `to` minus 60 minutes'),
  to: IsoTime.optional().describe('Window end; default: now'),
  before: z
    .strictObject({
      asset: z.string().trim().min(1).max(120).optional(),
      line: z.string().trim().min(1).max(40).optional(),
      event: z.literal('stopped').default('stopped'),
      minutes: z.number().int().min(1).max(240).default(10),
    })
    .optional()
    .describe('Instead of from/to: the N minutes before the last time this asset or line stopped (Stopped, Aborted or Held)'),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AlarmsInput = z.input<typeof AlarmsInput>;

export const AlarmRecord = z.object({
  /** Historian event id, or `<asset>/<code>` for an active alarm with no recorded event. */
  id: z.string(),
  time: z.string(),
  assetId: z.string().nullable(),
  line: z.string().nullable(),
  code: z.string().nullable(),
  text: z.string(),
  message: z.string(),
  priority: AlarmPriority.nullable(),
  state: z.enum(ALARM_STATES),
  advice: CatalogueAdvice.optional(),
  source: Source,
});
export type AlarmRecord = z.infer<typeof AlarmRecord>;

export const AlarmsOutput = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  /** With `before`: the stop the window leads up to. */
  stop: z.object({ assetId: z.string(), state: z.string(), time: z.string(), message: z.string() }).optional(),
  /** Alarm events recorded in the window, oldest first. */
  events: z.array(AlarmRecord),
  /** Alarms active now (from the machines' ActiveAlarms tags), whatever the window. */
  activeNow: z.array(ActiveAlarm),
  /** Present when the plant cannot vouch for `activeNow` (connection down, values not Good): says so in words. */
  activeNowNote: z.string().optional(),
  truncated: z.boolean(),
  dataQuality: DataQuality,
  note: z.string(),
  sources: z.array(Source),
});
export type AlarmsOutput = z.infer<typeof AlarmsOutput>;

/** The event's state by the one reading of alarm state the handover uses too (alarm-state.ts). */
function payloadState(event: StoredEvent): (typeof ALARM_STATES)[number] {
  if (event.payload?.state === 'shelved') return 'shelved';
  const transition = alarmTransition({ message: event.message, payload: event.payload as Record<string, unknown> | undefined });
  return transition === 'cleared' ? 'cleared' : transition === 'acknowledged' ? 'acknowledged' : 'active';
}

export function toAlarmRecord(event: StoredEvent, lineOf: (assetId: string | null | undefined) => string | null): AlarmRecord {
  const definition = event.code ? alarmDefinition(event.assetId, event.code) : undefined;
  const assetId = event.assetId ?? null;
  return {
    id: event.id,
    time: event.time.toISOString(),
    assetId,
    line: lineOf(assetId),
    code: event.code ?? null,
    text: definition?.text ?? event.message,
    message: event.message,
    priority: (event.priority as 1 | 2 | 3 | 4 | null | undefined) ?? definition?.priority ?? null,
    state: payloadState(event),
    advice: adviceOf(definition),
    source: alarmSource(assetId ?? 'Plant', event.code ?? 'event', definition?.text ?? event.message, `event:${event.id}`),
  };
}

/** The last transition into a stopped state of the given assets before `to`. */
async function lastStop(deps: PlantReadDeps, assets: readonly AssetInfo[], to: Date): Promise<StoredEvent | undefined> {
  const ids = new Set(assets.map((asset) => asset.id));
  const events = await deps.historian.events({
    from: new Date(to.getTime() - STOP_SEARCH_MS),
    to,
    kinds: ['state_change'],
    assetId: assets.length === 1 ? assets[0]!.id : undefined,
    limit: 10_000,
  });
  return events.filter((event) => event.assetId && ids.has(event.assetId) && STOPPED_STATES.includes(event.code as (typeof STOPPED_STATES)[number])).at(-1);
}

export function alarmsTool(deps: PlantReadDeps) {
  return defineTool({
    name: 'alarms',
    title: 'Alarms',
    description:
      'Alarms of the plant: recorded alarm events (raised, cleared, acknowledged) in a time window, plus the alarms active now, each with code, text, ' +
      'priority (1 critical … 4 advisory), state, time, and the catalogue’s likely causes and operator action. Filter by line, asset, priority, state. ' +
      'Use `before: { line: "Line2", minutes: 10 }` for "the 10 minutes before Line 2 stopped".',
    input: AlarmsInput,
    output: AlarmsOutput,
    effect: 'read',
    async run(input) {
      // Read per call: the app may hand over a new connection after the plant came back.
      const { plant, historian, now = systemClock } = deps;
      const at = now();
      const assets = plant.listAssets();
      const lineById = new Map(assets.map((asset) => [asset.id, asset.line ?? null]));
      const lineOf = (assetId: string | null | undefined) => (assetId ? (lineById.get(assetId) ?? null) : null);
      const asset = input.asset ? resolveAsset(assets, input.asset) : undefined;
      const line = input.line ? resolveLine(assets, input.line) : undefined;

      let from: Date;
      let to: Date;
      let stop: AlarmsOutput['stop'];
      let scopeLine = line;
      let scopeAsset = asset;
      if (input.before) {
        if (!input.before.asset === !input.before.line) throw new AppError('invalid_argument', '`before` needs exactly one of `asset` or `line`.');
        const stopAsset = input.before.asset ? resolveAsset(assets, input.before.asset) : undefined;
        const stopLine = input.before.line ? resolveLine(assets, input.before.line) : undefined;
        const watched = stopAsset ? [stopAsset] : assets.filter((candidate) => candidate.line === stopLine);
        const found = await lastStop(deps, watched, input.to ? new Date(input.to) : at);
        const what = stopAsset ? stopAsset.id : stopLine;
        if (!found) {
          throw new AppError('not_found', `The historian has no stop (Stopped, Aborted or Held) of ${what} in the last 7 days. Ask for a time window instead.`);
        }
        to = found.time;
        from = new Date(to.getTime() - (input.before.minutes ?? 10) * 60_000);
        stop = { assetId: found.assetId!, state: found.code ?? 'Stopped', time: found.time.toISOString(), message: found.message };
        // Causes of a stop often sit upstream or downstream: show the whole line of the asset.
        scopeLine = line ?? (stopAsset ? (stopAsset.line ?? undefined) : stopLine);
        if (stopAsset && !stopAsset.line) scopeAsset = stopAsset;
        // An inclusive end, so the alarm that caused the stop (same instant) is in the window.
        to = new Date(to.getTime() + 1000);
      } else {
        to = input.to ? new Date(input.to) : at;
        from = input.from ? new Date(input.from) : new Date(to.getTime() - 3_600_000);
        if (!(from < to)) throw new AppError('invalid_argument', `The window start ${from.toISOString()} must be before its end ${to.toISOString()}.`);
        if (to.getTime() - from.getTime() > MAX_HISTORY_WINDOW_MS)
          throw new AppError('invalid_argument', 'The window is longer than 31 days. Ask for a shorter one.');
      }

      const inScope = (assetId: string | null | undefined) =>
        (!scopeAsset || assetId === scopeAsset.id) && (!scopeLine || (assetId ? lineById.get(assetId) === scopeLine : false));
      const limit = input.limit ?? 100;
      const state = input.state ?? 'all';
      const stored = await historian.events({ from, to, kinds: ['alarm'], assetId: scopeAsset?.id, priorities: input.priorities, limit: 10_000 });
      const matching = stored
        .filter((event) => inScope(event.assetId))
        .map((event) => toAlarmRecord(event, lineOf))
        .filter((record) => state === 'all' || record.state === state)
        .filter((record) => !input.code || record.code === input.code);
      const events = matching.slice(-limit);

      const activeNow = assets
        .filter((candidate) => inScope(candidate.id))
        .flatMap((candidate) => activeAlarmsOf(plant, candidate))
        .filter((alarm) => !input.priorities || (alarm.priority !== null && input.priorities.includes(alarm.priority)))
        .filter((alarm) => !input.code || alarm.code === input.code)
        .filter(() => state === 'all' || state === 'active');

      const sources: Source[] = [
        ...events.slice(-10).map((event) => event.source),
        ...activeNow.map((alarm) => alarmSource(alarm.assetId, alarm.code, alarm.text)),
      ];
      if (stop) sources.unshift(tagSource(stop.assetId, 'State', undefined, { from: from.toISOString(), to: stop.time }));
      // Quality from the connection and the ActiveAlarms values, not from the (possibly empty) list.
      const trust = activeAlarmsQuality(
        plant,
        assets.filter((candidate) => inScope(candidate.id)),
      );
      const quality = summariseQuality(trust.entries);
      return {
        window: { from: from.toISOString(), to: to.toISOString() },
        ...(stop ? { stop } : {}),
        events,
        activeNow,
        ...(trust.unknown ? { activeNowNote: trust.unknown } : {}),
        truncated: matching.length > events.length,
        dataQuality: quality,
        note:
          events.length === 0
            ? 'No alarm events recorded in this window for this filter. History holds events from the time this instance (or another) recorded them.'
            : `${events.length} alarm event${events.length === 1 ? '' : 's'} in the window${matching.length > events.length ? ` (the last ${events.length} of ${matching.length})` : ''}.`,
        sources,
      };
    },
  });
}
