/**
 * From historian events to what a shift lead reads: alarm episodes (raised → acknowledged → cleared,
 * or still active) and machine stops with their duration and cause. Pure: events in, facts out.
 *
 * Alarm events are `kind = 'alarm'` rows read by tools/plant/alarm-state.ts (the one reading of alarm
 * state: `payload.transition`, else the connector's A&C fields, else the message). State events are the recorder's `state_change` rows with `code` = the new
 * PackML state.
 */
import { alarmTransition } from '../../plant/engine/alarm-state';
import type { AlarmEpisode, DowntimeInterval } from './report-types';
import type { StateTime } from '../../kpis/engine/production-facts';

export { alarmTransition };

export type HistorianEventRow = {
  id: string;
  time: string;
  kind: string;
  assetId: string | null;
  code: string | null;
  priority: number | null;
  message: string;
  payload: Record<string, unknown>;
};

/** States a machine is stopped in: an outage begins when it enters one of these from running. */
const DOWN_STATES = new Set(['Aborting', 'Aborted', 'Clearing', 'Stopping', 'Stopped', 'Holding', 'Held']);
/** States in which the machine was running, or about to, when it stopped. */
const RUN_STATES = new Set(['Execute', 'Suspending', 'Suspended', 'Unsuspending', 'Starting', 'Unholding']);
const SUSPENDED_STATES = new Set(['Suspending', 'Suspended', 'Unsuspending']);

/** A stop and the alarm that caused it are seen through different subscriptions; allow this much skew. */
export const CAUSE_SKEW_MS = 2000;

const alarmKey = (event: Pick<HistorianEventRow, 'assetId' | 'code'>) => `${event.assetId ?? ''}|${event.code ?? ''}`;

/**
 * Alarm episodes in a window. `before` holds the latest alarm event per asset and code from before the
 * window, so alarms raised earlier and still active at the start are carried over.
 */
export function alarmEpisodes(before: readonly HistorianEventRow[], inWindow: readonly HistorianEventRow[]): AlarmEpisode[] {
  const open = new Map<string, AlarmEpisode>();
  const episodes: AlarmEpisode[] = [];
  const start = (event: HistorianEventRow, carriedOver: boolean): AlarmEpisode => {
    const episode: AlarmEpisode = {
      assetId: event.assetId ?? 'plant',
      code: event.code ?? 'alarm',
      priority: event.priority,
      message: event.message,
      raisedAt: event.time,
      raisedEventId: event.id,
      carriedOver,
      clearedAt: null,
      clearedEventId: null,
      acknowledgedAt: null,
    };
    episodes.push(episode);
    open.set(alarmKey(event), episode);
    return episode;
  };
  for (const event of before) {
    const transition = alarmTransition(event);
    if (transition === 'raised' || transition === 'acknowledged') start(event, true);
  }
  for (const event of inWindow) {
    const key = alarmKey(event);
    const transition = alarmTransition(event);
    const current = open.get(key);
    if (transition === 'raised') {
      if (!current) start(event, false);
    } else if (transition === 'acknowledged') {
      if (current) current.acknowledgedAt ??= event.time;
    } else if (transition === 'cleared' && current) {
      current.clearedAt = event.time;
      current.clearedEventId = event.id;
      open.delete(key);
    }
  }
  return episodes;
}

/** The alarm that best explains a stop: active on the machine at that moment, most urgent, then latest. */
export function causeOf(assetId: string, atMs: number, alarms: readonly AlarmEpisode[]): DowntimeInterval['cause'] {
  let best: AlarmEpisode | undefined;
  for (const alarm of alarms) {
    if (alarm.assetId !== assetId) continue;
    const raisedMs = Date.parse(alarm.raisedAt);
    if (raisedMs > atMs + CAUSE_SKEW_MS) continue;
    if (alarm.clearedAt && Date.parse(alarm.clearedAt) < atMs - CAUSE_SKEW_MS) continue;
    const rank = (a: AlarmEpisode) => a.priority ?? 9;
    if (!best || rank(alarm) < rank(best) || (rank(alarm) === rank(best) && raisedMs > Date.parse(best.raisedAt))) best = alarm;
  }
  return best ? { code: best.code, priority: best.priority, message: best.message, eventId: best.raisedEventId } : null;
}

export type InitialState = { state: string; eventId: string | null };

/**
 * Walks each machine's state changes through the window. Returns its stops (an outage runs from
 * entering a stopped state out of running until it is back in Execute) and time spent per state group.
 */
export function machineStops(
  window: { from: string; to: string },
  initial: ReadonlyMap<string, InitialState>,
  stateEvents: readonly HistorianEventRow[],
  alarms: readonly AlarmEpisode[],
  lineOf: (assetId: string) => string | null,
): { downtime: DowntimeInterval[]; stateTimes: StateTime[] } {
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const byAsset = new Map<string, HistorianEventRow[]>();
  for (const event of stateEvents) {
    if (!event.assetId || !event.code) continue;
    let list = byAsset.get(event.assetId);
    if (!list) byAsset.set(event.assetId, (list = []));
    list.push(event);
  }
  const assets = new Set([...initial.keys(), ...byAsset.keys()]);
  const downtime: DowntimeInterval[] = [];
  const stateTimes: StateTime[] = [];
  for (const assetId of [...assets].sort()) {
    const events = byAsset.get(assetId) ?? [];
    const first = initial.get(assetId);
    // With no earlier event, the first change's `payload.from` says what the machine was doing.
    let state = first?.state ?? (typeof events[0]?.payload.from === 'string' ? (events[0].payload.from as string) : 'Unknown');
    let since = fromMs;
    let outage: { fromMs: number; state: string; eventId: string | null } | null = DOWN_STATES.has(state)
      ? { fromMs, state, eventId: first?.eventId ?? null }
      : null;
    const times: StateTime = { assetId, executeMs: 0, suspendedMs: 0, downMs: 0 };
    const account = (untilMs: number) => {
      const span = Math.max(0, untilMs - since);
      if (outage) times.downMs += span;
      else if (state === 'Execute') times.executeMs += span;
      else if (SUSPENDED_STATES.has(state)) times.suspendedMs += span;
    };
    const close = (endMs: number, restartEventId: string | null, stillDown: boolean) => {
      if (!outage) return;
      downtime.push({
        assetId,
        lineId: lineOf(assetId),
        from: new Date(outage.fromMs).toISOString(),
        to: new Date(endMs).toISOString(),
        durationMs: endMs - outage.fromMs,
        stopState: outage.state,
        stopEventId: outage.eventId,
        restartEventId,
        stillDown,
        cause: causeOf(assetId, outage.fromMs, alarms),
      });
      outage = null;
    };
    for (const event of events) {
      const atMs = Math.min(Math.max(Date.parse(event.time), fromMs), toMs);
      account(atMs);
      const next = event.code!;
      if (outage && next === 'Execute') close(atMs, event.id, false);
      else if (!outage && DOWN_STATES.has(next) && (RUN_STATES.has(state) || state === 'Unknown')) outage = { fromMs: atMs, state: next, eventId: event.id };
      // Aborting → Aborted, Holding → Held: name the stop by the state it settled in, not the later recovery steps.
      else if (outage && DOWN_STATES.has(next) && outage.state.endsWith('ing') && !next.endsWith('ing')) outage.state = next;
      state = next;
      since = atMs;
    }
    account(toMs);
    close(toMs, null, true);
    stateTimes.push(times);
  }
  return { downtime, stateTimes };
}
