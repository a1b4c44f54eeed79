-- Knowledge base: the plant's documents, their chunks, and the embedding model that indexed them.
--
-- The vector column is declared without a dimension here: an HNSW index needs a fixed one, and it
-- depends on the embedding model. The knowledge store sets `vector(N)` and builds the HNSW index
-- when the first model is recorded, and again at `plantpilot docs reembed` (in one transaction).

CREATE TABLE knowledge_embedding (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  model      text NOT NULL,
  dimension  integer NOT NULL CHECK (dimension > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE knowledge_documents (
  -- The file name (`reflow-oven-manual.pdf`): stable across re-ingestion and readable in citations.
  id           text PRIMARY KEY,
  title        text NOT NULL,
  format       text NOT NULL,
  doc_type     text NOT NULL DEFAULT 'document',
  version      text,
  source_path  text,
  size_bytes   bigint,
  content_hash text,
  -- 'ingested' (searchable) or 'failed' (last attempt failed; `error` says why; an older
  -- version's chunks, if any, stay searchable).
  status       text NOT NULL CHECK (status IN ('ingested', 'failed')),
  error        text,
  page_count   integer,
  chunk_count  integer NOT NULL DEFAULT 0,
  assets       text[] NOT NULL DEFAULT '{}',
  ingested_at  timestamptz,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE knowledge_chunks (
  id           bigserial PRIMARY KEY,
  doc_id       text NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
  ordinal      integer NOT NULL,
  section_path text[] NOT NULL DEFAULT '{}',
  -- Anchor of the section in the document view (`/manuals/<doc>#<anchor>`).
  anchor       text NOT NULL,
  page_from    integer,
  page_to      integer,
  -- Title and section path, indexed with a higher weight than the body.
  heading_text text NOT NULL DEFAULT '',
  body         text NOT NULL,
  assets       text[] NOT NULL DEFAULT '{}',
  tags         text[] NOT NULL DEFAULT '{}',
  alarm_codes  text[] NOT NULL DEFAULT '{}',
  embedding    vector,
  tsv          tsvector GENERATED ALWAYS AS (
                 setweight(to_tsvector('english', heading_text), 'A') || setweight(to_tsvector('english', body), 'B')
               ) STORED,
  UNIQUE (doc_id, ordinal)
);

CREATE INDEX knowledge_chunks_tsv_gin ON knowledge_chunks USING gin (tsv);
CREATE INDEX knowledge_chunks_alarm_codes_gin ON knowledge_chunks USING gin (alarm_codes);
CREATE INDEX knowledge_chunks_tags_gin ON knowledge_chunks USING gin (tags);
CREATE INDEX knowledge_chunks_assets_gin ON knowledge_chunks USING gin (assets);
