-- Several sites in one deployment: each site's historian rows carry its site key. The first
-- (default) site keeps the empty key, so the history a one-site deployment recorded stays that
-- site's when more sites are added; every further site records under its own id. Two twins run
-- as two sites serve the same asset ids, so the key is part of a sample's identity.
ALTER TABLE historian_samples ADD COLUMN site_id text NOT NULL DEFAULT '';
ALTER TABLE historian_events ADD COLUMN site_id text NOT NULL DEFAULT '';

DROP INDEX IF EXISTS historian_samples_tag_time;
CREATE UNIQUE INDEX historian_samples_tag_time ON historian_samples (site_id, asset_id, tag_id, time);
DROP INDEX IF EXISTS historian_events_asset_time;
CREATE INDEX historian_events_asset_time ON historian_events (site_id, asset_id, time);
