-- Schedule drafts: every proposal and what-if the scheduler computes, with everything it was computed
-- from, so the Schedule page, the explain tool and the release tool refer to one draft by id.
CREATE TABLE schedule_drafts (
  id            uuid PRIMARY KEY,
  created_at    timestamptz NOT NULL DEFAULT now(),
  kind          text NOT NULL CHECK (kind IN ('proposal', 'what_if')),
  -- The what-if scenario, null for a plain proposal.
  scenario      jsonb,
  -- The proposal a what-if is compared with.
  base_draft_id uuid REFERENCES schedule_drafts (id),
  inputs        jsonb NOT NULL,
  sequences     jsonb NOT NULL,
  schedule      jsonb NOT NULL,
  kpis          jsonb NOT NULL,
  -- The plan being compared against: the plant's current plan, or the base proposal for a what-if.
  compared_schedule jsonb NOT NULL,
  compared_kpis jsonb NOT NULL,
  solver        jsonb NOT NULL,
  -- False when the draft contains orders that exist only in the scenario (a rush order).
  releasable    boolean NOT NULL
);
CREATE INDEX schedule_drafts_created_idx ON schedule_drafts (created_at DESC);

-- Drafts sent to the plant, with what the plant confirmed per line.
CREATE TABLE schedule_releases (
  id           uuid PRIMARY KEY,
  draft_id     uuid NOT NULL REFERENCES schedule_drafts (id),
  released_at  timestamptz NOT NULL DEFAULT now(),
  lines        jsonb NOT NULL,
  confirmed    boolean NOT NULL
);
CREATE INDEX schedule_releases_draft_idx ON schedule_releases (draft_id, released_at DESC);
