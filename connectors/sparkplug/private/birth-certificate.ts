/**
 * Turns a Sparkplug birth (NBIRTH or DBIRTH) into an asset: each metric a tag, with its unit from
 * the `engUnit` property, its range from `engLow`/`engHigh`, writability from `writable` (or
 * `readOnly: false`) and its description. Metrics named `Command/<X>` are the device's methods,
 * `Device Info/Name` and `Node Info/Name` name the asset and its line; control metrics (bdSeq,
 * `Node Control/…`) are protocol, not plant data. Also indexes metrics by name and alias, because
 * DATA messages may carry only the alias given at birth.
 */
import { StatusCodes } from 'node-opcua';
import type { AssetInfo, Quality, TagValue } from '@/connectors/opcua/plant-connection';
import type { MappedMethod, MappedTag } from '@/connectors/opcua/asset-mapping';
import { BD_SEQ_METRIC, metricScalar, propertyScalar, toNumber, type TypeStr, type UMetric, type UPayload } from '../sparkplug-codec';

export type MetricBinding = { name: string; alias?: number; type: TypeStr; tagId: string; unit: string | null };

export type BornAsset = {
  info: AssetInfo;
  values: Map<string, TagValue>;
  byName: Map<string, MetricBinding>;
  byAlias: Map<number, MetricBinding>;
};

export const COMMAND_PREFIX = 'Command/';
const PROTOCOL_PREFIXES = ['Node Control/', 'Device Control/', 'Node Info/', 'Device Info/', 'Properties/'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;

/** A metric path `Zone4/SetpointC` becomes the tag id `Zone4.SetpointC`, the form OPC UA tags have too. */
export function tagIdOf(metricName: string): string {
  return metricName
    .split('/')
    .map((part) => part.trim().replace(/[^A-Za-z0-9_-]/g, '_'))
    .join('.');
}

/** Quality as Ignition and OPC DA code it in a metric's `Quality` property (192 good, 64–191 uncertain). */
function qualityOf(metric: UMetric): { quality: Quality; statusCode: number; statusText: string } {
  const code = propertyScalar(metric, 'Quality');
  if (typeof code !== 'number' || code >= 192) return { quality: 'good', statusCode: StatusCodes.Good.value, statusText: 'Good' };
  if (code >= 64) return { quality: 'uncertain', statusCode: StatusCodes.Uncertain.value, statusText: `Uncertain: the edge node reports quality ${code}` };
  return { quality: 'bad', statusCode: StatusCodes.Bad.value, statusText: `Bad: the edge node reports quality ${code}` };
}

/** A metric in a birth or DATA message as a cache value; its time is the metric's, else the payload's. */
export function tagValueOf(metric: UMetric, binding: MetricBinding, payload: UPayload, receivedAt: Date): TagValue {
  const timestampMs = toNumber(metric.timestamp) ?? toNumber(payload.timestamp);
  return {
    value: metricScalar(metric),
    unit: binding.unit,
    sourceTimestamp: timestampMs === undefined ? null : new Date(timestampMs),
    serverTimestamp: receivedAt,
    ...qualityOf(metric),
  };
}

function textProperty(metric: UMetric, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = propertyScalar(metric, name);
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

export type BirthContext = {
  assetId: string;
  /** Where the metric lives, for messages and the WriteResult address. */
  addressPrefix: string;
  /** The edge node's line (its id and `Node Info/Name`), given to every device it carries. */
  line?: { id: string; name?: string };
  payload: UPayload;
  receivedAt: Date;
};

export function readBirth(context: BirthContext): BornAsset {
  const { assetId, payload, receivedAt } = context;
  const tags: MappedTag[] = [];
  const methods: MappedMethod[] = [];
  const values = new Map<string, TagValue>();
  const byName = new Map<string, MetricBinding>();
  const byAlias = new Map<number, MetricBinding>();
  let name: string | undefined;
  let type: string | undefined;
  for (const metric of payload.metrics ?? []) {
    const metricName = metric.name ?? '';
    if (metricName === 'Device Info/Name' || metricName === 'Node Info/Name') name = String(metricScalar(metric) ?? '') || undefined;
    if (metricName === 'Device Info/Type') type = String(metricScalar(metric) ?? '') || undefined;
    if (!metricName || metricName === BD_SEQ_METRIC || PROTOCOL_PREFIXES.some((prefix) => metricName.startsWith(prefix))) continue;
    const tagId = tagIdOf(metricName.startsWith(COMMAND_PREFIX) ? metricName.slice(COMMAND_PREFIX.length) : metricName);
    if (!ID_PATTERN.test(tagId)) continue;
    const address = `${context.addressPrefix}/${metricName}`;
    const binding: MetricBinding = {
      name: metricName,
      alias: toNumber(metric.alias),
      type: metric.type,
      tagId,
      unit: textProperty(metric, 'engUnit', 'EngUnit') ?? null,
    };
    byName.set(metricName, binding);
    if (binding.alias !== undefined) byAlias.set(binding.alias, binding);
    if (metricName.startsWith(COMMAND_PREFIX)) {
      methods.push({ id: tagId, nodeId: address, objectNodeId: context.addressPrefix, description: textProperty(metric, 'description', 'Documentation') });
      continue;
    }
    const low = propertyScalar(metric, 'engLow');
    const high = propertyScalar(metric, 'engHigh');
    const tag: MappedTag = {
      id: tagId,
      nodeId: address,
      writable: propertyScalar(metric, 'writable') === true || propertyScalar(metric, 'readOnly') === false,
      ...(binding.unit ? { unit: binding.unit } : {}),
      ...(typeof low === 'number' && typeof high === 'number' && low <= high ? { range: { low, high } } : {}),
    };
    const description = textProperty(metric, 'description', 'Documentation');
    if (description) tag.description = description;
    tags.push(tag);
    values.set(tagId, tagValueOf(metric, binding, payload, receivedAt));
  }
  const info: AssetInfo = {
    id: assetId,
    name: name ?? assetId,
    ...(context.line ? { line: context.line.id, lineName: context.line.name ?? context.line.id } : {}),
    ...(type ? { type } : {}),
    tags,
    methods,
  };
  return { info, values, byName, byAlias };
}
