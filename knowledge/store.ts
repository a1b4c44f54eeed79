/**
 * Documents, chunks and the embedding model in the database. A document's chunks are replaced in
 * one transaction, so a concurrent reader sees the old version or the new one, never a mix. The
 * vector column gets its dimension (and its HNSW index) from the recorded model.
 */
import pgvector from 'pgvector';
import type { Db, Queryable } from '../lib/db/db';
import { AppError } from '../lib/errors';
import type { DocFormat } from './document';

/** pgvector cannot build an HNSW index on `vector` columns wider than this. */
export const HNSW_MAX_DIMENSION = 2000;
const VECTOR_INDEX = 'knowledge_chunks_embedding_hnsw';
const INSERT_BATCH_ROWS = 200;

export type EmbeddingModel = { model: string; dimension: number };

export type DocumentStatus = 'ingested' | 'failed';

export type StoredDocument = {
  id: string;
  title: string;
  format: DocFormat;
  docType: string;
  version?: string;
  sourcePath?: string;
  sizeBytes?: number;
  contentHash?: string;
  status: DocumentStatus;
  error?: string;
  pageCount?: number;
  chunkCount: number;
  assets: string[];
  ingestedAt?: Date;
  updatedAt: Date;
};

export type ChunkRow = {
  ordinal: number;
  sectionPath: string[];
  anchor: string;
  pageFrom?: number;
  pageTo?: number;
  headingText: string;
  body: string;
  assets: string[];
  tags: string[];
  alarmCodes: string[];
  embedding: number[];
};

export type StoredChunk = Omit<ChunkRow, 'embedding'> & { id: string; docId: string };

type DocumentRecord = {
  id: string;
  title: string;
  format: DocFormat;
  doc_type: string;
  version: string | null;
  source_path: string | null;
  size_bytes: string | null;
  content_hash: string | null;
  status: DocumentStatus;
  error: string | null;
  page_count: number | null;
  chunk_count: number;
  assets: string[];
  ingested_at: Date | null;
  updated_at: Date;
};

const DOCUMENT_COLUMNS =
  'id, title, format, doc_type, version, source_path, size_bytes, content_hash, status, error, page_count, chunk_count, assets, ingested_at, updated_at';

function toDocument(row: DocumentRecord): StoredDocument {
  return {
    id: row.id,
    title: row.title,
    format: row.format,
    docType: row.doc_type,
    version: row.version ?? undefined,
    sourcePath: row.source_path ?? undefined,
    sizeBytes: row.size_bytes === null ? undefined : Number(row.size_bytes),
    contentHash: row.content_hash ?? undefined,
    status: row.status,
    error: row.error ?? undefined,
    pageCount: row.page_count ?? undefined,
    chunkCount: row.chunk_count,
    assets: row.assets,
    ingestedAt: row.ingested_at ?? undefined,
    updatedAt: row.updated_at,
  };
}

export async function readEmbeddingModel(db: Queryable): Promise<EmbeddingModel | undefined> {
  const { rows } = await db.query<EmbeddingModel>('SELECT model, dimension FROM knowledge_embedding');
  return rows[0];
}

function checkedDimension(dimension: number): number {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 16_000) {
    throw new AppError('invalid_argument', `An embedding dimension of ${dimension} is not usable; pgvector stores 1 to 16000 dimensions.`);
  }
  return dimension;
}

/** Drops the vector index (before a bulk load); `buildVectorIndex` puts it back. */
export async function dropVectorIndex(db: Queryable): Promise<void> {
  await db.query(`DROP INDEX IF EXISTS ${VECTOR_INDEX}`);
}

export async function buildVectorIndex(db: Queryable, dimension: number): Promise<void> {
  // DDL cannot take parameters; the dimension is a checked integer and the name a constant.
  if (checkedDimension(dimension) > HNSW_MAX_DIMENSION) return;
  await db.query(`CREATE INDEX IF NOT EXISTS ${VECTOR_INDEX} ON knowledge_chunks USING hnsw (embedding vector_cosine_ops)`);
}

