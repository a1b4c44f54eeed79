/**
 * The inspection job queue in PostgreSQL (or PGlite): enqueue, claim with a lease, complete,
 * fail with retry. Every state change is one guarded UPDATE, so two workers — in one process
 * or in several sharing a database — can never both run or both complete the same job.
 *
 * Times come from the caller (`now`) rather than the database clock, so the queue's timing
 * (leases, backoff) is testable without waiting; instances sharing a database should keep
 * their clocks in sync (NTP), as they must for the audit log anyway.
 */
import type { Queryable } from '@/lib/db/db';
import { AppError } from '@/lib/errors';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import { InspectionOutcome, NewInspectionJob, type InspectionJob, type JobState } from './job-types';

type JobRow = {
  id: string;
  line_id: string | null;
  lot_id: string;
  board_serial: string;
  template_ref: string;
  test_ref: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  backend: string | null;
  result: unknown;
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
};

function fromRow(row: JobRow): InspectionJob {
  const parsed = row.result === null ? undefined : InspectionOutcome.safeParse(row.result);
  return {
    id: row.id,
    lineId: row.line_id ?? undefined,
    lotId: row.lot_id,
    boardSerial: row.board_serial,
    templateRef: row.template_ref,
    testRef: row.test_ref,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner ?? undefined,
    leaseExpiresAt: row.lease_expires_at ?? undefined,
    backend: row.backend ?? undefined,
    // A result that no longer parses (hand-edited row) is shown as missing rather than trusted.
    result: parsed?.success ? parsed.data : undefined,
    error: row.error ?? undefined,
    requestedBy: row.requested_by ?? undefined,
    createdAt: row.created_at,
    startedAt: row.started_at ?? undefined,
    finishedAt: row.finished_at ?? undefined,
    updatedAt: row.updated_at,
  };
}

/**
 * Adds a job, or returns the job that already has this id (`created: false`) — whatever its
 * state. A request with the same id but a different board is refused, since the id would then
 * silently stand for two boards.
 */
export async function enqueueJob(db: Queryable, input: NewInspectionJob, now: Date = new Date()): Promise<{ job: InspectionJob; created: boolean }> {
  const job = NewInspectionJob.parse(input);
  const inserted = await db.query<JobRow>(
    `INSERT INTO inspection_jobs (id, line_id, lot_id, board_serial, template_ref, test_ref, max_attempts, requested_by,
                                  next_attempt_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9)
     ON CONFLICT (id) DO NOTHING
     RETURNING *`,
    [job.id, job.lineId ?? null, job.lotId, job.boardSerial, job.templateRef, job.testRef, job.maxAttempts, job.requestedBy ?? null, now],
  );
  if (inserted.rows[0]) return { job: fromRow(inserted.rows[0]), created: true };
  const existing = await getJob(db, job.id);
  if (!existing) throw new AppError('conflict', `Inspection job ${job.id} was being created and deleted at the same time; submit it again.`);
  if (existing.lotId !== job.lotId || existing.boardSerial !== job.boardSerial) {
    throw new AppError(
      'conflict',
      `Job id ${job.id} already names board ${existing.boardSerial} of lot ${existing.lotId}, not ${job.boardSerial} of lot ${job.lotId}. Choose another job id.`,
    );
  }
  return { job: existing, created: false };
}

