/**
 * Maintenance work orders in PostgreSQL (migration 0009). A planned or in-progress order blocks its
 * asset for its window: `maintenanceWindows(db)` is what the scheduler reads at each plan, so a
 * line does not get work while one of its machines is down.
 */
import { z } from 'zod';
import type { Queryable } from '@/lib/db/db';
import type { Actor } from '@/lib/auth/actor';
import type { MaintenanceWindow } from '../../scheduling/engine/plant-data';

export const WORK_ORDER_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const WorkOrderStatus = z.enum(WORK_ORDER_STATUSES);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

/** Statuses whose window is blocked in the schedule. */
const OPEN_STATUSES: readonly WorkOrderStatus[] = ['planned', 'in_progress'];

export const WorkOrderPart = z.strictObject({
  partNumber: z.string().trim().min(1).max(80),
  description: z.string().trim().max(200).optional(),
  quantity: z.number().int().min(1).max(10_000).default(1),
});
export type WorkOrderPart = z.infer<typeof WorkOrderPart>;

export const WorkOrder = z.object({
  id: z.string(),
  assetId: z.string(),
  task: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  parts: z.array(WorkOrderPart),
  status: WorkOrderStatus,
  createdBy: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
  approvalId: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

type WorkOrderRow = {
  id: string;
  asset_id: string;
  task: string;
  window_from: Date;
  window_to: Date;
  parts: WorkOrderPart[];
  status: WorkOrderStatus;
  created_by: { kind: string; id: string; name: string };
  approval_id: string | null;
  created_at: Date;
};

const COLUMNS = 'id, asset_id, task, window_from, window_to, parts, status, created_by, approval_id, created_at';

function toWorkOrder(row: WorkOrderRow): WorkOrder {
  return {
    id: row.id,
    assetId: row.asset_id,
    task: row.task,
    windowFrom: row.window_from.toISOString(),
    windowTo: row.window_to.toISOString(),
    parts: row.parts,
    status: row.status,
    createdBy: { kind: row.created_by.kind, id: row.created_by.id, name: row.created_by.name },
    approvalId: row.approval_id,
    createdAt: row.created_at.toISOString(),
  };
}

export type NewWorkOrder = {
  assetId: string;
  task: string;
  windowFrom: Date;
  windowTo: Date;
  parts: WorkOrderPart[];
  createdBy: Actor;
  approvalId?: string;
};

export async function insertWorkOrder(db: Queryable, order: NewWorkOrder): Promise<WorkOrder> {
  const { rows } = await db.query<WorkOrderRow>(
    `INSERT INTO work_orders (asset_id, task, window_from, window_to, parts, created_by, approval_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [
      order.assetId,
      order.task,
      order.windowFrom,
      order.windowTo,
      JSON.stringify(order.parts),
      JSON.stringify({ kind: order.createdBy.kind, id: order.createdBy.id, name: order.createdBy.name, role: order.createdBy.role }),
      order.approvalId ?? null,
    ],
  );
  return toWorkOrder(rows[0]);
}

export async function getWorkOrder(db: Queryable, id: string): Promise<WorkOrder | undefined> {
  const { rows } = await db.query<WorkOrderRow>(`SELECT ${COLUMNS} FROM work_orders WHERE id = $1`, [id]);
  return rows[0] ? toWorkOrder(rows[0]) : undefined;
}

/** `assetIds`: any of these assets (a line's machines); with `assetId` too, both must hold. */
export type WorkOrderFilter = { assetId?: string; assetIds?: readonly string[]; status?: WorkOrderStatus; limit?: number };

/** Newest window first. */
export async function listWorkOrders(db: Queryable, filter: WorkOrderFilter = {}): Promise<WorkOrder[]> {
  const { rows } = await db.query<WorkOrderRow>(
    `SELECT ${COLUMNS} FROM work_orders
     WHERE ($1::text IS NULL OR asset_id = $1) AND ($2::text IS NULL OR status = $2) AND ($4::text[] IS NULL OR asset_id = ANY($4::text[]))
     ORDER BY window_from DESC, id DESC LIMIT $3`,
    [filter.assetId ?? null, filter.status ?? null, filter.limit ?? 100, filter.assetIds ? [...filter.assetIds] : null],
  );
  return rows.map(toWorkOrder);
}

/** Open orders of the asset whose window overlaps [from, to). */
export async function overlappingWorkOrders(db: Queryable, assetId: string, from: Date, to: Date): Promise<WorkOrder[]> {
  const { rows } = await db.query<WorkOrderRow>(
    `SELECT ${COLUMNS} FROM work_orders
     WHERE asset_id = $1 AND status = ANY($2::text[]) AND window_from < $4 AND window_to > $3
     ORDER BY window_from`,
    [assetId, OPEN_STATUSES, from, to],
  );
  return rows.map(toWorkOrder);
}

/**
 * The scheduler's hook: every planned or in-progress order as a maintenance window. Wire it as
 * `createSchedulingService({ …, maintenance: () => maintenanceWindows(db) })`.
 */
export async function maintenanceWindows(db: Queryable): Promise<MaintenanceWindow[]> {
  const { rows } = await db.query<Pick<WorkOrderRow, 'id' | 'asset_id' | 'task' | 'window_from' | 'window_to'>>(
    `SELECT id, asset_id, task, window_from, window_to FROM work_orders WHERE status = ANY($1::text[]) ORDER BY window_from`,
    [OPEN_STATUSES],
  );
  return rows.map((row) => ({
    assetId: row.asset_id,
    from: row.window_from.toISOString(),
    to: row.window_to.toISOString(),
    reason: `${row.id}: ${row.task}`.slice(0, 200),
  }));
}
