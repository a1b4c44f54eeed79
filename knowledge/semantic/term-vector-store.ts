/**
 * Term vectors in the database: trained from the stored passages after an ingest, written as one
 * row, read back by every instance that searches. Training reads at most MAX_TRAINING_CHUNKS passages
 * (every n-th in document order) so ingest time stays bounded on very large knowledge bases; a
 * sample of 20,000 passages already holds the plant's vocabulary many times over.
 */
import type { Queryable } from '../../lib/db/db';
import type { TrainingText } from './ppmi-matrix';
import { trainTermVectors, type TermVectors, type TrainOptions } from './term-vectors';
import { termsOf } from './vocabulary';

export const MAX_TRAINING_CHUNKS = 20_000;

type Row = { terms: string[]; counts: number[]; total_tokens: string | number; dimension: number; vectors: Uint8Array; trained_at: Date };

/** Trains on the stored passages and replaces the stored model; removes it when there are no passages. Returns the model. */
export async function retrainTermVectors(db: Queryable, options: Partial<TrainOptions> = {}): Promise<TermVectors | undefined> {
  const { rows: countRows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM knowledge_chunks');
  const total = Number(countRows[0]?.n ?? 0);
  if (total === 0) {
    await db.query('DELETE FROM knowledge_term_vectors');
    return undefined;
  }
  const step = Math.max(1, Math.ceil(total / MAX_TRAINING_CHUNKS));
  const { rows } = await db.query<{ heading_text: string; body: string }>(
    `SELECT heading_text, body FROM (
       SELECT heading_text, body, row_number() OVER (ORDER BY doc_id, ordinal) AS n FROM knowledge_chunks
     ) numbered WHERE (n - 1) % $1 = 0 ORDER BY n`,
    [step],
  );
  const texts: TrainingText[] = rows.map((row) => ({ heading: termsOf(row.heading_text), body: termsOf(row.body) }));
  const model = trainTermVectors(texts, options);
  const bytes = new Uint8Array(model.vectors.buffer, model.vectors.byteOffset, model.vectors.byteLength);
  await db.query(
    `INSERT INTO knowledge_term_vectors (singleton, terms, counts, total_tokens, dimension, vectors, chunks, trained_at)
     VALUES (true, $1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (singleton) DO UPDATE SET terms = EXCLUDED.terms, counts = EXCLUDED.counts, total_tokens = EXCLUDED.total_tokens,
       dimension = EXCLUDED.dimension, vectors = EXCLUDED.vectors, chunks = EXCLUDED.chunks, trained_at = now()`,
    [model.terms, model.counts, model.totalTokens, model.dimension, bytes, rows.length],
  );
  return model;
}

/** When the stored model was trained (cheap: lets a searcher see that another instance retrained). */
export async function termVectorsTrainedAt(db: Queryable): Promise<Date | undefined> {
  const { rows } = await db.query<{ trained_at: Date }>('SELECT trained_at FROM knowledge_term_vectors');
  return rows[0]?.trained_at;
}

export async function loadTermVectors(db: Queryable): Promise<TermVectors | undefined> {
  const { rows } = await db.query<Row>('SELECT terms, counts, total_tokens, dimension, vectors, trained_at FROM knowledge_term_vectors');
  const row = rows[0];
  if (!row) return undefined;
  // Copy into an aligned buffer: the driver's bytes may sit at any offset of a shared buffer.
  const copy = new Uint8Array(row.vectors.byteLength);
  copy.set(row.vectors);
  const vectors = new Float32Array(copy.buffer);
  if (vectors.length !== row.terms.length * row.dimension) return undefined;
  return {
    terms: row.terms,
    index: new Map(row.terms.map((term, i) => [term, i])),
    counts: row.counts.map(Number),
    totalTokens: Number(row.total_tokens),
    dimension: row.dimension,
    vectors,
  };
}
