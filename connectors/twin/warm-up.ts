/**
 * The built-in twin's recent past. A plant always has a history; a freshly started twin has none, so
 * trends, alarm history, shift handovers and maintenance forecasts would all be empty for hours. At
 * first start the twin is created `hours` in the past and run fast up to now, and what the connector
 * would have recorded on the way is written to the historian in the same shapes: tag samples, PackML
 * state changes and alarm events. The live twin then carries on from exactly that state, so history
 * and live values join without a seam.
 *
 * Over hours some machines trip on faults that latch (PackML Aborted until someone clears them). In a
 * plant the shift crew clears and restarts them once the cause is repaired; during the warm-up a
 * simulated crew does the same, so the plant is not found half stopped at first start. The live twin
 * has no such crew: there, clearing a machine is an actuation and goes through the approval gate.
 */
import type { PlantEvent, Sample } from '../historian/historian-types';
import { severityForPriority } from './alarm-book';
import type { PackmlCommand, PackmlState } from './packml';
import type { PlantTwin } from './simulation';
import type { TwinEvent } from './twin-types';

export type WarmUpSink = { record(sample: Sample): void; recordEvent(event: PlantEvent): void };

export const DEFAULT_WARM_UP_SAMPLE_MS = 60_000;

/** What the crew does next for a machine in this state: clear once repaired, reset, start. */
const CREW_COMMAND: Partial<Record<PackmlState, PackmlCommand>> = { Aborted: 'clear', Stopped: 'reset', Idle: 'start' };

/** The past shift's crew: brings every latched, repaired machine back to Execute a step at a time. */
function crewRound(twin: PlantTwin): void {
  for (const machine of Object.values(twin.snapshot().machines)) {
    const command = CREW_COMMAND[machine.state];
    if (!command) continue;
    try {
      twin.command(machine.id, command);
    } catch {
      // Still being repaired (a stopping alarm is active), or the state moved on: try next round.
    }
  }
}

/** The historian rows the live connector would have written for one twin event (others: none). */
export function plantEventOf(event: TwinEvent): PlantEvent | undefined {
  const time = new Date(event.time);
  if (event.kind === 'state-changed') {
    return {
      time,
      kind: 'state_change',
      assetId: event.machineId,
      code: event.to,
      message: `${event.machineId} ${event.from} → ${event.to}`,
      payload: { from: event.from, to: event.to, tagId: 'State' },
    };
  }
  if (event.kind === 'alarm' && (event.transition === 'raised' || event.transition === 'cleared')) {
    const { alarm } = event;
    const active = event.transition === 'raised';
    return {
      time,
      kind: 'alarm',
      assetId: alarm.machineId,
      code: alarm.code,
      priority: alarm.priority,
      severity: severityForPriority(alarm.priority),
      // As the twin's OPC UA alarm conditions word them (server.ts).
      message: active ? `${alarm.code} ${alarm.message}` : `${alarm.code} cleared: ${alarm.text}`,
      payload: { state: active ? 'active' : 'cleared', active, acknowledged: false, eventId: `${alarm.id}/${event.time}`, sourceName: alarm.machineId },
    };
  }
  return undefined;
}

/**
 * Steps `twin` from its current time to `untilMs` (epoch ms), sampling every machine's tags every
 * `sampleEveryMs` (text tags such as State only when they change) and passing the events on. A
 * continuation (`sampleAtStart: false`) does not sample again the moment the last call ended on.
 */
export function warmUpTwin(
  twin: PlantTwin,
  untilMs: number,
  sink: WarmUpSink,
  { sampleEveryMs = DEFAULT_WARM_UP_SAMPLE_MS, sampleAtStart = true }: { sampleEveryMs?: number; sampleAtStart?: boolean } = {},
): { samples: number; events: number } {
  let samples = 0;
  let events = 0;
  const unsubscribe = twin.onEvent((event) => {
    const row = plantEventOf(event);
    if (!row) return;
    sink.recordEvent(row);
    events++;
  });
  const lastText = new Map<string, string>();
  const sample = () => {
    const time = twin.now();
    for (const machine of Object.values(twin.snapshot().machines)) {
      for (const [tagId, value] of Object.entries(machine.values)) {
        if (typeof value === 'string') {
          const key = `${machine.id}/${tagId}`;
          if (lastText.get(key) === value) continue;
          lastText.set(key, value);
        }
        sink.record({
          time,
          assetId: machine.id,
          tagId,
          value: typeof value === 'number' ? value : null,
          textValue: typeof value === 'string' ? value : null,
          quality: 'good',
          statusCode: 0,
        });
        samples++;
      }
    }
  };
  try {
    if (sampleAtStart) sample();
    while (twin.now().getTime() < untilMs) {
      twin.step(Math.min(sampleEveryMs, untilMs - twin.now().getTime()));
      crewRound(twin);
      sample();
    }
  } finally {
    unsubscribe();
  }
  return { samples, events };
}
