/**
 * What a handover citation opens: one historian event, the events of a kind in a window, a tag over a
 * window, a note. The evidence pages under /handovers/ render these, and `resolveCitation` checks that
 * a citation's target exists — the tests use it to prove every citation works. Events are found by id
 * (ids are unique across sites); lists and tag windows read one site's rows: `?site=` in the link
 * (engine/site-hrefs.ts), else the default site's.
 */
import type { Queryable } from '@/lib/db/db';
import { DEFAULT_SITE_KEY } from '@/connectors/historian/historian-types';
import { selectRequest } from '../../approval/store';
import type { Source } from '../../sources';
import { selectNote } from './notes-store';
import { toEvent, type EventRow } from './historian-facts';
import type { HistorianEventRow } from '../engine/plant-events';

export async function eventById(db: Queryable, id: string): Promise<HistorianEventRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const { rows } = await db.query<EventRow>(`SELECT id, time, kind, asset_id, code, priority, message, payload FROM historian_events WHERE id = $1`, [id]);
  return rows[0] ? toEvent(rows[0]) : undefined;
}

/** The events just before and after one on the same machine, for context on the event page. */
export async function eventNeighbours(db: Queryable, event: HistorianEventRow, count = 5): Promise<HistorianEventRow[]> {
  if (!event.assetId) return [];
  const { rows } = await db.query<EventRow>(
    `(SELECT id, time, kind, asset_id, code, priority, message, payload FROM historian_events
       WHERE site_id = (SELECT site_id FROM historian_events WHERE id = $3) AND asset_id = $1 AND (time, id) < ($2, $3) ORDER BY time DESC, id DESC LIMIT $4)
     UNION ALL
     (SELECT id, time, kind, asset_id, code, priority, message, payload FROM historian_events
       WHERE site_id = (SELECT site_id FROM historian_events WHERE id = $3) AND asset_id = $1 AND (time, id) > ($2, $3) ORDER BY time, id LIMIT $4)
     ORDER BY time, id`,
    [event.assetId, event.time, event.id, count],
  );
  return rows.map(toEvent);
}

export type EventListFilter = { from: Date; to: Date; kind?: string; assetId?: string; priorities?: number[]; limit?: number };

export async function eventList(db: Queryable, filter: EventListFilter, site = DEFAULT_SITE_KEY): Promise<{ events: HistorianEventRow[]; total: number }> {
  const params = [filter.from, filter.to, filter.kind ?? null, filter.assetId ?? null, filter.priorities?.length ? filter.priorities : null, site];
  const where = `site_id = $6 AND time >= $1 AND time < $2 AND ($3::text IS NULL OR kind = $3) AND ($4::text IS NULL OR asset_id = $4) AND ($5::smallint[] IS NULL OR priority = ANY($5))`;
  const { rows } = await db.query<EventRow>(
    `SELECT id, time, kind, asset_id, code, priority, message, payload FROM historian_events WHERE ${where} ORDER BY time, id LIMIT $7`,
    [...params, Math.min(filter.limit ?? 500, 2000)],
  );
  const count = await db.query<{ n: string }>(`SELECT count(*) AS n FROM historian_events WHERE ${where}`, params);
  return { events: rows.map(toEvent), total: Number(count.rows[0]?.n ?? 0) };
}

export type TagWindow = {
  assetId: string;
  tagId: string;
  before: { time: string; value: number | null; text: string | null } | null;
  points: { time: string; value: number | null; text: string | null; quality: string }[];
  total: number;
};

