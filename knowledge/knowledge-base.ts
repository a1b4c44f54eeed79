/**
 * The knowledge base service: ingestion, hybrid search and document management over one database
 * and one embedder. The CLI, the `search_manuals` tool and the Manuals page all use this.
 *
 * The embedding model that indexed the stored vectors is recorded; ingesting or searching with a
 * different one fails with a message to run `plantpilot docs reembed`, because vectors of two
 * models cannot be compared.
 */
import { fileURLToPath } from 'node:url';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db/db';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/log';
import type { ChunkOptions } from './chunk';
import type { Embedder } from './embed';
import { createEmbedder } from './embed';
import { createEntityFinder, type EntityCatalogue, type EntityFinder } from './entities';
import { DEFAULT_MAX_FILE_BYTES } from './extract';
import { ingestFile, type IngestOptions, type IngestResult } from './ingest';
import { ingestUpload, type UploadOutcome } from './ingest-upload';
import { expandInputs } from './inputs';
import { entityTopK, fulltextTopK, fuseRrf, readLexemeFrequencies, vectorTopK, type SearchFilters, type SearchHit, type SearchMode } from './search';
import { snippet } from './snippet';
import { expandWithSynonyms, rerankPassages } from './rank/rerank';
import { withCompoundParts } from './rank/compounds';
import { GERMAN_QUESTION } from './rank/synonyms';
import { semanticRerank } from './semantic/semantic-rerank';
import type { TermVectors } from './semantic/term-vectors';
import { loadTermVectors, retrainTermVectors, termVectorsTrainedAt } from './semantic/term-vector-store';
import {
  countChunks,
  documentChunks,
  getDocument,
  initialiseEmbeddingModel,
  listDocuments,
  readEmbeddingModel,
  reembedAll,
  removeDocument,
  type EmbeddingModel,
  type StoredChunk,
  type StoredDocument,
} from './store';

/** The manuals shipped with Plantpilot, ingested at first start. */
export const SHIPPED_CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

export type SearchOptions = {
  k?: number;
  /** Asset id, display name or alias (`L1-RFL`, `reflow oven`). */
  asset?: string;
  docType?: string;
  docId?: string;
  mode?: SearchMode;
  /**
   * Hybrid only: query expansion with the plant's synonyms and passage reranking of the fused
   * candidates (knowledge/rank/). Off by default: on our own question set it lowered recall@1
   * (0.671 → 0.607) while raising recall@5 (0.907 → 0.914), so it stays opt-in until a held-out
   * public set shows it helps (evals/bench/retrieval-public.ts).
   */
  rerank?: boolean;
  /**
   * Hybrid only, on by default: reranks the top 50 fused candidates with word vectors learned from
   * the stored passages at ingest (knowledge/semantic/), together with the lexical reranker's order.
   * Public dev split recall@1 / @5 0.489 / 0.766 → 0.596 / 0.787; our own set 0.671 / 0.907 →
   * 0.671 / 0.936 (evals/bench/RESULTS.md). `false` gives plain RRF fusion.
   */
  semantic?: boolean;
};

export type SearchResult = SearchHit & { snippet: string };

export type IngestReport = { results: IngestResult[]; unmatched: string[] };

export type KnowledgeStatus = {
  /** The model the stored vectors were made with (undefined before the first ingest). */
  storedModel?: EmbeddingModel;
  embedder: EmbeddingModel;
  /** True when the two differ: searches fail until `plantpilot docs reembed`. */
  needsReembed: boolean;
  documents: number;
  chunks: number;
};

export interface KnowledgeBase {
  readonly embedder: Embedder;
  ingest(inputs: string[], options?: IngestOptions): Promise<IngestReport>;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  listDocuments(): Promise<StoredDocument[]>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  documentChunks(id: string): Promise<StoredChunk[]>;
  removeDocument(id: string): Promise<boolean>;
  /** An uploaded file: checked before it is stored, stored keeping the previous version, then ingested (ingest-upload.ts). */
  ingestUpload(uploadsDir: string, file: { name: string; bytes: Uint8Array }): Promise<UploadOutcome>;
  /** Re-embeds every chunk with the configured embedder and records it as the model. */
  reembed(onProgress?: (done: number, total: number) => void): Promise<{ chunks: number; model: EmbeddingModel }>;
  status(): Promise<KnowledgeStatus>;
}

export type KnowledgeBaseOptions = {
  db: Db;
  embedder: Embedder;
  log?: Logger;
  /** Known asset ids, tags and alarm codes (e.g. `twinEntityCatalogue()`); patterns are used without it. */
  entities?: EntityCatalogue;
  maxFileBytes?: number;
  chunking?: ChunkOptions;
};