export async function getJob(db: Queryable, id: string): Promise<InspectionJob | undefined> {
  const { rows } = await db.query<JobRow>('SELECT * FROM inspection_jobs WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export type ClaimOptions = { owner: string; leaseMs: number; now?: Date };

/**
 * Claims the oldest ready job for `owner` and counts the attempt, or returns undefined when
 * none is ready. SKIP LOCKED lets several workers claim concurrently without waiting on each other.
 */
export async function claimNextJob(db: Queryable, options: ClaimOptions): Promise<InspectionJob | undefined> {
  const now = options.now ?? new Date();
  const { rows } = await db.query<JobRow>(
    `UPDATE inspection_jobs
        SET state = 'running', attempts = attempts + 1, lease_owner = $1, lease_expires_at = $3,
            started_at = $2, updated_at = $2
      WHERE id = (SELECT id FROM inspection_jobs
                   WHERE state = 'queued' AND next_attempt_at <= $2
                   ORDER BY next_attempt_at, created_at, id
                   FOR UPDATE SKIP LOCKED
                   LIMIT 1)
        AND state = 'queued'
      RETURNING *`,
    [options.owner, now, new Date(now.getTime() + options.leaseMs)],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Extends a running job's lease; false when the job is no longer this owner's (it expired and moved on). */
export async function renewLease(db: Queryable, id: string, owner: string, leaseMs: number, now: Date = new Date()): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE inspection_jobs SET lease_expires_at = $3, updated_at = $4 WHERE id = $1 AND state = 'running' AND lease_owner = $2`,
    [id, owner, new Date(now.getTime() + leaseMs), now],
  );
  return rowCount === 1;
}

/**
 * Running jobs whose lease has expired — their worker died or hung — go back to the queue; those
 * that have used all their attempts fail instead, so a board that crashes its worker every time
 * cannot loop forever. Returns how many jobs were recovered or failed.
 */
export async function recoverExpiredLeases(db: Queryable, now: Date = new Date()): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE inspection_jobs
        SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
            error = CASE WHEN attempts >= max_attempts
                         THEN 'The worker running this job stopped (lease expired) on the last allowed attempt.'
                         ELSE 'The worker running this job stopped before finishing (lease expired); it will run again.' END,
            finished_at = CASE WHEN attempts >= max_attempts THEN $1::timestamptz ELSE NULL END,
            next_attempt_at = $1, lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
      WHERE state = 'running' AND lease_expires_at < $1`,
    [now],
  );
  return rowCount ?? 0;
}

/**
 * Records the result of a running job held by `owner`. Returns false — and changes nothing —
 * when the job is not running under this owner any more (its lease expired and another worker
 * took it, or it was already completed): a job is completed at most once.
 */
export async function completeJob(
  db: Queryable,
  id: string,
  owner: string,
  outcome: { backend: string; result: InspectionOutcome },
  now: Date = new Date(),
): Promise<boolean> {
  const result = InspectionOutcome.parse(outcome.result);
  const { rowCount } = await db.query(
    `UPDATE inspection_jobs
        SET state = 'done', result = $3, backend = $4, error = NULL, finished_at = $5, updated_at = $5,
            lease_owner = NULL, lease_expires_at = NULL
      WHERE id = $1 AND state = 'running' AND lease_owner = $2`,
    [id, owner, JSON.stringify(result), outcome.backend, now],
  );
  return rowCount === 1;
}

export type FailureOptions = { reason: string; retryable: boolean; backend?: string; now?: Date; backoff?: BackoffPolicy };

/**
 * Records a failed attempt of a running job held by `owner`: back to the queue after a backoff
 * when the failure is retryable and attempts remain, otherwise `failed` with the reason.
 * Returns the job's new state, or undefined when the job is not this owner's any more.
 */
export async function failAttempt(db: Queryable, id: string, owner: string, options: FailureOptions): Promise<JobState | undefined> {
  const now = options.now ?? new Date();
  const job = await getJob(db, id);
  if (!job || job.state !== 'running' || job.leaseOwner !== owner) return undefined;
  const retry = options.retryable && job.attempts < job.maxAttempts;
  const next = new Date(now.getTime() + retryDelayMs(job.attempts, options.backoff ?? DEFAULT_BACKOFF));
  const { rows } = await db.query<{ state: JobState }>(
    `UPDATE inspection_jobs
        SET state = $3, error = $4, backend = COALESCE($5, backend), next_attempt_at = $6,
            finished_at = $7, updated_at = $8, lease_owner = NULL, lease_expires_at = NULL
      WHERE id = $1 AND state = 'running' AND lease_owner = $2
      RETURNING state`,
    [id, owner, retry ? 'queued' : 'failed', options.reason, options.backend ?? null, retry ? next : now, retry ? null : now, now],
  );
  return rows[0]?.state;
}

/**
 * Hands a running job back to the queue without counting the attempt: its worker is shutting
 * down and cancelled it. False when the job is not this owner's any more.
 */
export async function releaseJob(db: Queryable, id: string, owner: string, now: Date = new Date()): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE inspection_jobs
        SET state = 'queued', attempts = GREATEST(attempts - 1, 0), next_attempt_at = $3, updated_at = $3,
            lease_owner = NULL, lease_expires_at = NULL
      WHERE id = $1 AND state = 'running' AND lease_owner = $2`,
    [id, owner, now],
  );
  return rowCount === 1;
}

/** Puts a failed job back in the queue with fresh attempts (a person fixed the cause). */
export async function retryFailedJob(db: Queryable, id: string, now: Date = new Date()): Promise<InspectionJob> {
  const { rows } = await db.query<JobRow>(
    `UPDATE inspection_jobs
        SET state = 'queued', attempts = 0, next_attempt_at = $2, finished_at = NULL, updated_at = $2
      WHERE id = $1 AND state = 'failed'
      RETURNING *`,
    [id, now],
  );
  if (rows[0]) return fromRow(rows[0]);
  const job = await getJob(db, id);
  if (!job) throw new AppError('not_found', `There is no inspection job ${id}.`);
  throw new AppError('conflict', `Inspection job ${id} is ${job.state}, not failed; only failed jobs can be retried.`);
}

export type JobFilter = {
  lotId?: string;
  lineId?: string;
  states?: JobState[];
  /** Jobs created (or, with `byFinish`, finished) in [from, to). */
  from?: Date;
  to?: Date;
  byFinish?: boolean;
  limit?: number;
};

/** Jobs matching the filter, newest first. */
export async function listJobs(db: Queryable, filter: JobFilter = {}): Promise<InspectionJob[]> {
  const time = filter.byFinish ? 'finished_at' : 'created_at';
  const { rows } = await db.query<JobRow>(
    `SELECT * FROM inspection_jobs
      WHERE ($1::text IS NULL OR lot_id = $1)
        AND ($2::text IS NULL OR line_id = $2)
        AND ($3::text[] IS NULL OR state = ANY($3))
        AND ($4::timestamptz IS NULL OR ${time} >= $4)
        AND ($5::timestamptz IS NULL OR ${time} < $5)
      ORDER BY ${time} DESC NULLS LAST, id
      LIMIT $6`,
    [filter.lotId ?? null, filter.lineId ?? null, filter.states ?? null, filter.from ?? null, filter.to ?? null, Math.min(filter.limit ?? 100, 10_000)],
  );
  return rows.map(fromRow);
}

/** Jobs per state, for the page header and health. */
export async function countJobsByState(db: Queryable): Promise<Record<JobState, number>> {
  const { rows } = await db.query<{ state: JobState; count: string }>('SELECT state, count(*) AS count FROM inspection_jobs GROUP BY state');
  const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}
