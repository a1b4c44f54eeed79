-- Approval requests for actuations. args_json is the canonical JSON that was shown, hashed and
-- (if approved) executed; it is never updated. Status moves only forward, by guarded UPDATEs.
CREATE TABLE approval_requests (
  id               uuid PRIMARY KEY,
  tool             text NOT NULL,
  args_json        text NOT NULL,
  args_sha256      text NOT NULL CHECK (args_sha256 ~ '^[0-9a-f]{64}$'),
  status           text NOT NULL CHECK (status IN ('pending', 'approved', 'executing', 'executed', 'failed', 'rejected', 'expired', 'superseded')),
  risk             text NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
  preview          jsonb NOT NULL,
  requester        jsonb NOT NULL,
  conversation_id  text,
  tool_call_id     text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  decided_by       jsonb,
  decided_at       timestamptz,
  reason           text,
  supersedes       uuid REFERENCES approval_requests (id),
  superseded_by    uuid REFERENCES approval_requests (id),
  edited_by        jsonb,
  executed_at      timestamptz,
  result           jsonb,
  read_back        jsonb,
  error            text,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approval_requests_status_idx ON approval_requests (status, created_at);
CREATE INDEX approval_requests_conversation_idx ON approval_requests (conversation_id);
CREATE INDEX approval_requests_updated_idx ON approval_requests (updated_at);
