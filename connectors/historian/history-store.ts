/**
 * The historian's SQL: batched inserts as one statement per batch (arrays passed as parameters and
 * expanded with unnest, so a batch of 5,000 rows is one round trip and one plan), history queries
 * over raw points or time buckets, event queries and retention. Same SQL on PGlite and PostgreSQL.
 * Every row belongs to one site (`site_id`; the default site's key is empty, see 0017_historian_sites.sql).
 */
import type { Queryable } from '../../lib/db/db';
import { DEFAULT_SITE_KEY, type Bucket, type PlantEvent, type RawPoint, type SampleQuality, type Sample, type StoredEvent } from './historian-types';

/** Idempotent: a sample already stored for the same asset, tag and time is skipped (failover, backfill, reconnect). */
export async function insertSamples(db: Queryable, samples: readonly Sample[], site = DEFAULT_SITE_KEY): Promise<void> {
  if (samples.length === 0) return;
  const times: string[] = [];
  const assetIds: string[] = [];
  const tagIds: string[] = [];
  const values: (number | null)[] = [];
  const textValues: (string | null)[] = [];
  const qualities: string[] = [];
  const statusCodes: number[] = [];
  for (const sample of samples) {
    times.push(sample.time.toISOString());
    assetIds.push(sample.assetId);
    tagIds.push(sample.tagId);
    values.push(sample.value !== null && Number.isFinite(sample.value) ? sample.value : null);
    textValues.push(sample.textValue ?? null);
    qualities.push(sample.quality);
    statusCodes.push(sample.statusCode ?? 0);
  }
  await db.query(
    `INSERT INTO historian_samples (time, asset_id, tag_id, value, text_value, quality, status_code, site_id)
     SELECT *, $8::text FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::bigint[])
     ON CONFLICT (site_id, asset_id, tag_id, time) DO NOTHING`,
    [times, assetIds, tagIds, values, textValues, qualities, statusCodes, site],
  );
}

export async function insertEvents(db: Queryable, events: readonly PlantEvent[], site = DEFAULT_SITE_KEY): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO historian_events (time, kind, asset_id, code, priority, severity, message, payload, site_id)
     SELECT *, $9::text FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::integer[], $7::text[], $8::jsonb[])`,
    [
      events.map((event) => event.time.toISOString()),
      events.map((event) => event.kind),
      events.map((event) => event.assetId ?? null),
      events.map((event) => event.code ?? null),
      events.map((event) => event.priority ?? null),
      events.map((event) => event.severity ?? null),
      events.map((event) => event.message),
      events.map((event) => JSON.stringify(event.payload ?? {})),
      site,
    ],
  );
}

type RawRow = { time: Date; value: number | null; text_value: string | null; quality: SampleQuality };

export async function selectRaw(
  db: Queryable,
  assetId: string,
  tagId: string,
  from: Date,
  to: Date,
  limit: number,
  site = DEFAULT_SITE_KEY,
): Promise<RawPoint[]> {
  const { rows } = await db.query<RawRow>(
    `SELECT time, value, text_value, quality FROM historian_samples
     WHERE site_id = $6 AND asset_id = $1 AND tag_id = $2 AND time >= $3 AND time < $4
     ORDER BY time LIMIT $5`,
    [assetId, tagId, from, to, limit, site],
  );
  return rows.map((row) => ({ time: row.time, value: row.value, textValue: row.text_value, quality: row.quality }));
}

type BucketRow = { start: Date; min: number | null; max: number | null; avg: number | null; last: number | null; count: string; bad_count: string };

/**
 * Buckets aligned to the Unix epoch, so the same bucket size always yields the same boundaries.
 * Bad samples are counted but kept out of min/max/avg/last: they are not measurements.
 */
export async function selectBuckets(
  db: Queryable,
  assetId: string,
  tagId: string,
  from: Date,
  to: Date,
  bucketSeconds: number,
  site = DEFAULT_SITE_KEY,
): Promise<Bucket[]> {
  const { rows } = await db.query<BucketRow>(
    `SELECT to_timestamp(floor(extract(epoch FROM time) / $5) * $5) AS start,
            min(value) FILTER (WHERE quality <> 'bad') AS min,
            max(value) FILTER (WHERE quality <> 'bad') AS max,
            avg(value) FILTER (WHERE quality <> 'bad') AS avg,
            (array_agg(value ORDER BY time DESC) FILTER (WHERE quality <> 'bad' AND value IS NOT NULL))[1] AS last,
            count(*) AS count,
            count(*) FILTER (WHERE quality = 'bad') AS bad_count
     FROM historian_samples
     WHERE site_id = $6 AND asset_id = $1 AND tag_id = $2 AND time >= $3 AND time < $4
     GROUP BY 1 ORDER BY 1`,
    [assetId, tagId, from, to, bucketSeconds, site],
  );
  return rows.map((row) => ({
    start: row.start,
    min: row.min,
    max: row.max,
    avg: row.avg,
    last: row.last,
    count: Number(row.count),
    badCount: Number(row.bad_count),
  }));
}

type EventRow = {
  id: string;
  time: Date;
  kind: PlantEvent['kind'];
  asset_id: string | null;
  code: string | null;
  priority: number | null;
  severity: number | null;
  message: string;
  payload: Record<string, unknown>;
};

export async function selectEvents(
  db: Queryable,
  filter: { from: Date; to: Date; assetId?: string; kinds?: string[]; priorities?: number[]; limit: number },
  site = DEFAULT_SITE_KEY,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT id, time, kind, asset_id, code, priority, severity, message, payload FROM historian_events
     WHERE site_id = $7 AND time >= $1 AND time < $2
       AND ($3::text IS NULL OR asset_id = $3)
       AND ($4::text[] IS NULL OR kind = ANY($4))
       AND ($5::smallint[] IS NULL OR priority = ANY($5))
     ORDER BY time, id LIMIT $6`,
    [filter.from, filter.to, filter.assetId ?? null, filter.kinds ?? null, filter.priorities ?? null, filter.limit, site],
  );
  return rows.map((row) => ({
    id: String(row.id),
    time: row.time,
    kind: row.kind,
    assetId: row.asset_id,
    code: row.code,
    priority: row.priority,
    severity: row.severity,
    message: row.message,
    payload: row.payload,
  }));
}

/** The newest sample time stored, or null on an empty historian: where a new lease holder backfills from. */
export async function lastSampleTime(db: Queryable, site = DEFAULT_SITE_KEY): Promise<Date | null> {
  const { rows } = await db.query<{ time: Date | null }>('SELECT max(time) AS time FROM historian_samples WHERE site_id = $1', [site]);
  return rows[0]?.time ?? null;
}

/** Deletes samples and events older than the cutoff; returns how many rows went. */
export async function deleteOlderThan(db: Queryable, cutoff: Date, site = DEFAULT_SITE_KEY): Promise<{ samples: number; events: number }> {
  const samples = await db.query('DELETE FROM historian_samples WHERE site_id = $2 AND time < $1', [cutoff, site]);
  const events = await db.query('DELETE FROM historian_events WHERE site_id = $2 AND time < $1', [cutoff, site]);
  return { samples: samples.rowCount ?? 0, events: events.rowCount ?? 0 };
}
