-- Predictive maintenance: the RUL models trained on the twin's run-to-failure histories (one per machine
-- type, since each type names its condition signals differently), the forecasts recomputed from the
-- historian, and the work orders that block a maintenance window in the scheduler's calendar.
CREATE TABLE maintenance_models (
  machine_type text NOT NULL,
  version      text NOT NULL,
  trained_at   timestamptz NOT NULL DEFAULT now(),
  -- The model as rulModelToJSON writes it; read back with rulModelFromJSON.
  model        jsonb NOT NULL,
  -- What it was trained on (seed, simulated days, units, cycles, training seconds).
  training     jsonb NOT NULL,
  PRIMARY KEY (machine_type, version)
);

-- One row per asset per recomputation. RUL is in operating hours (one model cycle = one running hour).
CREATE TABLE maintenance_forecasts (
  id              bigserial PRIMARY KEY,
  asset_id        text NOT NULL,
  computed_at     timestamptz NOT NULL,
  status          text NOT NULL CHECK (status IN ('ok', 'insufficient_history')),
  rul_hours       double precision,
  lower_hours     double precision,
  upper_hours     double precision,
  top_signals     jsonb NOT NULL DEFAULT '[]',
  model_version   text NOT NULL,
  cycles_observed integer NOT NULL,
  detail          text,
  CHECK (status <> 'ok' OR (rul_hours IS NOT NULL AND lower_hours IS NOT NULL AND upper_hours IS NOT NULL))
);
CREATE INDEX maintenance_forecasts_asset_idx ON maintenance_forecasts (asset_id, computed_at DESC);

CREATE SEQUENCE work_order_number;

CREATE TABLE work_orders (
  id          text PRIMARY KEY DEFAULT ('WO-' || lpad(nextval('work_order_number')::text, 5, '0')),
  asset_id    text NOT NULL,
  task        text NOT NULL,
  window_from timestamptz NOT NULL,
  window_to   timestamptz NOT NULL,
  parts       jsonb NOT NULL DEFAULT '[]',
  status      text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  -- The actor who requested it ({ kind, id, name, role }).
  created_by  jsonb NOT NULL,
  approval_id text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (window_to > window_from)
);
CREATE INDEX work_orders_asset_idx ON work_orders (asset_id, window_from);
CREATE INDEX work_orders_open_idx ON work_orders (window_from) WHERE status IN ('planned', 'in_progress');
