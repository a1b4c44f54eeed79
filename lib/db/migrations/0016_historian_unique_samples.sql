-- Historian writes become idempotent: one sample per asset, tag and source time. A failover, a
-- reconnect's fresh read or a backfill after a database outage may offer a sample again; the
-- unique index lets the insert skip it (ON CONFLICT DO NOTHING) instead of storing it twice.
--
-- Existing duplicates go first, keeping one row per key: a Good one where there is one, otherwise
-- the first stored. The unique index replaces the plain one on the same columns, so queries keep
-- their index and the table gains no extra one.
DELETE FROM historian_samples
WHERE ctid IN (
  SELECT ctid FROM (
    SELECT ctid, row_number() OVER (PARTITION BY asset_id, tag_id, time ORDER BY (quality = 'good') DESC, ctid) AS n
    FROM historian_samples
  ) ranked
  WHERE n > 1
);

DROP INDEX IF EXISTS historian_samples_tag_time;
CREATE UNIQUE INDEX historian_samples_tag_time ON historian_samples (asset_id, tag_id, time);
