-- Historian: tag samples and plant events (state changes, alarms, order progress), written in
-- batches by the instance that holds the plant-connector lease, pruned by a retention setting.

CREATE TABLE historian_samples (
  time        timestamptz      NOT NULL,
  asset_id    text             NOT NULL,
  tag_id      text             NOT NULL,
  -- Numeric values (and booleans as 0/1); strings go to text_value.
  value       double precision,
  text_value  text,
  quality     text             NOT NULL CHECK (quality IN ('good', 'uncertain', 'bad')),
  status_code bigint           NOT NULL DEFAULT 0
);
-- History of one tag over a window, and retention by time.
CREATE INDEX historian_samples_tag_time ON historian_samples (asset_id, tag_id, time);
CREATE INDEX historian_samples_time ON historian_samples (time);

CREATE TABLE historian_events (
  id        bigserial   PRIMARY KEY,
  time      timestamptz NOT NULL,
  kind      text        NOT NULL,
  asset_id  text,
  code      text,
  -- 1 (most urgent) … 4 for alarms; OPC UA severity 1…1000 where the source gives one.
  priority  smallint,
  severity  integer,
  message   text        NOT NULL,
  payload   jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX historian_events_time ON historian_events (time);
CREATE INDEX historian_events_asset_time ON historian_events (asset_id, time);