/** Drops the vector index and sets the column to `dimension`, clearing every stored vector. */
async function resetVectorColumn(tx: Queryable, dimension: number): Promise<void> {
  await dropVectorIndex(tx);
  await tx.query(`ALTER TABLE knowledge_chunks ALTER COLUMN embedding TYPE vector(${checkedDimension(dimension)}) USING NULL`);
}

async function recordEmbeddingModel(tx: Queryable, model: EmbeddingModel): Promise<void> {
  await tx.query(
    `INSERT INTO knowledge_embedding (singleton, model, dimension) VALUES (true, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET model = EXCLUDED.model, dimension = EXCLUDED.dimension, updated_at = now()`,
    [model.model, model.dimension],
  );
}

/** Records the first model: sets the vector column to its dimension and builds the index. Only on an empty store. */
export async function initialiseEmbeddingModel(db: Db, model: EmbeddingModel): Promise<void> {
  await db.transaction(async (tx) => {
    // Two instances starting together: the second waits here, then sees the first one's model.
    await tx.query('LOCK TABLE knowledge_embedding IN EXCLUSIVE MODE');
    if (await readEmbeddingModel(tx)) return;
    await resetVectorColumn(tx, model.dimension);
    await buildVectorIndex(tx, model.dimension);
    await recordEmbeddingModel(tx, model);
  });
}

export async function listDocuments(db: Queryable): Promise<StoredDocument[]> {
  const { rows } = await db.query<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM knowledge_documents ORDER BY title, id`);
  return rows.map(toDocument);
}

export async function getDocument(db: Queryable, id: string): Promise<StoredDocument | undefined> {
  const { rows } = await db.query<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM knowledge_documents WHERE id = $1`, [id]);
  return rows[0] ? toDocument(rows[0]) : undefined;
}

