/**
 * The historian queries a handover needs, aggregated in SQL where that saves moving rows: counter
 * increases per machine, the state and product each machine had when the window began, and only the
 * event kinds the report reads. One round trip each; same SQL on PGlite and PostgreSQL.
 * Every query reads one site's rows: the default site's unless a site key is given (shift figures of
 * another site); handovers cover the default site.
 */
import type { Queryable } from '@/lib/db/db';
import { DEFAULT_SITE_KEY } from '@/connectors/historian/historian-types';
import type { HistorianEventRow, InitialState } from '../engine/plant-events';
import type { HoldEvent } from '../engine/report-types';
import type { CounterIncrease } from '../../kpis/engine/production-facts';

/** A `historian_events` row as the queries return it. */
export type EventRow = {
  id: string;
  time: Date;
  kind: string;
  asset_id: string | null;
  code: string | null;
  priority: number | null;
  message: string;
  payload: Record<string, unknown>;
};

export const toEvent = (row: EventRow): HistorianEventRow => ({
  id: String(row.id),
  time: row.time.toISOString(),
  kind: row.kind,
  assetId: row.asset_id,
  code: row.code,
  priority: row.priority,
  message: row.message,
  payload: row.payload ?? {},
});

export async function countEvents(db: Queryable, from: Date, to: Date, site = DEFAULT_SITE_KEY): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM historian_events WHERE site_id = $3 AND time >= $1 AND time < $2`, [
    from,
    to,
    site,
  ]);
  return Number(rows[0]?.n ?? 0);
}

/** One event as the aggregate below encodes it: [id, epoch ms, asset, code, priority, message, transition, from state]. */
type PackedEvent = [string, number, string | null, string | null, number | null, string, string | null, string | null];

/**
 * Events of one kind in the window, oldest first, with only what the report reads. A shift has tens of
 * thousands of them; one JSON array decodes several times faster than as many rows.
 */
export async function eventsOfKind(db: Queryable, kind: 'alarm' | 'state_change', from: Date, to: Date, site = DEFAULT_SITE_KEY): Promise<HistorianEventRow[]> {
  const { rows } = await db.query<{ events: PackedEvent[] | null }>(
    `SELECT json_agg(json_build_array(
              id::text, (extract(epoch FROM time) * 1000)::float8, asset_id, code, priority,
              CASE WHEN $1 = 'alarm' THEN message ELSE '' END, payload->>'transition', payload->>'from'
            ) ORDER BY time, id) AS events
     FROM historian_events WHERE site_id = $4 AND kind = $1 AND time >= $2 AND time < $3`,
    [kind, from, to, site],
  );
  return (rows[0]?.events ?? []).map(([id, ms, assetId, code, priority, message, transition, fromState]) => {
    const payload: Record<string, unknown> = {};
    if (transition !== null) payload.transition = transition;
    if (fromState !== null) payload.from = fromState;
    return { id, time: new Date(Math.round(ms)).toISOString(), kind, assetId, code, priority, message, payload };
  });
}

/** The latest alarm event per machine and code in the lookback before `from`: what was active when the window began. */
export async function alarmsBefore(db: Queryable, from: Date, lookbackMs: number, site = DEFAULT_SITE_KEY): Promise<HistorianEventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT DISTINCT ON (asset_id, code) id, time, kind, asset_id, code, priority, message, payload FROM historian_events
     WHERE site_id = $3 AND kind = 'alarm' AND time < $1 AND time >= $2
     ORDER BY asset_id, code, time DESC, id DESC`,
    [from, new Date(from.getTime() - lookbackMs), site],
  );
  return rows.map(toEvent).sort((a, b) => a.time.localeCompare(b.time) || Number(a.id) - Number(b.id));
}

/**
 * When the historian's records of these machines' counters begin (the earliest first GoodCount sample
 * before `to`); null when there are none. Figures over a window that starts before this cover less.
 */
