/**
 * Alarm & condition events from the plant. Subscribes on the plant connection's own session to
 * the events the Server object notifies (the twin, like most servers, routes every machine's
 * AlarmConditionType events there through HasNotifier), selects the fields Plantpilot needs, and
 * hands each event on as plain data. `recordAlarmEvents` writes them to the historian as `alarm`
 * events on the connector-lease holder only, so several app instances never record twice.
 *
 * node-opcua transfers the subscription when it repairs the session after a connection loss, so
 * one subscription lives as long as the connection.
 */
import {
  AttributeIds,
  ClientMonitoredItem,
  TimestampsToReturn,
  constructEventFilter,
  ofType,
  resolveNodeId,
  type ClientSubscription,
  type Variant,
} from 'node-opcua';
import type { Historian } from '../historian/historian';
import type { PlantEvent } from '../historian/historian-types';
import { AppError } from '../../lib/errors';
import { silentLogger, type Logger } from '../../lib/log';
import { shouldRecord, type ConnectorLease } from './lease';
import type { PlantConnection } from './plant-connection';
import { internalsOf } from './private/internals';

export type AlarmEventState = 'active' | 'acknowledged' | 'cleared';

export type AlarmEvent = {
  /** The server's EventId as hex: the same event delivered twice has the same id. */
  eventId: string;
  time: Date;
  /** The asset the event's SourceName names, when it is one of the connection's assets. */
  assetId: string | null;
  sourceName: string;
  /** The alarm code: the condition name (the twin names conditions after catalogue codes). */
  code: string | null;
  message: string;
  /** OPC UA severity 1 … 1000. */
  severity: number;
  /** 1 (critical) … 4 (advisory), from the severity: ≥ 800 → 1, ≥ 600 → 2, ≥ 400 → 3, else 4. */
  priority: 1 | 2 | 3 | 4;
  active: boolean;
  acknowledged: boolean;
  state: AlarmEventState;
  retain: boolean;
};

const FIELDS = ['EventId', 'SourceName', 'Time', 'Message', 'Severity', 'ConditionName', 'ActiveState.Id', 'AckedState.Id', 'Retain'] as const;
const SERVER_OBJECT = 'i=2253';
const CLOSE_TIMEOUT_MS = 2000;

export function priorityForSeverity(severity: number): 1 | 2 | 3 | 4 {
  if (severity >= 800) return 1;
  if (severity >= 600) return 2;
  if (severity >= 400) return 3;
  return 4;
}

function text(variant: Variant | undefined): string {
  const value = variant?.value as unknown;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in (value as object)) return String((value as { text?: string }).text ?? '');
  if (typeof value === 'object' && 'name' in (value as object)) return String((value as { name?: string }).name ?? '');
  return String(value);
}

/** Plain data from the selected fields, in FIELDS order; undefined for events that are not alarms. */
export function toAlarmEvent(fields: readonly Variant[], assetIds: ReadonlySet<string>, receivedAt: Date): AlarmEvent | undefined {
  const [eventId, sourceName, time, message, severity, conditionName, activeId, ackedId, retain] = fields;
  // Servers often send the source's browse name with its namespace: `1:L1-RFL`.
  const name = text(sourceName).replace(/^\d+:/, '');
  const messageText = text(message);
  const code = text(conditionName) || /^([A-Z]-\d{3})\b/.exec(messageText)?.[1] || null;
  if (!code && activeId?.value === null) return undefined;
  const active = activeId?.value === true;
  const acknowledged = ackedId?.value === true;
  const severityValue = Number(severity?.value ?? 0);
  const rawId = eventId?.value as Buffer | null | undefined;
  return {
    eventId: rawId ? Buffer.from(rawId).toString('hex') : `${name}/${code}/${receivedAt.getTime()}`,
    time: time?.value instanceof Date ? time.value : receivedAt,
    assetId: assetIds.has(name) ? name : null,
    sourceName: name,
    code,
    message: messageText,
    severity: severityValue,
    priority: priorityForSeverity(severityValue),
    active,
    acknowledged,
    state: active ? (acknowledged ? 'acknowledged' : 'active') : 'cleared',
    retain: retain?.value === true,
  };
}

/** The historian row for an alarm event. */
export function alarmPlantEvent(event: AlarmEvent): PlantEvent {
  return {
    time: event.time,
    kind: 'alarm',
    assetId: event.assetId,
    code: event.code,
    priority: event.priority,
    severity: event.severity,
    message: event.message,
    payload: { state: event.state, active: event.active, acknowledged: event.acknowledged, eventId: event.eventId, sourceName: event.sourceName },
  };
}

export interface AlarmEventSubscription {
  close(): Promise<void>;
}

/**
 * Subscribes to alarm events on the plant's live session. Throws AppError('plant_unreachable')
 * while the connection is down. Close it before closing the connection.
 */
export async function subscribeAlarmEvents(
  plant: PlantConnection,
  listener: (event: AlarmEvent) => void,
  options: { publishingIntervalMs?: number; log?: Logger } = {},
): Promise<AlarmEventSubscription> {
  const log = options.log ?? silentLogger;
  const session = internalsOf(plant).liveSession();
  const assetIds = new Set(plant.listAssets().map((asset) => asset.id));
  const subscription: ClientSubscription = await session.createSubscription2({
    requestedPublishingInterval: options.publishingIntervalMs ?? 250,
    requestedMaxKeepAliveCount: 20,
    requestedLifetimeCount: 600,
    maxNotificationsPerPublish: 0,
    publishingEnabled: true,
    priority: 20,
  });
  try {
    const item = ClientMonitoredItem.create(
      subscription,
      { nodeId: SERVER_OBJECT, attributeId: AttributeIds.EventNotifier },
      { samplingInterval: 0, discardOldest: true, queueSize: 1000, filter: constructEventFilter([...FIELDS], ofType(resolveNodeId('AlarmConditionType'))) },
      TimestampsToReturn.Both,
    );
    item.on('changed', (fields: Variant[]) => {
      try {
        const event = toAlarmEvent(fields, assetIds, new Date());
        if (event) listener(event);
      } catch (error) {
        log.warn({ err: error }, 'Could not read an alarm event from the plant; skipping it');
      }
    });
    // The item exists on the server only once it is initialised; events before that are lost.
    await new Promise<void>((resolve, reject) => {
      item.once('initialized', () => resolve());
      item.once('err', (message: string) => reject(new AppError('plant_unreachable', `The plant refused the alarm event subscription: ${message}`)));
    });
  } catch (error) {
    await subscription.terminate().catch(() => undefined);
    throw error;
  }
  let closed = false;
  return {
    async close() {
      if (closed) return;
      closed = true;
      // Only a live session can terminate a subscription; while the link is down, closing the
      // connection discards it. Bounded, so a plant that stops answering cannot hold up shutdown.
      if (plant.state !== 'connected') return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        subscription.terminate().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

export interface AlarmEventRecorder {
  stop(): Promise<void>;
}

/** Records alarm events in the historian while this instance holds the connector lease. */
export async function recordAlarmEvents(input: {
  plant: PlantConnection;
  historian: Historian;
  lease: Pick<ConnectorLease, 'held'> & Partial<Pick<ConnectorLease, 'standby'>>;
  log?: Logger;
}): Promise<AlarmEventRecorder> {
  const { historian, lease } = input;
  const subscription = await subscribeAlarmEvents(
    input.plant,
    (event) => {
      if (shouldRecord(lease)) historian.recordEvent(alarmPlantEvent(event));
    },
    { log: input.log },
  );
  return {
    async stop() {
      await subscription.close();
      await historian.flush();
    },
  };
}
