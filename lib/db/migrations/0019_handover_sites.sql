-- Handovers per site: each report and each shift note belongs to one site (the default site's key is
-- empty, as in the historian, so a one-site deployment's reports stay its first site's). Automatic
-- reports stay unique per shift window, now per site.
ALTER TABLE handovers ADD COLUMN site_id text NOT NULL DEFAULT '';
ALTER TABLE handover_notes ADD COLUMN site_id text NOT NULL DEFAULT '';

DROP INDEX IF EXISTS handovers_automatic_window;
CREATE UNIQUE INDEX handovers_automatic_window ON handovers (site_id, window_from, window_to) WHERE trigger = 'automatic';
