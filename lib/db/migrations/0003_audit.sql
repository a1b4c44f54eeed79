-- The audit chain: every login, approval request, decision, execution and read-back. Each row
-- carries the hash of the previous row and of its own content, so an edited or deleted row
-- breaks the chain; audit_head remembers the last row so a truncated tail is detected too.
CREATE TABLE audit_log (
  seq              bigint PRIMARY KEY,
  at               timestamptz NOT NULL,
  actor_kind       text NOT NULL,
  actor_id         text NOT NULL,
  actor_name       text NOT NULL,
  action           text NOT NULL,
  subject_kind     text,
  subject_id       text,
  conversation_id  text,
  detail           jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash        text NOT NULL,
  hash             text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, subject_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);

CREATE TABLE audit_head (
  id    boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq   bigint NOT NULL,
  hash  text NOT NULL
);
