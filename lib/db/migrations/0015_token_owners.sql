-- A token acts for the person who owns it: the gate's four-eyes rule compares people, so someone
-- who files a request in the web app cannot approve it with their own token. Tokens made before
-- this migration (by the CLI) have no owner and keep acting as `token:<id>`.
ALTER TABLE mcp_tokens ADD COLUMN owner_id uuid REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX mcp_tokens_owner_idx ON mcp_tokens (owner_id);