export async function firstCounterSample(db: Queryable, assetIds: readonly string[], to: Date, site = DEFAULT_SITE_KEY): Promise<Date | null> {
  const { rows } = await db.query<{ first: Date | null }>(
    `SELECT min(f.time) AS first FROM unnest($1::text[]) AS a(asset_id)
     CROSS JOIN LATERAL (
       SELECT time FROM historian_samples WHERE site_id = $3 AND asset_id = a.asset_id AND tag_id = 'GoodCount' AND time < $2 ORDER BY time LIMIT 1
     ) f`,
    [assetIds, to, site],
  );
  return rows[0]?.first ? new Date(rows[0].first) : null;
}

/**
 * How long after a window's start the first recorded `State` may still stand for the state at the
 * start. Where history begins inside the window, the recorder's first snapshot stamps each value
 * with its source time: a packer starved since 10:00:05 has its counter stamped 10:00:00 and its
 * state 10:00:05, so no state lies at or before the first counter sample, where the window starts.
 */
const FIRST_RECORD_GRACE_MS = 5 * 60_000;

/**
 * Each machine's state when the window began: its last state change before, else its last `State`
 * sample (one at the start counts), else, where nothing was recorded before, its first `State`
 * sample within FIRST_RECORD_GRACE_MS after the start.
 */
export async function initialStates(db: Queryable, assetIds: readonly string[], from: Date, site = DEFAULT_SITE_KEY): Promise<Map<string, InitialState>> {
  const { rows } = await db.query<{
    asset_id: string;
    event_id: string | null;
    event_state: string | null;
    sample_state: string | null;
    first_state: string | null;
  }>(
    `SELECT a.asset_id, e.id AS event_id, e.code AS event_state, s.text_value AS sample_state, f.text_value AS first_state
     FROM unnest($1::text[]) AS a(asset_id)
     LEFT JOIN LATERAL (
       SELECT id, code FROM historian_events
       WHERE site_id = $4 AND asset_id = a.asset_id AND kind = 'state_change' AND time < $2 ORDER BY time DESC, id DESC LIMIT 1
     ) e ON true
     LEFT JOIN LATERAL (
       SELECT text_value FROM historian_samples
       WHERE site_id = $4 AND asset_id = a.asset_id AND tag_id = 'State' AND time <= $2 AND text_value IS NOT NULL ORDER BY time DESC LIMIT 1
     ) s ON true
     LEFT JOIN LATERAL (
       SELECT text_value FROM historian_samples
       WHERE site_id = $4 AND asset_id = a.asset_id AND tag_id = 'State' AND time > $2 AND time <= $3 AND text_value IS NOT NULL ORDER BY time LIMIT 1
     ) f ON true`,
    [assetIds, from, new Date(from.getTime() + FIRST_RECORD_GRACE_MS), site],
  );
  const states = new Map<string, InitialState>();
  for (const row of rows) {
    const state = row.event_state ?? row.sample_state ?? row.first_state;
    if (state) states.set(row.asset_id, { state, eventId: row.event_state ? String(row.event_id) : null });
  }
  return states;
}

/**
 * How much each counter went up over the window, starting from its last value before the window.
 * A drop means the counter was reset (a restart); the count then starts again from zero.
 */