/** A tag over a window: its value just before, and the samples in it (the first `limit`, then the last). */
export async function tagWindow(db: Queryable, assetId: string, tagId: string, from: Date, to: Date, limit = 200, site = DEFAULT_SITE_KEY): Promise<TagWindow> {
  type Row = { time: Date; value: number | null; text_value: string | null; quality: string };
  const map = (row: Row) => ({ time: row.time.toISOString(), value: row.value, text: row.text_value, quality: row.quality });
  const before = await db.query<Row>(
    `SELECT time, value, text_value, quality FROM historian_samples WHERE site_id = $4 AND asset_id = $1 AND tag_id = $2 AND time < $3 ORDER BY time DESC LIMIT 1`,
    [assetId, tagId, from, site],
  );
  const head = await db.query<Row>(
    `SELECT time, value, text_value, quality FROM historian_samples WHERE site_id = $6 AND asset_id = $1 AND tag_id = $2 AND time >= $3 AND time < $4 ORDER BY time LIMIT $5`,
    [assetId, tagId, from, to, limit, site],
  );
  const tail = await db.query<Row>(
    `SELECT time, value, text_value, quality FROM historian_samples WHERE site_id = $5 AND asset_id = $1 AND tag_id = $2 AND time >= $3 AND time < $4 ORDER BY time DESC LIMIT 1`,
    [assetId, tagId, from, to, site],
  );
  const count = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM historian_samples WHERE site_id = $5 AND asset_id = $1 AND tag_id = $2 AND time >= $3 AND time < $4`,
    [assetId, tagId, from, to, site],
  );
  const points = head.rows.map(map);
  const last = tail.rows[0] ? map(tail.rows[0]) : undefined;
  if (last && points.length > 0 && points[points.length - 1]!.time !== last.time) points.push(last);
  return { assetId, tagId, before: before.rows[0] ? map(before.rows[0]) : null, points, total: Number(count.rows[0]?.n ?? 0) };
}

/** Pages that exist and need no lookup to open. */
const STATIC_TARGETS = [/^\/inspection(\/[^/?#]+)?([?#].*)?$/, /^\/schedule([?#].*)?$/, /^\/maintenance([?#].*)?$/, /^\/approvals([?#].*)?$/, /^\/audit\?.+$/];

/**
 * Whether a citation opens something real: the event, note, approval or tag window it names exists.
 * Returns the reason when it does not.
 */
export async function resolveCitation(db: Queryable, source: Source): Promise<{ ok: true } | { ok: false; reason: string }> {
  const href = source.href;
  if (!href) return { ok: false, reason: 'no href' };
  const url = new URL(href, 'http://plantpilot.local');
  const path = decodeURIComponent(url.pathname);
  const event = /^\/handovers\/events\/([^/]+)$/.exec(path);
  if (event) return (await eventById(db, event[1]!)) ? { ok: true } : { ok: false, reason: `event ${event[1]} does not exist` };
  const note = /^\/handovers\/notes\/([^/]+)$/.exec(path);
  if (note) return (await selectNote(db, note[1]!)) ? { ok: true } : { ok: false, reason: `note ${note[1]} does not exist` };
  const approval = /^\/approvals\/([^/]+)$/.exec(path);
  if (approval) return (await selectRequest(db, approval[1]!)) ? { ok: true } : { ok: false, reason: `approval ${approval[1]} does not exist` };
  if (path === '/handovers/tags') {
    const [asset, tag, from, to] = ['asset', 'tag', 'from', 'to'].map((key) => url.searchParams.get(key));
    if (!asset || !tag || !from || !to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)))
      return { ok: false, reason: 'tag window without asset, tag, from and to' };
    return { ok: true };
  }
  if (path === '/kpis') {
    // The KPI page recomputes the figures of a line and window (tools/kpis); it needs both ends.
    const [line, from, to] = ['line', 'from', 'to'].map((key) => url.searchParams.get(key));
    return line && from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to))
      ? { ok: true }
      : { ok: false, reason: 'KPI link without line and window' };
  }
  if (path === '/handovers/events' || path === '/handovers/notes') {
    const [from, to] = ['from', 'to'].map((key) => url.searchParams.get(key));
    return from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to)) ? { ok: true } : { ok: false, reason: 'list without a window' };
  }
  if (STATIC_TARGETS.some((pattern) => pattern.test(href))) return { ok: true };
  return { ok: false, reason: `no page serves ${href}` };
}
