/**
 * The audit chain. Rows are appended under a transaction-scoped advisory lock so that each row's
 * `prev_hash` is the hash of the row before it, across every app instance sharing the database.
 * `verifyAuditChain` recomputes every hash and reports every row that was altered, removed or
 * inserted out of band, not only the first.
 *
 * The hash covers exactly the columns a row stores. Before migration 0014 an actor's `role` was
 * hashed without being stored; that migration found those rows by recomputing their hashes and
 * recorded the role that was hashed in `audit_repairs`, without rewriting the rows themselves.
 */
import { canonicalJson, sha256Hex } from '../canonical-json';
import type { Db, Queryable } from '../db/db';

/** Arbitrary constant: the advisory-lock key that serialises appends to the chain. */
const AUDIT_LOCK_KEY = 0x61756474;
export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { kind: string; id: string; name: string };

export type AuditEntryInput = {
  actor: AuditActor;
  action: string;
  subject?: { kind: string; id: string };
  conversationId?: string;
  detail?: Record<string, unknown>;
};

export type AuditEntry = {
  seq: number;
  at: string;
  actor: AuditActor;
  action: string;
  subject?: { kind: string; id: string };
  conversationId?: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

type AuditRow = {
  seq: string;
  at: Date;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  conversation_id: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

function contentOf(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    conversationId: entry.conversationId ?? null,
    detail: entry.detail,
    prevHash: entry.prevHash,
  });
}

/** The actor as stored: `kind`, `id` and `name`, nothing else (callers may pass an Actor with a role). */
function storedActor(actor: AuditActor): AuditActor {
  return { kind: actor.kind, id: actor.id, name: actor.name };
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    subject: row.subject_kind && row.subject_id ? { kind: row.subject_kind, id: row.subject_id } : undefined,
    conversationId: row.conversation_id ?? undefined,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends one entry inside the caller's transaction (so the audit row commits or rolls back with
 * the change it records). Use `appendAudit(db, …)` when there is no surrounding transaction.
 */
