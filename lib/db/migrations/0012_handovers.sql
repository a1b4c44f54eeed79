-- Shift handover reports and the notes operators add during a shift. A report's `report` holds the
-- whole cited report as generated (it is never edited afterwards); acknowledgement by the incoming
-- shift lead is recorded on the row and in the audit chain. Automatic reports are unique per shift
-- window, so several instances sharing one database generate each shift's report once.
CREATE TABLE handovers (
  id               uuid        PRIMARY KEY,
  -- The shift's name from the shift calendar ('early', 'late', 'night'), or 'custom' for any window.
  shift            text        NOT NULL,
  window_from      timestamptz NOT NULL,
  window_to        timestamptz NOT NULL CHECK (window_to > window_from),
  -- 'automatic' at each shift end, 'on_demand' from the tool, CLI or page.
  trigger          text        NOT NULL CHECK (trigger IN ('automatic', 'on_demand')),
  generated_at     timestamptz NOT NULL,
  generated_by     text        NOT NULL,
  report           jsonb       NOT NULL,
  summary          text        NOT NULL,
  -- 'deterministic' (offline) or 'narrative' (a model's text that passed the grounding check).
  summary_kind     text        NOT NULL CHECK (summary_kind IN ('deterministic', 'narrative')),
  acknowledged_by  jsonb,
  acknowledged_at  timestamptz
);
CREATE UNIQUE INDEX handovers_automatic_window ON handovers (window_from, window_to) WHERE trigger = 'automatic';
CREATE INDEX handovers_window_to ON handovers (window_to DESC);

CREATE TABLE handover_notes (
  id          uuid        PRIMARY KEY,
  time        timestamptz NOT NULL,
  author      jsonb       NOT NULL,
  text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  -- Optional line (Line1) or asset (L1-RFL) the note is about.
  asset_id    text,
  -- 'note', a quality 'hold' (boards or a lot held for review), or an 'open_item' for the next shift.
  category    text        NOT NULL DEFAULT 'note' CHECK (category IN ('note', 'hold', 'open_item'))
);
CREATE INDEX handover_notes_time ON handover_notes (time);

-- Handovers read alarm events in a window and the last alarm state before it; alarms are a small
-- share of all events, so a partial index keeps both reads from scanning every event.
CREATE INDEX historian_events_alarm_time ON historian_events (time) WHERE kind = 'alarm';
