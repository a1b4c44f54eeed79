/** SQL for approval requests. Status changes are guarded UPDATEs: a row moves only from the state the caller saw. */
import type { Queryable } from '../../lib/db/db';
import type { ActuationPreview, ReadBack, RiskLevel } from '../tool';
import type { Actor } from '@/lib/auth/actor';
import type { ApprovalRequest, ApprovalStatus } from './types';

type Row = {
  id: string;
  tool: string;
  args_json: string;
  args_sha256: string;
  status: ApprovalStatus;
  risk: RiskLevel;
  preview: ActuationPreview;
  requester: Actor;
  conversation_id: string | null;
  tool_call_id: string | null;
  created_at: Date;
  expires_at: Date;
  decided_by: ApprovalRequest['decidedBy'] | null;
  decided_at: Date | null;
  reason: string | null;
  supersedes: string | null;
  superseded_by: string | null;
  edited_by: ApprovalRequest['editedBy'] | null;
  executed_at: Date | null;
  result: unknown;
  read_back: ReadBack | null;
  error: string | null;
};

export function fromRow(row: Row): ApprovalRequest {
  return {
    id: row.id,
    tool: row.tool,
    args: JSON.parse(row.args_json) as Record<string, unknown>,
    argsJson: row.args_json,
    argsSha256: row.args_sha256,
    status: row.status,
    risk: row.risk,
    preview: row.preview,
    requester: row.requester,
    conversationId: row.conversation_id ?? undefined,
    toolCallId: row.tool_call_id ?? undefined,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at?.toISOString(),
    reason: row.reason ?? undefined,
    supersedes: row.supersedes ?? undefined,
    supersededBy: row.superseded_by ?? undefined,
    editedBy: row.edited_by ?? undefined,
    executedAt: row.executed_at?.toISOString(),
    result: row.result ?? undefined,
    readBack: row.read_back ?? undefined,
    error: row.error ?? undefined,
  };
}

export type NewRequest = {
  id: string;
  tool: string;
  argsJson: string;
  argsSha256: string;
  risk: RiskLevel;
  preview: ActuationPreview;
  requester: Actor;
  conversationId?: string;
  toolCallId?: string;
  createdAt: Date;
  expiresAt: Date;
  supersedes?: string;
  editedBy?: ApprovalRequest['editedBy'];
};

export async function insertRequest(tx: Queryable, r: NewRequest): Promise<ApprovalRequest> {
  const { rows } = await tx.query<Row>(
    `INSERT INTO approval_requests (id, tool, args_json, args_sha256, status, risk, preview, requester, conversation_id, tool_call_id, created_at, expires_at, supersedes, edited_by, updated_at)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11, $12, $13, $10) RETURNING *`,
    [
      r.id,
      r.tool,
      r.argsJson,
      r.argsSha256,
      r.risk,
      JSON.stringify(r.preview),
      JSON.stringify(r.requester),
      r.conversationId ?? null,
      r.toolCallId ?? null,
      r.createdAt,
      r.expiresAt,
      r.supersedes ?? null,
      r.editedBy ? JSON.stringify(r.editedBy) : null,
    ],
  );
  return fromRow(rows[0]!);
}

export async function selectRequest(db: Queryable, id: string): Promise<ApprovalRequest | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<Row>('SELECT * FROM approval_requests WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Moves a request from `from` to `to` with the given column updates; undefined if it was not in `from` (or had expired). */
export async function transition(
  tx: Queryable,
  id: string,
  from: ApprovalStatus,
  to: ApprovalStatus,
  set: Record<string, unknown>,
  options: { notExpiredAt?: Date; now: Date },
): Promise<ApprovalRequest | undefined> {
  const columns = Object.keys(set);
  const params: unknown[] = [id, from, to, options.now, ...columns.map((c) => set[c])];
  const assignments = columns.map((c, i) => `${c} = $${i + 5}`);
  let guard = '';
  if (options.notExpiredAt) {
    params.push(options.notExpiredAt);
    guard = ` AND expires_at > $${params.length}`;
  }
  const { rows } = await tx.query<Row>(
    `UPDATE approval_requests SET status = $3, updated_at = $4${assignments.length ? `, ${assignments.join(', ')}` : ''}
      WHERE id = $1 AND status = $2${guard} RETURNING *`,
    params,
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export type ListFilter = { statuses?: ApprovalStatus[]; conversationId?: string; updatedSince?: Date; limit?: number };

export async function selectRequests(db: Queryable, filter: ListFilter = {}): Promise<ApprovalRequest[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.statuses?.length) {
    params.push(filter.statuses);
    where.push(`status = ANY($${params.length})`);
  }
  if (filter.conversationId) {
    params.push(filter.conversationId);
    where.push(`conversation_id = $${params.length}`);
  }
  if (filter.updatedSince) {
    params.push(filter.updatedSince);
    where.push(`updated_at > $${params.length}`);
  }
  params.push(Math.min(filter.limit ?? 100, 500));
  const { rows } = await db.query<Row>(
    `SELECT * FROM approval_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(fromRow);
}

export async function selectDueForExpiry(tx: Queryable, now: Date): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>("SELECT id FROM approval_requests WHERE status = 'pending' AND expires_at <= $1", [now]);
  return rows.map((r) => r.id);
}
