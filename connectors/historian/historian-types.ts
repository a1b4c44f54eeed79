/** What the historian stores and returns; zod schemas for what callers (tools, HTTP) pass in. */
import { z } from 'zod';

/**
 * The historian key of the deployment's first (default) site: empty, so history recorded before a
 * deployment had several sites stays that site's. Further sites record under their own id.
 */
export const DEFAULT_SITE_KEY = '';

export type SampleQuality = 'good' | 'uncertain' | 'bad';

/** One tag value at one time. `value` numeric (booleans as 0/1), or `textValue` for strings. */
export type Sample = {
  time: Date;
  assetId: string;
  tagId: string;
  value: number | null;
  textValue?: string | null;
  quality: SampleQuality;
  statusCode?: number;
};

/** `gap`: history that could not be stored (buffers full during a long outage); payload says from, to and how many samples. */
export const EventKind = z.enum(['state_change', 'alarm', 'order_progress', 'connection', 'write', 'gap', 'other']);
export type EventKind = z.infer<typeof EventKind>;

export type PlantEvent = {
  time: Date;
  kind: EventKind;
  assetId?: string | null;
  code?: string | null;
  /** Alarm priority 1 (most urgent) … 4. */
  priority?: number | null;
  /** OPC UA severity 1 … 1000. */
  severity?: number | null;
  message: string;
  payload?: Record<string, unknown>;
};

export type StoredEvent = PlantEvent & { id: string };

const DateLike = z.union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))]);

/** `raw` points, a bucket size in seconds, or `auto`: raw for short windows, buckets to ≈500 points otherwise. */
export const Resolution = z.union([
  z.literal('raw'),
  z.literal('auto'),
  z
    .number()
    .int()
    .min(1)
    .max(31 * 24 * 3600),
]);
export type Resolution = z.infer<typeof Resolution>;

export const HistoryQuery = z
  .object({
    assetId: z.string().min(1),
    tagId: z.string().min(1),
    from: DateLike,
    to: DateLike,
    resolution: Resolution.default('auto'),
    /** Upper bound on raw points returned; the answer says when it was cut. */
    maxPoints: z.number().int().min(1).max(100_000).default(10_000),
  })
  .refine((query) => query.from < query.to, { message: '`from` must be before `to`', path: ['from'] });
export type HistoryQuery = z.input<typeof HistoryQuery>;

export type RawPoint = { time: Date; value: number | null; textValue: string | null; quality: SampleQuality };

export type Bucket = { start: Date; min: number | null; max: number | null; avg: number | null; last: number | null; count: number; badCount: number };

export type HistoryResult =
  | { assetId: string; tagId: string; resolution: 'raw'; points: RawPoint[]; truncated: boolean }
  | { assetId: string; tagId: string; resolution: 'buckets'; bucketSeconds: number; buckets: Bucket[] };

export const EventQuery = z.object({
  from: DateLike,
  to: DateLike,
  assetId: z.string().optional(),
  kinds: z.array(EventKind).optional(),
  priorities: z.array(z.number().int().min(1).max(4)).optional(),
  limit: z.number().int().min(1).max(10_000).default(1000),
});
export type EventQuery = z.input<typeof EventQuery>;
