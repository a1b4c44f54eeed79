-- Before this migration, handover notes and acknowledgements (and any row whose actor came from a
-- signed-in session) hashed the actor's role, which audit_log does not store, so `audit verify`
-- reported those rows as altered although nobody had touched them.
--
-- This migration re-verifies every existing row honestly: it recomputes each hash exactly as the
-- app does (canonical JSON, SHA-256). A row whose hash matches only when one of the four roles is
-- added to its actor is authentic; the role that was hashed is recorded in audit_repairs with the
-- reason. No audit row is changed. Rows that match under no role stay unrepaired, and `audit
-- verify` keeps reporting them. The repair itself is appended to the chain as `audit.repaired`.
CREATE TABLE audit_repairs (
  seq                bigint PRIMARY KEY,
  hashed_actor_role  text NOT NULL,
  reason             text NOT NULL,
  repaired_by        text NOT NULL,
  repaired_at        timestamptz NOT NULL DEFAULT now()
);

-- Canonical JSON as lib/canonical-json.ts writes it: keys sorted, no whitespace, nulls kept.
CREATE FUNCTION pp_0014_canonical(value jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  out text;
BEGIN
  IF jsonb_typeof(value) = 'object' THEN
    SELECT '{' || coalesce(string_agg(to_json(key)::text || ':' || pp_0014_canonical(item), ',' ORDER BY key COLLATE "C"), '') || '}'
      INTO out FROM jsonb_each(value) AS e(key, item);
    RETURN out;
  ELSIF jsonb_typeof(value) = 'array' THEN
    SELECT '[' || coalesce(string_agg(pp_0014_canonical(item), ',' ORDER BY ord), '') || ']'
      INTO out FROM jsonb_array_elements(value) WITH ORDINALITY AS e(item, ord);
    RETURN out;
  END IF;
  RETURN value::text;
END $$;

-- The hash lib/audit/audit-log.ts computes for a row, with the actor's role added when not null.
CREATE FUNCTION pp_0014_row_hash(entry audit_log, role text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(pp_0014_canonical(jsonb_build_object(
    'seq', entry.seq,
    'at', to_char(entry.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'actor', jsonb_strip_nulls(jsonb_build_object('kind', entry.actor_kind, 'id', entry.actor_id, 'name', entry.actor_name, 'role', role)),
    'action', entry.action,
    'subject', CASE WHEN entry.subject_kind IS NOT NULL AND entry.subject_id IS NOT NULL
                    THEN jsonb_build_object('kind', entry.subject_kind, 'id', entry.subject_id) ELSE 'null'::jsonb END,
    'conversationId', to_jsonb(entry.conversation_id),
    'detail', entry.detail,
    'prevHash', entry.prev_hash
  )), 'UTF8')), 'hex')
$$;

INSERT INTO audit_repairs (seq, hashed_actor_role, reason, repaired_by)
SELECT l.seq, r.role,
       'The row''s hash covers the actor''s role "' || r.role || '", which the row does not store (written before migration 0014). '
       || 'Its hash matches its stored content with that role, so the row is authentic; the row itself was not changed.',
       'migration 0014_audit_hashed_roles'
FROM audit_log l
CROSS JOIN (VALUES ('viewer'), ('operator'), ('supervisor'), ('admin')) AS r(role)
WHERE l.hash <> pp_0014_row_hash(l, NULL) AND l.hash = pp_0014_row_hash(l, r.role);

-- Record the repair in the chain itself, as lib/audit/audit-log.ts appends a row.
DO $$
DECLARE
  head_seq bigint;
  head_hash text;
  repaired bigint[];
  entry audit_log;
BEGIN
  SELECT array_agg(seq ORDER BY seq) INTO repaired FROM audit_repairs;
  IF repaired IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(1635083380); -- AUDIT_LOCK_KEY, 0x61756474
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id;
  entry := ROW(
    coalesce(head_seq, 0) + 1,
    date_trunc('milliseconds', now()),
    'system', 'migration', 'Database migration 0014_audit_hashed_roles',
    'audit.repaired', NULL, NULL, NULL,
    jsonb_build_object(
      'seqs', to_jsonb(repaired),
      'reason', 'These rows hashed the actor''s role, which the log does not store. Each was re-verified with the role recorded in audit_repairs; no row was changed.'
    ),
    coalesce(head_hash, repeat('0', 64)),
    ''
  )::audit_log;
  entry.hash := pp_0014_row_hash(entry, NULL);
  INSERT INTO audit_log SELECT entry.*;
  INSERT INTO audit_head (id, seq, hash) VALUES (true, entry.seq, entry.hash)
    ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
END $$;

DROP FUNCTION pp_0014_row_hash(audit_log, text);
DROP FUNCTION pp_0014_canonical(jsonb);
