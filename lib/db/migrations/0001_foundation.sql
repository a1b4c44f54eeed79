-- Foundation: pgvector for embeddings, and plant-wide settings (first-run flags, switches).
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE app_settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
