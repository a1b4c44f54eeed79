/**
 * Sparkplug B on the wire: topic names (`spBv1.0/<group>/<type>/<edge node>[/<device>]`), payloads
 * encoded with Eclipse Tahu's codec (sparkplug-payload), and the 0–255 sequence counter. Shared by
 * the host side (the source) and the twin's edge node so both speak exactly the same dialect.
 * Protobuf 64-bit fields arrive as Long objects; everything leaving this file is a plain number.
 */
import { createRequire } from 'node:module';
import type { TypeStr, UMetric, UPayload, UPropertyValue } from 'sparkplug-payload/lib/sparkplugbpayload';
import { AppError } from '@/lib/errors';

export type { TypeStr, UMetric, UPayload, UPropertyValue };

// sparkplug-payload is CommonJS with a `get(namespace)` factory; require keeps its types exact.
const require = createRequire(import.meta.url);
const codec = (require('sparkplug-payload') as typeof import('sparkplug-payload')).get('spBv1.0')!;

export const NAMESPACE = 'spBv1.0';

export const MESSAGE_TYPES = ['NBIRTH', 'NDEATH', 'DBIRTH', 'DDEATH', 'NDATA', 'DDATA', 'NCMD', 'DCMD', 'STATE'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export type SparkplugTopic = { groupId: string; type: MessageType; edgeNodeId: string; deviceId?: string };

/** The metric an edge node obeys by publishing NBIRTH and every DBIRTH again. */
export const REBIRTH_METRIC = 'Node Control/Rebirth';
/** Birth/death sequence: an NDEATH (the MQTT will) belongs to the NBIRTH carrying the same bdSeq. */
export const BD_SEQ_METRIC = 'bdSeq';

export function formatTopic(topic: SparkplugTopic): string {
  return [NAMESPACE, topic.groupId, topic.type, topic.edgeNodeId, ...(topic.deviceId ? [topic.deviceId] : [])].join('/');
}

/** Parses a Sparkplug topic; undefined for anything else on the broker (STATE, other namespaces). */
export function parseTopic(topic: string): SparkplugTopic | undefined {
  const parts = topic.split('/');
  if (parts[0] !== NAMESPACE || parts.length < 4 || parts.length > 5) return undefined;
  const [, groupId, type, edgeNodeId, deviceId] = parts;
  if (!(MESSAGE_TYPES as readonly string[]).includes(type!) || type === 'STATE') return undefined;
  return { groupId: groupId!, type: type as MessageType, edgeNodeId: edgeNodeId!, ...(deviceId ? { deviceId } : {}) };
}

/**
 * Sparkplug 3.0 host state: a primary host publishes `spBv1.0/STATE/<host id>` (retained, JSON) as
 * online when it connects and, as its will, offline; edge nodes configured with that host id publish
 * their births when it comes online, so no host misses them.
 */
export function stateTopic(hostId: string): string {
  return `${NAMESPACE}/STATE/${hostId}`;
}

export function encodeHostState(online: boolean, timestampMs: number): Buffer {
  return Buffer.from(JSON.stringify({ online, timestamp: timestampMs }));
}

export function decodeHostState(bytes: Uint8Array): { online: boolean; timestamp?: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { online?: unknown; timestamp?: unknown };
    return typeof parsed.online === 'boolean'
      ? { online: parsed.online, ...(typeof parsed.timestamp === 'number' ? { timestamp: parsed.timestamp } : {}) }
      : undefined;
  } catch {
    return undefined;
  }
}

export function encode(payload: UPayload): Buffer {
  return Buffer.from(codec.encodePayload(payload));
}

export function decode(bytes: Uint8Array): UPayload {
  try {
    return codec.decodePayload(bytes);
  } catch (error) {
    throw new AppError('invalid_file', `Not a Sparkplug B payload (${(error as Error).message}).`, { cause: error });
  }
}

type LongLike = { toNumber(): number };
const isLong = (value: unknown): value is LongLike => typeof value === 'object' && value !== null && typeof (value as LongLike).toNumber === 'function';

/** A protobuf integer (number or Long) as a number; undefined when absent. */
export function toNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (isLong(value)) return value.toNumber();
  return typeof value === 'number' ? value : undefined;
}

/** The scalar a metric carries; anything richer (data sets, templates, bytes) becomes text. */
export function metricScalar(metric: UMetric): number | string | boolean | null {
  if (metric.isNull) return null;
  const value: unknown = metric.value;
  if (value === null || value === undefined) return null;
  if (isLong(value)) return value.toNumber();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(value);
}

/** A property value (engUnit, engLow, …) as a plain scalar, or undefined. */
export function propertyScalar(metric: UMetric, name: string): number | string | boolean | undefined {
  const property = metric.properties?.[name];
  if (!property || property.isNull) return undefined;
  const value: unknown = property.value;
  if (isLong(value)) return value.toNumber();
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}

const NUMERIC_TYPES: ReadonlySet<TypeStr> = new Set(['Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'Float', 'Double']);

export function isNumericType(type: TypeStr): boolean {
  return NUMERIC_TYPES.has(type);
}

/** Sequence numbers run 0…255 and wrap; every message of an edge node after NBIRTH takes the next. */
export function nextSeq(seq: number): number {
  return (seq + 1) % 256;
}
