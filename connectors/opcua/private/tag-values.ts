/** Converting OPC UA DataValues into the connector's TagValue, and OPC UA status into a quality. */
import { DataType, StatusCodes, type DataValue, type StatusCode, type Variant } from 'node-opcua';
import type { Quality, ScalarValue, TagValue } from '../plant-connection';

const SEVERITY_MASK = 0xc0000000;
const UNCERTAIN = 0x40000000;

export function qualityOf(statusCode: number): Quality {
  const severity = (statusCode & SEVERITY_MASK) >>> 0;
  if (severity === 0) return 'good';
  return severity === UNCERTAIN ? 'uncertain' : 'bad';
}

const NUMERIC_TYPES: ReadonlySet<DataType> = new Set([
  DataType.SByte,
  DataType.Byte,
  DataType.Int16,
  DataType.UInt16,
  DataType.Int32,
  DataType.UInt32,
  DataType.Int64,
  DataType.UInt64,
  DataType.Float,
  DataType.Double,
]);

export function isNumericType(dataType: DataType | undefined): boolean {
  return dataType !== undefined && NUMERIC_TYPES.has(dataType);
}

/** Only scalars reach the cache; anything richer is shown as text rather than dropped. */
export function scalarOf(variant: Variant | undefined | null): ScalarValue {
  if (!variant || variant.dataType === DataType.Null || variant.value === null || variant.value === undefined) return null;
  const value: unknown = variant.value;
  if ((variant.dataType === DataType.Int64 || variant.dataType === DataType.UInt64) && Array.isArray(value) && variant.arrayType === 0) {
    const [high, low] = value as [number, number];
    return high * 0x1_0000_0000 + low;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && 'text' in value) return String((value as { text: unknown }).text ?? '');
  if (ArrayBuffer.isView(value) || Array.isArray(value)) return JSON.stringify(Array.from(value as ArrayLike<unknown>));
  return String(value);
}

function describeStatus(status: StatusCode): string {
  return status.name === 'Good' ? 'Good' : `${status.name}: ${status.description}`;
}

export function tagValueOf(dataValue: DataValue, unit: string | null): TagValue {
  const statusCode = dataValue.statusCode ?? StatusCodes.Good;
  return {
    value: scalarOf(dataValue.value),
    unit,
    sourceTimestamp: dataValue.sourceTimestamp ?? null,
    serverTimestamp: dataValue.serverTimestamp ?? null,
    quality: qualityOf(statusCode.value),
    statusCode: statusCode.value,
    statusText: describeStatus(statusCode),
  };
}

export function sameTagValue(a: TagValue, b: TagValue): boolean {
  return (
    a.value === b.value &&
    a.quality === b.quality &&
    a.statusCode === b.statusCode &&
    a.statusText === b.statusText &&
    a.sourceTimestamp?.getTime() === b.sourceTimestamp?.getTime() &&
    a.serverTimestamp?.getTime() === b.serverTimestamp?.getTime()
  );
}
