/**
 * The historian: tag samples and plant events in PostgreSQL (or PGlite), written in batches, kept for
 * a configurable number of days, and queried as raw points or min/max/avg/last buckets for windows
 * from minutes to weeks. Writing is the lease holder's job (see plant-recorder.ts); any instance reads.
 */
import type { Db } from '../../lib/db/db';
import { AppError } from '../../lib/errors';
import { silentLogger, type Logger } from '../../lib/log';
import { BatchWriter, type Gap } from './batch-writer';
import { deleteOlderThan, insertEvents, insertSamples, lastSampleTime, selectBuckets, selectEvents, selectRaw } from './history-store';
import { SpillQueue } from './spill-queue';
import { DEFAULT_SITE_KEY, EventQuery, HistoryQuery, type HistoryResult, type PlantEvent, type Sample, type StoredEvent } from './historian-types';

export type HistorianOptions = {
  flushIntervalMs?: number;
  maxBatchRows?: number;
  /** Rows held in memory per kind while the database is down (then the spill files). */
  maxBufferedRows?: number;
  /** A folder in the data dir for rows that outgrow memory during an outage; without it they are lost as a marked gap. */
  spillDir?: string;
  /** Rows on disk per kind before the newest are lost as a marked gap. */
  maxSpilledRows?: number;
  retentionDays?: number;
  /** Whose history this is: the site key its rows carry (default: the default site's, DEFAULT_SITE_KEY). */
  siteKey?: string;
  log?: Logger;
};

export interface Historian {
  /** Queues a sample; it reaches the database with the next batch. */
  record(sample: Sample): void;
  recordEvent(event: PlantEvent): void;
  /** Writes everything queued so far. */
  flush(): Promise<void>;
  history(query: HistoryQuery): Promise<HistoryResult>;
  events(query: EventQuery): Promise<StoredEvent[]>;
  /** Deletes rows older than the retention setting (relative to `now`). */
  applyRetention(now?: Date): Promise<{ samples: number; events: number }>;
  /** The newest stored sample time (null when empty): where a new lease holder backfills from. */
  lastWrittenTime(): Promise<Date | null>;
  /** Records a window of samples that could not be stored, as a `gap` event a reader can see. */
  recordGap(gap: Gap, reason: string): void;
  stats(): { written: number; pending: number; spilled: number; dropped: number; gaps: number; failures: number; retentionDays: number };
  close(): Promise<void>;
}

/** With `auto`, windows up to an hour come back raw; longer ones as about this many buckets. */
const AUTO_RAW_WINDOW_MS = 3_600_000;
const AUTO_TARGET_POINTS = 500;
const NICE_BUCKET_SECONDS = [1, 5, 10, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

export function autoBucketSeconds(windowMs: number): number | 'raw' {
  if (windowMs <= AUTO_RAW_WINDOW_MS) return 'raw';
  const seconds = windowMs / 1000 / AUTO_TARGET_POINTS;
  return NICE_BUCKET_SECONDS.find((candidate) => candidate >= seconds) ?? Math.ceil(seconds / 86_400) * 86_400;
}

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }, what: string): AppError {
  return new AppError('invalid_argument', `Invalid ${what} — ${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`);
}

export function createHistorian(db: Db, options: HistorianOptions = {}): Historian {
  const log = options.log ?? silentLogger;
  const retentionDays = options.retentionDays ?? 90;
  const site = options.siteKey ?? DEFAULT_SITE_KEY;
  const common = {
    flushIntervalMs: options.flushIntervalMs ?? 1000,
    maxBatchRows: options.maxBatchRows ?? 5000,
    maxBufferedRows: options.maxBufferedRows ?? 500_000,
  };
  const spill = <Row>(prefix: string, encode: (row: Row) => unknown, decode: (json: unknown) => Row) =>
    options.spillDir
      ? new SpillQueue<Row>({ dir: options.spillDir, prefix, maxRows: options.maxSpilledRows ?? 5_000_000, segmentRows: common.maxBatchRows, encode, decode })
      : undefined;
  const reviveTime = <Row extends { time: Date }>(json: unknown) => {
    const row = json as Row & { time: string };
    return { ...row, time: new Date(row.time) } as Row;
  };
  const recordGap = (gap: Gap, reason: string) =>
    events.add({
      time: gap.from,
      kind: 'gap',
      message:
        `History gap: ${gap.rows} sample${gap.rows === 1 ? '' : 's'} from ${gap.from.toISOString()} to ${gap.to.toISOString()} could not be stored (${reason}). ` +
        'Values in this window are missing, not unchanged.',
      payload: { from: gap.from.toISOString(), to: gap.to.toISOString(), samples: gap.rows, reason },
    });
  const samples: BatchWriter<Sample> = new BatchWriter<Sample>({
    ...common,
    spill: spill<Sample>('samples', (row) => row, reviveTime),
    timeOf: (row) => row.time,
    write: (rows) => insertSamples(db, rows, site),
    onGap: (gap) => {
      log.error(gap, 'Historian lost samples: the database was unavailable for longer than its buffers last; recorded as a gap');
      recordGap(gap, 'the database was unavailable for longer than the memory and spill buffers last');
    },
    onError: (error, rows) => log.warn({ err: error, rows, pending: samples.pending }, 'Historian could not write tag samples; will retry'),
  });
  const events: BatchWriter<PlantEvent> = new BatchWriter<PlantEvent>({
    ...common,
    spill: spill<PlantEvent>('events', (row) => row, reviveTime),
    timeOf: (row) => row.time,
    write: (rows) => insertEvents(db, rows, site),
    onGap: (gap) => log.error(gap, 'Historian lost plant events: the database was unavailable for longer than its buffers last'),
    onError: (error, rows) => log.warn({ err: error, rows }, 'Historian could not write events; will retry'),
  });

  return {
    record: (sample) => samples.add(sample),
    recordEvent: (event) => events.add(event),
    async flush() {
      await Promise.all([samples.flush(), events.flush()]);
    },
    async history(input) {
      const parsed = HistoryQuery.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error, 'history query');
      const query = parsed.data;
      const resolution = query.resolution === 'auto' ? autoBucketSeconds(query.to.getTime() - query.from.getTime()) : query.resolution;
      if (resolution === 'raw') {
        const points = await selectRaw(db, query.assetId, query.tagId, query.from, query.to, query.maxPoints + 1, site);
        const truncated = points.length > query.maxPoints;
        return { assetId: query.assetId, tagId: query.tagId, resolution: 'raw', points: truncated ? points.slice(0, query.maxPoints) : points, truncated };
      }
      const buckets = await selectBuckets(db, query.assetId, query.tagId, query.from, query.to, resolution, site);
      return { assetId: query.assetId, tagId: query.tagId, resolution: 'buckets', bucketSeconds: resolution, buckets };
    },
    async events(input) {
      const parsed = EventQuery.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error, 'event query');
      return selectEvents(db, parsed.data, site);
    },
    applyRetention(now = new Date()) {
      return deleteOlderThan(db, new Date(now.getTime() - retentionDays * 86_400_000), site);
    },
    lastWrittenTime: () => lastSampleTime(db, site),
    recordGap,
    stats: () => ({
      written: samples.written + events.written,
      pending: samples.pending + events.pending,
      spilled: samples.spilled + events.spilled,
      dropped: samples.dropped + events.dropped,
      gaps: samples.gaps,
      failures: samples.failures + events.failures,
      retentionDays,
    }),
    async close() {
      // Samples first: a gap they report is an event, written (or spilled) by the events writer after.
      await samples.close();
      await events.close();
    },
  };
}
