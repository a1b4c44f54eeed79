-- Word vectors learned from the manuals' own passages at ingest (knowledge/semantic/): one model for
-- the whole knowledge base, replaced after every ingest. Vectors are float32, row-major, in `terms` order.
CREATE TABLE knowledge_term_vectors (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  terms        text[] NOT NULL,
  counts       integer[] NOT NULL,
  total_tokens bigint NOT NULL,
  dimension    integer NOT NULL,
  vectors      bytea NOT NULL,
  chunks       integer NOT NULL,
  trained_at   timestamptz NOT NULL DEFAULT now()
);
