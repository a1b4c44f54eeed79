-- Inspection jobs: a durable queue of AOI inspections. The caller chooses the id, so submitting the
-- same job twice returns the first one. Workers claim a queued job with a lease; a job whose lease
-- expires (its worker died) goes back to the queue, and completion is guarded by the lease owner,
-- so a job is completed at most once. Board images live as PNG files under the data dir; rows hold
-- their references relative to `<dataDir>/inspection/`.
CREATE TABLE inspection_jobs (
  id               text        PRIMARY KEY,
  line_id          text,
  lot_id           text        NOT NULL,
  board_serial     text        NOT NULL,
  template_ref     text        NOT NULL,
  test_ref         text        NOT NULL,
  state            text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts         integer     NOT NULL DEFAULT 0,
  max_attempts     integer     NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  next_attempt_at  timestamptz NOT NULL,
  lease_owner      text,
  lease_expires_at timestamptz,
  backend          text,
  -- { defects: [...], widthPx, heightPx, durationMs } once done.
  result           jsonb,
  -- The last failure's reason, kept while a job waits to retry and when it has failed for good.
  error            text,
  requested_by     text,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  finished_at      timestamptz,
  updated_at       timestamptz NOT NULL
);
-- Claiming: the oldest ready job first.
CREATE INDEX inspection_jobs_ready ON inspection_jobs (next_attempt_at, created_at) WHERE state = 'queued';
-- Expired leases.
CREATE INDEX inspection_jobs_running ON inspection_jobs (lease_expires_at) WHERE state = 'running';
-- Results by lot, line and window; the recent-jobs list.
CREATE INDEX inspection_jobs_lot ON inspection_jobs (lot_id, finished_at);
CREATE INDEX inspection_jobs_line ON inspection_jobs (line_id, finished_at);
CREATE INDEX inspection_jobs_created ON inspection_jobs (created_at);