export async function removeDocument(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM knowledge_documents WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

export type DocumentInput = Omit<StoredDocument, 'status' | 'error' | 'chunkCount' | 'ingestedAt' | 'updatedAt'>;

async function insertChunks(tx: Queryable, docId: string, chunks: ChunkRow[]): Promise<void> {
  for (let start = 0; start < chunks.length; start += INSERT_BATCH_ROWS) {
    const batch = chunks.slice(start, start + INSERT_BATCH_ROWS);
    const params: unknown[] = [];
    const tuples = batch.map((chunk) => {
      const values = [
        docId,
        chunk.ordinal,
        chunk.sectionPath,
        chunk.anchor,
        chunk.pageFrom ?? null,
        chunk.pageTo ?? null,
        chunk.headingText,
        chunk.body,
        chunk.assets,
        chunk.tags,
        chunk.alarmCodes,
        pgvector.toSql(chunk.embedding),
      ];
      const placeholders = values.map((_, i) => `$${params.length + i + 1}`);
      params.push(...values);
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(
      `INSERT INTO knowledge_chunks (doc_id, ordinal, section_path, anchor, page_from, page_to, heading_text, body, assets, tags, alarm_codes, embedding)
       VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/** Writes a document and all its chunks, replacing any previous version, in one transaction. */
export async function replaceDocument(db: Db, document: DocumentInput, chunks: ChunkRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO knowledge_documents (id, title, format, doc_type, version, source_path, size_bytes, content_hash, status, error, page_count,
                                        chunk_count, assets, ingested_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ingested', NULL, $9, $10, $11, now(), now())
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, format = EXCLUDED.format, doc_type = EXCLUDED.doc_type, version = EXCLUDED.version,
         source_path = EXCLUDED.source_path, size_bytes = EXCLUDED.size_bytes, content_hash = EXCLUDED.content_hash, status = 'ingested', error = NULL,
         page_count = EXCLUDED.page_count, chunk_count = EXCLUDED.chunk_count, assets = EXCLUDED.assets, ingested_at = now(), updated_at = now()`,
      [
        document.id,
        document.title,
        document.format,
        document.docType,
        document.version ?? null,
        document.sourcePath ?? null,
        document.sizeBytes ?? null,
        document.contentHash ?? null,
        document.pageCount ?? null,
        chunks.length,
        document.assets,
      ],
    );
    await tx.query('DELETE FROM knowledge_chunks WHERE doc_id = $1', [document.id]);
    await insertChunks(tx, document.id, chunks);
  });
}

/**
 * Records a failed ingestion. A document that was ingested before keeps its chunks (the old version
 * stays searchable) and shows the error; a new one is listed as failed with no chunks.
 */
export async function recordFailure(
  db: Queryable,
  failure: { id: string; title: string; format: DocFormat; sourcePath?: string; error: string },
): Promise<void> {
  await db.query(
    `INSERT INTO knowledge_documents (id, title, format, source_path, status, error, updated_at)
     VALUES ($1, $2, $3, $4, 'failed', $5, now())
     ON CONFLICT (id) DO UPDATE SET status = 'failed', error = EXCLUDED.error, source_path = EXCLUDED.source_path, updated_at = now()`,
    [failure.id, failure.title, failure.format, failure.sourcePath ?? null, failure.error],
  );
}

type ChunkRecord = {
  id: string;
  doc_id: string;
  ordinal: number;
  section_path: string[];
  anchor: string;
  page_from: number | null;
  page_to: number | null;
  heading_text: string;
  body: string;
  assets: string[];
  tags: string[];
  alarm_codes: string[];
};

export function toStoredChunk(row: ChunkRecord): StoredChunk {
  return {
    id: String(row.id),
    docId: row.doc_id,
    ordinal: row.ordinal,
    sectionPath: row.section_path,
    anchor: row.anchor,
    pageFrom: row.page_from ?? undefined,
    pageTo: row.page_to ?? undefined,
    headingText: row.heading_text,
    body: row.body,
    assets: row.assets,
    tags: row.tags,
    alarmCodes: row.alarm_codes,
  };
}

export const CHUNK_COLUMNS =
  'c.id, c.doc_id, c.ordinal, c.section_path, c.anchor, c.page_from, c.page_to, c.heading_text, c.body, c.assets, c.tags, c.alarm_codes';

export async function documentChunks(db: Queryable, docId: string): Promise<StoredChunk[]> {
  const { rows } = await db.query<ChunkRecord>(`SELECT ${CHUNK_COLUMNS} FROM knowledge_chunks c WHERE c.doc_id = $1 ORDER BY c.ordinal`, [docId]);
  return rows.map(toStoredChunk);
}

export async function countChunks(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM knowledge_chunks');
  return Number(rows[0]?.n ?? 0);
}

/** Text the embedder sees for a chunk: where it sits, then what it says. */
export function embeddingText(chunk: Pick<ChunkRow, 'headingText' | 'body'>): string {
  return `${chunk.headingText}\n${chunk.body}`;
}

/**
 * Re-embeds every chunk with `embed` and records the new model, in one transaction: if anything
 * fails, the old vectors and model stay. Returns the number of chunks embedded.
 */
export async function reembedAll(
  db: Db,
  model: EmbeddingModel,
  embed: (texts: string[]) => Promise<number[][]>,
  onProgress?: (done: number, total: number) => void,
  batchSize = 256,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; heading_text: string; body: string }>('SELECT id, heading_text, body FROM knowledge_chunks ORDER BY id');
    await resetVectorColumn(tx, model.dimension);
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      const vectors = await embed(batch.map((row) => embeddingText({ headingText: row.heading_text, body: row.body })));
      await tx.query(
        'UPDATE knowledge_chunks c SET embedding = v.embedding::vector FROM unnest($1::bigint[], $2::text[]) AS v(id, embedding) WHERE c.id = v.id',
        [batch.map((row) => row.id), vectors.map((vector) => pgvector.toSql(vector))],
      );
      onProgress?.(Math.min(start + batchSize, rows.length), rows.length);
    }
    await buildVectorIndex(tx, model.dimension);
    await recordEmbeddingModel(tx, model);
    return rows.length;
  });
}
