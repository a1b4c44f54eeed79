/**
 * How the read-only plant tools present a value: never without its unit, source timestamp and
 * OPC UA quality, and never as current when it is not Good. Also the citations (Sources) that
 * open the Plant page at the asset, tag or alarm list.
 */
import { z } from 'zod';
import type { TagValue } from '@/connectors/opcua/plant-connection';
import type { Source } from '../../sources';

export const Quality = z.enum(['good', 'uncertain', 'bad']);
export type Quality = z.infer<typeof Quality>;

export const PlantValue = z.object({
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  unit: z.string().nullable(),
  sourceTimestamp: z.string().nullable(),
  quality: Quality,
  /** False unless the quality is Good: the value is the last one known, not the plant's state now. */
  current: z.boolean(),
  /** The OPC UA status text, e.g. `BadNotConnected: …` (only when not Good). */
  status: z.string().optional(),
});
export type PlantValue = z.infer<typeof PlantValue>;

export const DataQuality = z.object({ worst: Quality, note: z.string() });
export type DataQuality = z.infer<typeof DataQuality>;

const RANK: Record<Quality, number> = { good: 0, uncertain: 1, bad: 2 };

export function worstQuality(qualities: Iterable<Quality>): Quality {
  let worst: Quality = 'good';
  for (const quality of qualities) if (RANK[quality] > RANK[worst]) worst = quality;
  return worst;
}

/** Units from OPC UA EngineeringUnits; counters carry none there, so name them. */
export function unitOf(tagId: string, unit: string | null): string | null {
  if (unit) return unit;
  if (/(Count|Cycles|CartonsPacked)$/.test(tagId)) return 'count';
  return null;
}

export function toPlantValue(tagId: string, value: TagValue): PlantValue {
  const good = value.quality === 'good';
  return {
    value: value.value,
    unit: unitOf(tagId, value.unit),
    sourceTimestamp: value.sourceTimestamp?.toISOString() ?? value.serverTimestamp?.toISOString() ?? null,
    quality: value.quality,
    current: good,
    ...(good ? {} : { status: value.statusText }),
  };
}

/** One line for a model or a person: how far the values can be trusted. */
export function summariseQuality(entries: { name: string; quality: Quality }[]): DataQuality {
  const worst = worstQuality(entries.map((entry) => entry.quality));
  if (worst === 'good') return { worst, note: 'All values are Good and current.' };
  const affected = entries.filter((entry) => entry.quality !== 'good');
  const names = affected.slice(0, 8).map((entry) => `${entry.name} (${entry.quality})`);
  const more = affected.length > names.length ? ` and ${affected.length - names.length} more` : '';
  return {
    worst,
    note:
      `${affected.length} value${affected.length === 1 ? ' is' : 's are'} not Good: ${names.join(', ')}${more}. ` +
      'They are the last values received, not the current state; say so and do not present them as current.',
  };
}

export function plantHref(assetId: string, tagId?: string): string {
  const query = new URLSearchParams({ asset: assetId, ...(tagId ? { tag: tagId } : {}) });
  return `/plant?${query.toString()}`;
}

export function tagSource(assetId: string, tagId: string, value?: PlantValue, window?: { from: string; to: string }): Source {
  const snippet = value ? `${formatValue(value)}${value.sourceTimestamp ? ` at ${value.sourceTimestamp}` : ''}` : undefined;
  return { kind: 'tag', id: `${assetId}/${tagId}`, title: `${assetId} ${tagId}`, href: plantHref(assetId, tagId), snippet, ...window };
}

export function alarmSource(assetId: string, code: string, title: string, id = `${assetId}/${code}`): Source {
  return { kind: 'alarm', id, title: `${assetId} ${code} ${title}`, href: `${plantHref(assetId)}#alarms` };
}

export function formatValue(value: PlantValue): string {
  const text = typeof value.value === 'number' ? String(Math.round(value.value * 100) / 100) : String(value.value ?? '—');
  const unit = value.unit && value.unit !== 'count' ? ` ${value.unit}` : '';
  return `${text}${unit}${value.quality === 'good' ? '' : ` (${value.quality}, not current)`}`;
}

/** ISO timestamps accepted from callers, always with an offset so the moment is unambiguous. */
export const IsoTime = z.iso.datetime({ offset: true }).describe('ISO 8601 time with offset, e.g. 2025-03-03T06:00:00Z');