export async function appendAuditIn(tx: Queryable, input: AuditEntryInput, now: Date = new Date()): Promise<AuditEntry> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const head = await tx.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id');
  const prevSeq = head.rows[0] ? Number(head.rows[0].seq) : 0;
  const prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
  // Round-trip the detail through canonical JSON so the hashed content equals what jsonb stores.
  const detail = JSON.parse(canonicalJson(input.detail ?? {})) as Record<string, unknown>;
  // Timestamps are stored at microsecond precision; milliseconds survive the round trip exactly.
  const at = new Date(Math.floor(now.getTime())).toISOString();
  const actor = storedActor(input.actor);
  const draft = {
    seq: prevSeq + 1,
    at,
    actor,
    action: input.action,
    subject: input.subject,
    conversationId: input.conversationId,
    detail,
    prevHash,
  };
  const hash = sha256Hex(contentOf(draft));
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, action, subject_kind, subject_id, conversation_id, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      draft.seq,
      at,
      actor.kind,
      actor.id,
      actor.name,
      input.action,
      input.subject?.kind ?? null,
      input.subject?.id ?? null,
      input.conversationId ?? null,
      JSON.stringify(detail),
      prevHash,
      hash,
    ],
  );
  await tx.query(
    `INSERT INTO audit_head (id, seq, hash) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [draft.seq, hash],
  );
  return { ...draft, hash };
}

export function appendAudit(db: Db, input: AuditEntryInput): Promise<AuditEntry> {
  return db.transaction((tx) => appendAuditIn(tx, input));
}

export type AuditFilter = {
  action?: string;
  actorId?: string;
  subjectKind?: string;
  subjectId?: string;
  conversationId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  beforeSeq?: number;
};

/** Newest first. */
export async function listAudit(db: Queryable, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.action) add('action LIKE ?', `${filter.action}%`);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.subjectKind) add('subject_kind = ?', filter.subjectKind);
  if (filter.subjectId) add('subject_id = ?', filter.subjectId);
  if (filter.conversationId) add('conversation_id = ?', filter.conversationId);
  if (filter.from) add('at >= ?', filter.from);
  if (filter.to) add('at < ?', filter.to);
  if (filter.beforeSeq) add('seq < ?', filter.beforeSeq);
  params.push(Math.min(filter.limit ?? 100, 1000));
  const { rows } = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(fromRow);
}

export type AuditProblemKind = 'altered' | 'missing' | 'head_mismatch';

export type AuditProblem = { seq: number; problem: AuditProblemKind; message: string };

export type AuditVerification =
  | { ok: true; rows: number; headSeq: number; repairedSeqs?: number[] }
  | {
      ok: false;
      rows: number;
      /** The first problem, kept for callers that show one line. */
      firstBadSeq: number;
      problem: AuditProblemKind;
      message: string;
      /** Every problem found, in order. */
      problems: AuditProblem[];
      repairedSeqs?: number[];
    };

/** Rows whose hashed actor carried a role the row does not store (recorded by migration 0014). */
async function hashedRoles(db: Queryable): Promise<Map<number, string>> {
  // A database not yet migrated to 0014 has no repairs to consider.
  const exists = await db.query<{ table: string | null }>(`SELECT to_regclass('audit_repairs')::text AS table`);
  if (!exists.rows[0]?.table) return new Map();
  const { rows } = await db.query<{ seq: string; hashed_actor_role: string }>('SELECT seq, hashed_actor_role FROM audit_repairs');
  return new Map(rows.map((row) => [Number(row.seq), row.hashed_actor_role]));
}

/**
 * Walks the whole chain in order and reports every row that does not fit. Each row is checked on
 * its own (its content against its hash, its link against the stored hash of the row before), so
 * one bad row does not hide, or cascade into, problems further on.
 */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<AuditVerification> {
  const roles = await hashedRoles(db);
  const problems: AuditProblem[] = [];
  const repairedSeqs: number[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let lastSeq = 0;
  for (;;) {
    const batch = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [lastSeq, batchSize]);
    for (const row of batch.rows) {
      const entry = fromRow(row);
      if (entry.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          problem: 'missing',
          message:
            entry.seq === expectedSeq + 1
              ? `Audit row ${expectedSeq} is missing (the chain jumps from row ${expectedSeq - 1} to row ${entry.seq}).`
              : `Audit rows ${expectedSeq}–${entry.seq - 1} are missing (the chain jumps from row ${expectedSeq - 1} to row ${entry.seq}).`,
        });
      } else if (entry.prevHash !== prevHash) {
        problems.push({
          seq: entry.seq,
          problem: 'altered',
          message: `Audit row ${entry.seq} does not follow row ${entry.seq - 1}: its previous-hash link is broken, so row ${entry.seq - 1} or row ${entry.seq} was altered.`,
        });
      }
      const { hash, ...rest } = entry;
      if (sha256Hex(contentOf(rest)) !== hash) {
        const role = roles.get(entry.seq);
        if (role !== undefined && sha256Hex(contentOf({ ...rest, actor: { ...rest.actor, role } as AuditActor })) === hash) repairedSeqs.push(entry.seq);
        else problems.push({ seq: entry.seq, problem: 'altered', message: `Audit row ${entry.seq} was altered: its content no longer matches its hash.` });
      }
      prevHash = hash;
      expectedSeq = entry.seq + 1;
      lastSeq = entry.seq;
      rows += 1;
    }
    if (batch.rows.length < batchSize) break;
  }
  const head = await db.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE id');
  const headSeq = head.rows[0] ? Number(head.rows[0].seq) : 0;
  if (headSeq !== lastSeq || (head.rows[0] && head.rows[0].hash !== prevHash)) {
    problems.push(
      headSeq > lastSeq
        ? { seq: lastSeq + 1, problem: 'missing', message: `Audit rows ${lastSeq + 1}–${headSeq} are missing: the log was cut after row ${lastSeq}.` }
        : { seq: lastSeq + 1, problem: 'head_mismatch', message: `The audit head (row ${headSeq}) does not match the last row of the log (row ${lastSeq}).` },
    );
  }
  const repaired = repairedSeqs.length > 0 ? { repairedSeqs } : {};
  if (problems.length === 0) return { ok: true, rows, headSeq, ...repaired };
  const first = problems[0]!;
  return {
    ok: false,
    rows,
    firstBadSeq: first.seq,
    problem: first.problem,
    message: problems.length === 1 ? first.message : `${problems.length} problems; the first: ${first.message}`,
    problems,
    ...repaired,
  };
}
