/**
 * SQL for stored handovers. An automatic report is inserted with ON CONFLICT DO NOTHING on its shift
 * window, so when several instances race at a shift end exactly one row wins. Acknowledgement is a
 * guarded UPDATE: a report is acknowledged once.
 */
import type { Queryable } from '@/lib/db/db';
import { HandoverReport, Summary } from '../engine/report-types';
import { DEFAULT_SITE_KEY } from '@/connectors/historian/historian-types';

export type HandoverTrigger = 'automatic' | 'on_demand';

export type StoredHandover = {
  id: string;
  shift: string;
  from: string;
  to: string;
  trigger: HandoverTrigger;
  generatedAt: string;
  generatedBy: string;
  report: HandoverReport;
  summary: Summary;
  acknowledgedBy?: { id: string; name: string };
  acknowledgedAt?: string;
};

/** The list view: everything but the report body. */
export type HandoverListItem = Omit<StoredHandover, 'report' | 'summary'> & { summaryText: string; alarmsStillActive: number };

type Row = {
  id: string;
  shift: string;
  window_from: Date;
  window_to: Date;
  trigger: HandoverTrigger;
  generated_at: Date;
  generated_by: string;
  report: unknown;
  summary: string;
  summary_kind: Summary['kind'];
  acknowledged_by: { id: string; name: string } | null;
  acknowledged_at: Date | null;
};

function fromRow(row: Row): StoredHandover {
  const stored = row.report as { report: unknown; summary: unknown };
  return {
    id: row.id,
    shift: row.shift,
    from: row.window_from.toISOString(),
    to: row.window_to.toISOString(),
    trigger: row.trigger,
    generatedAt: row.generated_at.toISOString(),
    generatedBy: row.generated_by,
    report: HandoverReport.parse(stored.report),
    summary: Summary.parse(stored.summary),
    acknowledgedBy: row.acknowledged_by ?? undefined,
    acknowledgedAt: row.acknowledged_at?.toISOString(),
  };
}

/** Inserts a handover; for an automatic one that another instance already wrote, returns undefined. */
export async function insertHandover(db: Queryable, handover: StoredHandover, site = DEFAULT_SITE_KEY): Promise<StoredHandover | undefined> {
  const { rows } = await db.query<Row>(
    `INSERT INTO handovers (id, shift, window_from, window_to, trigger, generated_at, generated_by, report, summary, summary_kind, site_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (site_id, window_from, window_to) WHERE trigger = 'automatic' DO NOTHING
     RETURNING *`,
    [
      handover.id,
      handover.shift,
      handover.from,
      handover.to,
      handover.trigger,
      handover.generatedAt,
      handover.generatedBy,
      JSON.stringify({ report: handover.report, summary: handover.summary }),
      handover.summary.text,
      handover.summary.kind,
      site,
    ],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function selectHandover(db: Queryable, id: string): Promise<StoredHandover | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<Row>('SELECT * FROM handovers WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function hasAutomaticHandover(db: Queryable, from: Date, to: Date, site = DEFAULT_SITE_KEY): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM handovers WHERE trigger = 'automatic' AND site_id = $3 AND window_from = $1 AND window_to = $2", [
    from,
    to,
    site,
  ]);
  return rows.length > 0;
}

export async function selectHandovers(db: Queryable, options: { limit?: number; beforeTo?: Date } = {}, site = DEFAULT_SITE_KEY): Promise<HandoverListItem[]> {
  const { rows } = await db.query<Row & { still_active: number | null }>(
    `SELECT id, shift, window_from, window_to, trigger, generated_at, generated_by, summary, summary_kind, acknowledged_by, acknowledged_at,
            (report->'report'->'kpis'->>'alarmsStillActive')::int AS still_active
     FROM handovers WHERE site_id = $3 AND ($1::timestamptz IS NULL OR window_to < $1)
     ORDER BY window_to DESC, generated_at DESC LIMIT $2`,
    [options.beforeTo ?? null, Math.min(options.limit ?? 50, 500), site],
  );
  return rows.map((row) => ({
    id: row.id,
    shift: row.shift,
    from: row.window_from.toISOString(),
    to: row.window_to.toISOString(),
    trigger: row.trigger,
    generatedAt: row.generated_at.toISOString(),
    generatedBy: row.generated_by,
    summaryText: row.summary,
    alarmsStillActive: row.still_active ?? 0,
    acknowledgedBy: row.acknowledged_by ?? undefined,
    acknowledgedAt: row.acknowledged_at?.toISOString(),
  }));
}

/** Marks a handover acknowledged; undefined when it was already acknowledged (or does not exist). */
export async function acknowledgeHandover(db: Queryable, id: string, by: { id: string; name: string }, at: Date): Promise<StoredHandover | undefined> {
  const { rows } = await db.query<Row>(
    'UPDATE handovers SET acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1 AND acknowledged_at IS NULL RETURNING *',
    [id, JSON.stringify(by), at],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}