/** How many candidates each list contributes to the fusion, relative to k. */
const CANDIDATES_PER_RESULT = 4;
const MIN_CANDIDATES = 30;
const MAX_K = 50;
/** How many fused candidates the passage reranker reorders. */
const RERANK_POOL = 50;
const LEXEME_STATS_MAX_AGE_MS = 60_000;
/** How often a searcher checks whether another instance retrained the term vectors. */
const TERM_VECTORS_CHECK_MS = 60_000;

export function createKnowledgeBase(options: KnowledgeBaseOptions): KnowledgeBase {
  const { db, embedder, log } = options;
  const entities: EntityFinder = createEntityFinder(options.entities);
  const current: EmbeddingModel = { model: embedder.model, dimension: embedder.dimension };
  const deps = { db, embedder, entities, maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, chunking: options.chunking ?? {} };

  // Planner statistics on the tsvector column, re-read at most once a minute and after each ingest.
  let frequencies: { value: Map<string, number>; readAtMs: number } | undefined;
  async function lexemeFrequencies(): Promise<Map<string, number>> {
    if (!frequencies || Date.now() - frequencies.readAtMs > LEXEME_STATS_MAX_AGE_MS) {
      frequencies = { value: await readLexemeFrequencies(db).catch(() => new Map<string, number>()), readAtMs: Date.now() };
    }
    return frequencies.value;
  }

  // Term vectors trained at ingest, loaded once and re-read when another instance has retrained them.
  let termVectors: { value: TermVectors | undefined; trainedAt: number | undefined; checkedAtMs: number } | undefined;
  async function currentTermVectors(): Promise<TermVectors | undefined> {
    if (termVectors && Date.now() - termVectors.checkedAtMs <= TERM_VECTORS_CHECK_MS) return termVectors.value;
    const trainedAt = (await termVectorsTrainedAt(db))?.getTime();
    if (!termVectors || trainedAt !== termVectors.trainedAt) termVectors = { value: await loadTermVectors(db), trainedAt, checkedAtMs: Date.now() };
    else termVectors.checkedAtMs = Date.now();
    return termVectors.value;
  }
  async function retrain(): Promise<void> {
    const started = Date.now();
    const model = await retrainTermVectors(db);
    termVectors = undefined;
    log?.info({ terms: model?.terms.length ?? 0, ms: Date.now() - started }, 'Trained term vectors on the manuals');
  }

  /** Fails when the stored vectors came from another model; records the model on first use. */
  async function ensureModel(initialise: boolean): Promise<void> {
    let stored = await readEmbeddingModel(db);
    if (!stored && initialise) {
      await initialiseEmbeddingModel(db, current);
      stored = await readEmbeddingModel(db);
    }
    if (stored && (stored.model !== current.model || stored.dimension !== current.dimension)) {
      throw new AppError(
        'conflict',
        `The manuals were indexed with the embedding model ${stored.model} (${stored.dimension} dimensions), but ${current.model} ` +
          `(${current.dimension} dimensions) is configured. Run \`plantpilot docs reembed\` to re-index them with the configured model, ` +
          'or set OPENAI_EMBEDDINGS_MODEL back.',
      );
    }
  }

  const kb: KnowledgeBase = {
    embedder,

    ingestUpload: (uploadsDir, file) => ingestUpload(kb, uploadsDir, file, deps.maxFileBytes),

    async ingest(inputs, ingestOptions = {}) {
      await ensureModel(true);
      const { files, unmatched } = await expandInputs(inputs);
      const results: IngestResult[] = [];
      for (const [index, file] of files.entries()) {
        // Each file is written in one transaction, so stopping between files leaves no half
        // document; unchanged files are skipped by hash, so the next run resumes where this stopped.
        if (ingestOptions.signal?.aborted) break;
        ingestOptions.onProgress?.({ done: index, total: files.length, file });
        const result = await ingestFile(deps, file, { ...ingestOptions, docId: files.length === 1 ? ingestOptions.docId : undefined });
        if (result.status === 'failed') log?.warn({ file, error: result.error?.message }, 'Document not ingested');
        else if (result.status === 'ingested') log?.info({ file, chunks: result.chunks }, 'Document ingested');
        results.push(result);
      }
      ingestOptions.onProgress?.({ done: files.length, total: files.length });
      if (results.some((r) => r.status === 'ingested')) {
        // Fresh statistics let full-text search tell rare words from common ones (see search.ts).
        await db.query('ANALYZE knowledge_chunks');
        frequencies = undefined;
        // The word vectors are learned from all stored passages, so each change of the corpus retrains them.
        await retrain();
      }
      return { results, unmatched };
    },

    async search(query, searchOptions = {}) {
      const typed = entities.expandQuery(query.trim());
      if (!typed) throw new AppError('invalid_argument', 'The search query is empty; say what you are looking for.');
      // "Rakeldruck": German writes as one word what the (English) manuals write as two.
      const text = GERMAN_QUESTION.test(typed) ? withCompoundParts(typed) : typed;
      const k = Math.min(Math.max(1, Math.floor(searchOptions.k ?? 5)), MAX_K);
      await ensureModel(false);
      const filters: SearchFilters = {};
      if (searchOptions.asset) {
        const assets = entities.resolveAsset(searchOptions.asset);
        if (assets.length === 0)
          throw new AppError('invalid_argument', `"${searchOptions.asset}" is not an asset id or name the knowledge base knows (e.g. L1-RFL).`);
        filters.assets = assets;
      }
      if (searchOptions.docType) filters.docTypes = [searchOptions.docType];
      if (searchOptions.docId) filters.docIds = [searchOptions.docId];
      const mode = searchOptions.mode ?? 'hybrid';
      const candidates = Math.max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES);
      let hits: SearchHit[];
      if (mode === 'fulltext') {
        hits = (await fulltextTopK(db, GERMAN_QUESTION.test(text) ? expandWithSynonyms(text) : text, filters, k, await lexemeFrequencies())).map((hit, i) => ({
          ...hit,
          ranks: { fulltext: i + 1 },
        }));
      } else {
        const [vector] = await embedder.embed([text]);
        if (mode === 'vector') {
          hits = (await vectorTopK(db, vector!, filters, k)).map((hit, i) => ({ ...hit, ranks: { vector: i + 1 } }));
        } else {
          const named = entities.find(text);
          const stats = await lexemeFrequencies();
          const rerank = searchOptions.rerank === true;
          const model = searchOptions.semantic === false ? undefined : await currentTermVectors();
          const pool = rerank || model ? Math.max(candidates, RERANK_POOL) : candidates;
          const [byVector, byText, byEntity] = await Promise.all([
            vectorTopK(db, vector!, filters, pool),
            fulltextTopK(db, rerank || GERMAN_QUESTION.test(text) ? expandWithSynonyms(text) : text, filters, pool, stats),
            entityTopK(db, text, named, filters, pool),
          ]);
          const fused = fuseRrf({ entity: byEntity, fulltext: byText, vector: byVector });
          const top = fused.slice(0, RERANK_POOL);
          if (model) {
            // A passage that holds the alarm code, tag or asset the question names exactly is stronger
            // evidence than any similarity: those stay ahead, each group reranked on its own.
            const named = top.filter((hit) => hit.ranks.entity !== undefined);
            const rest = top.filter((hit) => hit.ranks.entity === undefined);
            hits = [...semanticRerank(text, named, model), ...semanticRerank(text, rest, model)].slice(0, k);
          } else hits = rerank ? rerankPassages(text, top).slice(0, k) : fused.slice(0, k);
        }
      }
      return hits.map((hit) => ({ ...hit, snippet: snippet(hit.body, text) }));
    },

    listDocuments: () => listDocuments(db),
    getDocument: (id) => getDocument(db, id),
    documentChunks: (id) => documentChunks(db, id),
    async removeDocument(id) {
      const removed = await removeDocument(db, id);
      if (removed) await retrain();
      return removed;
    },

    async reembed(onProgress) {
      const chunks = await reembedAll(db, current, (texts) => embedder.embed(texts), onProgress);
      log?.info({ model: current.model, dimension: current.dimension, chunks }, 'Re-embedded the knowledge base');
      return { chunks, model: current };
    },

    async status() {
      const storedModel = await readEmbeddingModel(db);
      const documents = (await listDocuments(db)).length;
      return {
        storedModel,
        embedder: current,
        needsReembed: storedModel !== undefined && (storedModel.model !== current.model || storedModel.dimension !== current.dimension),
        documents,
        chunks: await countChunks(db),
      };
    },
  };
  return kb;
}

/** Creates the service from the configuration: the configured embedder over the given database. */
export async function startKnowledgeBase(options: {
  config: Pick<Config, 'model' | 'embeddings'>;
  db: Db;
  log?: Logger;
  entities?: EntityCatalogue;
}): Promise<KnowledgeBase> {
  const embedder = await createEmbedder(options.config);
  return createKnowledgeBase({ db: options.db, embedder, log: options.log, entities: options.entities });
}

/**
 * First start: ingests the shipped manuals. Unchanged files are skipped by content hash, so this is
 * cheap on every later start and picks up manuals updated with a new Plantpilot version.
 */
export async function ingestShippedCorpus(kb: KnowledgeBase, dir: string = SHIPPED_CORPUS_DIR, options: { signal?: AbortSignal } = {}): Promise<IngestReport> {
  return kb.ingest([dir], { signal: options.signal });
}
