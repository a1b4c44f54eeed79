-- Bearer tokens for MCP clients. The token itself is shown once at creation; only its SHA-256 is
-- stored, so a database dump yields no usable token. A token acts with its role; `can_approve`
-- (the approver scope) lets it decide approvals and exists only for supervisors and admins.
CREATE TABLE mcp_tokens (
  id            uuid PRIMARY KEY,
  name          text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$'),
  token_sha256  text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  role          text NOT NULL CHECK (role IN ('viewer', 'operator', 'supervisor', 'admin')),
  can_approve   boolean NOT NULL DEFAULT false CHECK (NOT can_approve OR role IN ('supervisor', 'admin')),
  created_by    jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
-- A name picks one live token (for `plantpilot tokens revoke <name>`); revoked names may be reused.
CREATE UNIQUE INDEX mcp_tokens_live_name_idx ON mcp_tokens (name) WHERE revoked_at IS NULL;