export async function counterIncreases(
  db: Queryable,
  assetIds: readonly string[],
  tagIds: readonly string[],
  from: Date,
  to: Date,
  site = DEFAULT_SITE_KEY,
): Promise<CounterIncrease[]> {
  const keys = assetIds.flatMap((assetId) => tagIds.map((tagId) => [assetId, tagId] as const));
  const { rows } = await db.query<{
    asset_id: string;
    tag_id: string;
    increase: number | null;
    samples: string;
    first_time: Date | null;
    last_time: Date | null;
  }>(
    `WITH keys AS (SELECT * FROM unnest($1::text[], $2::text[]) AS k(asset_id, tag_id)),
     points AS (
       SELECT k.asset_id, k.tag_id, b.time, b.value, false AS in_window FROM keys k
       CROSS JOIN LATERAL (
         SELECT time, value FROM historian_samples
         WHERE site_id = $5 AND asset_id = k.asset_id AND tag_id = k.tag_id AND time < $3 AND value IS NOT NULL AND quality <> 'bad'
         ORDER BY time DESC LIMIT 1
       ) b
       UNION ALL
       SELECT h.asset_id, h.tag_id, h.time, h.value, true FROM historian_samples h
       JOIN keys k ON k.asset_id = h.asset_id AND k.tag_id = h.tag_id
       WHERE h.site_id = $5 AND h.time >= $3 AND h.time < $4 AND h.value IS NOT NULL AND h.quality <> 'bad'
     ),
     steps AS (
       SELECT asset_id, tag_id, time, value, in_window, lag(value) OVER (PARTITION BY asset_id, tag_id ORDER BY time) AS previous FROM points
     )
     SELECT asset_id, tag_id,
            sum(CASE WHEN previous IS NULL THEN 0 WHEN value >= previous THEN value - previous ELSE value END) AS increase,
            count(*) FILTER (WHERE in_window) AS samples,
            min(time) FILTER (WHERE in_window) AS first_time,
            max(time) FILTER (WHERE in_window) AS last_time
     FROM steps GROUP BY asset_id, tag_id`,
    [keys.map((k) => k[0]), keys.map((k) => k[1]), from, to, site],
  );
  return rows.map((row) => ({
    assetId: row.asset_id,
    tagId: row.tag_id,
    increase: Math.round(Number(row.increase ?? 0)),
    samples: Number(row.samples),
    firstTime: row.first_time?.toISOString() ?? null,
    lastTime: row.last_time?.toISOString() ?? null,
  }));
}

export type TextChange = { assetId: string; tagId: string; time: string; value: string };

/** A text tag's value when the window began and every change in it, per machine, oldest first. */
export async function textTagChanges(
  db: Queryable,
  assetIds: readonly string[],
  tagIds: readonly string[],
  from: Date,
  to: Date,
  site = DEFAULT_SITE_KEY,
): Promise<TextChange[]> {
  const keys = assetIds.flatMap((assetId) => tagIds.map((tagId) => [assetId, tagId] as const));
  const { rows } = await db.query<{ asset_id: string; tag_id: string; time: Date; text_value: string }>(
    `WITH keys AS (SELECT * FROM unnest($1::text[], $2::text[]) AS k(asset_id, tag_id))
     SELECT k.asset_id, k.tag_id, $3::timestamptz AS time, b.text_value FROM keys k
     CROSS JOIN LATERAL (
       SELECT text_value FROM historian_samples
       WHERE site_id = $5 AND asset_id = k.asset_id AND tag_id = k.tag_id AND time < $3 AND text_value IS NOT NULL ORDER BY time DESC LIMIT 1
     ) b
     UNION ALL
     SELECT h.asset_id, h.tag_id, h.time, h.text_value FROM historian_samples h
     JOIN keys k ON k.asset_id = h.asset_id AND k.tag_id = h.tag_id
     WHERE h.site_id = $5 AND h.time >= $3 AND h.time < $4 AND h.text_value IS NOT NULL
     ORDER BY 3`,
    [keys.map((k) => k[0]), keys.map((k) => k[1]), from, to, site],
  );
  return rows.map((row) => ({ assetId: row.asset_id, tagId: row.tag_id, time: new Date(row.time).toISOString(), value: row.text_value }));
}

/** Events flagged as a quality hold (`payload.qualityHold = true`), of any kind. */
export async function holdEvents(db: Queryable, from: Date, to: Date, site = DEFAULT_SITE_KEY): Promise<HoldEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT id, time, kind, asset_id, code, priority, message, payload FROM historian_events
     WHERE site_id = $3 AND time >= $1 AND time < $2 AND payload @> '{"qualityHold": true}'::jsonb ORDER BY time, id`,
    [from, to, site],
  );
  return rows.map((row) => ({ eventId: String(row.id), time: row.time.toISOString(), assetId: row.asset_id, message: row.message }));
}
