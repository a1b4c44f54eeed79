/**
 * A tag history as chart series: raw samples (drawn as steps: a value holds until the next sample,
 * which is how change-based history reads) or buckets (average inside a min–max band). Samples that
 * were not Good are kept out of the line and listed separately, so they are never read as
 * measurements.
 */
import type { TagHistoryOutput } from '../../tools/plant/tools/tag-history';

export type TrendSeries = {
  /** Seconds since the epoch, ascending (uPlot's time axis). */
  timesS: number[];
  values: (number | null)[];
  /** Bucket envelopes; empty for raw samples. */
  min: (number | null)[];
  max: (number | null)[];
  stepped: boolean;
  flagged: { timeS: number; quality: 'uncertain' | 'bad' }[];
  unit: string;
  label: string;
};

export function trendSeries(history: TagHistoryOutput): TrendSeries {
  const unit = history.unit && history.unit !== 'count' ? history.unit : '';
  const out: TrendSeries = {
    timesS: [],
    values: [],
    min: [],
    max: [],
    stepped: Boolean(history.points),
    flagged: [],
    unit,
    label: `${history.tagId}${unit ? ` [${unit}]` : ''}`,
  };
  for (const point of history.points ?? []) {
    const timeS = Date.parse(point.time) / 1000;
    if (point.quality !== 'good') out.flagged.push({ timeS, quality: point.quality });
    if (point.value === null || point.quality === 'bad') continue;
    out.timesS.push(timeS);
    out.values.push(point.value);
  }
  const bucketS = typeof history.resolution === 'object' ? history.resolution.bucketSeconds : 0;
  for (const bucket of history.buckets ?? []) {
    const timeS = Date.parse(bucket.start) / 1000 + bucketS / 2;
    if (bucket.badCount > 0) out.flagged.push({ timeS, quality: 'bad' });
    if (bucket.avg === null) continue;
    out.timesS.push(timeS);
    out.values.push(bucket.avg);
    out.min.push(bucket.min);
    out.max.push(bucket.max);
  }
  // A step line holds its last value until now (or the end of the window).
  if (out.stepped && out.values.length > 0) {
    const endS = Math.min(Date.parse(history.to), Date.now()) / 1000;
    if (endS > out.timesS.at(-1)!) {
      out.timesS.push(endS);
      out.values.push(out.values.at(-1)!);
    }
  }
  return out;
}
