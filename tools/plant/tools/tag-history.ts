/**
 * `tag_history`: one tag's history from the historian, raw or as min/max/avg/last buckets, with
 * its unit and how many samples were not Good. Windows are at most 31 days.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import { Source } from '../../sources';
import { resolveAsset } from '../service/asset-resolver';
import { IsoTime, PlantValue, Quality, tagSource, toPlantValue } from '../engine/plant-values';
import { systemClock, type PlantReadDeps } from '../service/read-deps';

export const MAX_HISTORY_WINDOW_MS = 31 * 86_400_000;

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600 } as const;

/** A bucket size as a model writes it: `30s`, `1m`, `15m`, `1h` → seconds. */
const BucketText = z
  .string()
  .regex(/^\d{1,5}[smh]$/, 'a bucket size such as 30s, 1m, 15m or 1h')
  .transform((text) => Number(text.slice(0, -1)) * SECONDS_PER_UNIT[text.slice(-1) as keyof typeof SECONDS_PER_UNIT])
  .pipe(z.number().int().min(1).max(86_400));

export const TagHistoryInput = z.strictObject({
  asset: z.string().trim().min(1).max(120).describe('Asset id or name, e.g. "L1-RFL" or "reflow oven line 1"'),
  tag: z.string().trim().min(1).max(80).describe('Tag id as asset_state lists it, e.g. "Zone4.TemperatureC"'),
  from: IsoTime.optional().describe('Window start (ISO 8601 with offset); default: `to` minus 1 hour'),
  to: IsoTime.optional().describe('Window end (ISO 8601 with offset); default: now'),
  resolution: z
    .union([z.literal('raw'), z.literal('auto'), z.number().int().min(1).max(86_400), BucketText])
    .default('auto')
    .describe('"raw" samples, a bucket size in seconds or as "30s", "1m", "15m", "1h", or "auto" (raw up to 1 h, else ≈500 buckets)'),
});
export type TagHistoryInput = z.input<typeof TagHistoryInput>;

const Point = z.object({ time: z.string(), value: z.number().nullable(), text: z.string().nullable(), quality: Quality });
const Bucket = z.object({
  start: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  avg: z.number().nullable(),
  last: z.number().nullable(),
  count: z.number().int(),
  badCount: z.number().int(),
});

export const TagHistoryOutput = z.object({
  assetId: z.string(),
  tagId: z.string(),
  unit: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  resolution: z.union([z.literal('raw'), z.object({ bucketSeconds: z.number().int() })]),
  points: z.array(Point).optional(),
  buckets: z.array(Bucket).optional(),
  truncated: z.boolean(),
  /** Samples per quality in the window; bad samples are left out of bucket min/max/avg/last. */
  qualityCounts: z.object({ good: z.number().int(), uncertain: z.number().int(), bad: z.number().int() }),
  current: PlantValue,
  note: z.string(),
  sources: z.array(Source),
});
export type TagHistoryOutput = z.infer<typeof TagHistoryOutput>;

/** The window a caller asked for, checked: from < to and at most 31 days. */
export function historyWindow(input: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const to = input.to ? new Date(input.to) : now;
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - 3_600_000);
  if (!(from < to)) throw new AppError('invalid_argument', `The window start ${from.toISOString()} must be before its end ${to.toISOString()}.`);
  if (to.getTime() - from.getTime() > MAX_HISTORY_WINDOW_MS) {
    throw new AppError('invalid_argument', 'The window is longer than 31 days. Ask for a shorter window, or several.');
  }
  return { from, to };
}

export function tagHistoryTool(deps: PlantReadDeps) {
  return defineTool({
    name: 'tag_history',
    title: 'Tag history',
    description:
      "One tag's history between two times from the historian: raw samples or min/max/avg/last buckets, with the unit, the sample qualities, and " +
      'the current value. Use it for trends ("zone 4 temperature of the line 1 oven over the last 2 hours"). Windows up to 31 days.',
    input: TagHistoryInput,
    output: TagHistoryOutput,
    effect: 'read',
    async run(input) {
      // Read per call: the app may hand over a new connection after the plant came back.
      const { plant, historian, now = systemClock } = deps;
      const asset = resolveAsset(plant.listAssets(), input.asset);
      const tag =
        asset.tags.find((candidate) => candidate.id === input.tag) ?? asset.tags.find((candidate) => candidate.id.toLowerCase() === input.tag.toLowerCase());
      if (!tag) {
        const near = asset.tags.filter((candidate) => candidate.id.toLowerCase().includes(input.tag.toLowerCase().split('.').pop() ?? ''));
        const list = (near.length > 0 ? near : asset.tags).slice(0, 15).map((candidate) => candidate.id);
        throw new AppError('not_found', `${asset.id} has no tag "${input.tag}". Its tags include: ${list.join(', ')}.`);
      }
      const { from, to } = historyWindow(input, now());
      const result = await historian.history({ assetId: asset.id, tagId: tag.id, from, to, resolution: input.resolution ?? 'auto' });
      const current = toPlantValue(tag.id, plant.getValue(asset.id, tag.id));
      const window = { from: from.toISOString(), to: to.toISOString() };
      const base = { assetId: asset.id, tagId: tag.id, unit: current.unit, ...window, current, sources: [tagSource(asset.id, tag.id, current, window)] };
      if (result.resolution === 'raw') {
        const qualityCounts = { good: 0, uncertain: 0, bad: 0 };
        for (const point of result.points) qualityCounts[point.quality]++;
        return {
          ...base,
          resolution: 'raw' as const,
          points: result.points.map((point) => ({ time: point.time.toISOString(), value: point.value, text: point.textValue, quality: point.quality })),
          truncated: result.truncated,
          qualityCounts,
          note: describeHistory(result.points.length, qualityCounts, result.truncated),
        };
      }
      const count = result.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
      const bad = result.buckets.reduce((sum, bucket) => sum + bucket.badCount, 0);
      // Buckets count bad samples apart; good and uncertain are not told apart there.
      const qualityCounts = { good: count - bad, uncertain: 0, bad };
      return {
        ...base,
        resolution: { bucketSeconds: result.bucketSeconds },
        buckets: result.buckets.map((bucket) => ({ ...bucket, start: bucket.start.toISOString() })),
        truncated: false,
        qualityCounts,
        note: describeHistory(count, qualityCounts, false),
      };
    },
  });
}

function describeHistory(samples: number, counts: { uncertain: number; bad: number }, truncated: boolean): string {
  if (samples === 0) return 'The historian has no samples for this tag in the window (it records changes only while this instance holds the connector lease).';
  const parts = [`${samples} sample${samples === 1 ? '' : 's'}`];
  if (counts.bad + counts.uncertain > 0) parts.push(`${counts.bad} bad and ${counts.uncertain} uncertain samples (not measurements of the plant at that time)`);
  if (truncated) parts.push('cut at the point limit: ask for a shorter window or buckets');
  return `${parts.join('; ')}. Samples are recorded on change, so a flat stretch has few points.`;
}
