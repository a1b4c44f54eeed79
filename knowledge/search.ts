/**
 * Hybrid search: a vector top-k (cosine distance over the HNSW index), a full-text top-k (tsvector
 * over the GIN index, any query word may match, headings weigh more than body text) and, when the
 * query names an alarm code, tag or asset id, an exact-entity list — fused by reciprocal rank fusion.
 * Filters (asset, document type, document) apply inside each list, before the top-k cut.
 */
import pgvector from 'pgvector';
import type { Queryable } from '../lib/db/db';
import type { Entities } from './entities';
import { CHUNK_COLUMNS, toStoredChunk, type StoredChunk } from './store';

export type SearchMode = 'hybrid' | 'vector' | 'fulltext';

export type SearchFilters = {
  /** Asset ids: a chunk matches when it, or its document, mentions one of them. */
  assets?: string[];
  docTypes?: string[];
  docIds?: string[];
};

export type SearchHit = StoredChunk & {
  title: string;
  docType: string;
  version?: string;
  /** Fused score (RRF) for hybrid; cosine similarity for vector; ts_rank for full text. */
  score: number;
  /** 1-based rank in each list the chunk appeared in. */
  ranks: { vector?: number; fulltext?: number; entity?: number };
};

/** The k in 1 / (k + rank): 60 is the value from the original RRF paper and works without tuning. */
export const RRF_K = 60;

type HitRow = Parameters<typeof toStoredChunk>[0] & { title: string; doc_type: string; version: string | null; score: number };

function toHit(row: HitRow): Omit<SearchHit, 'ranks'> {
  return { ...toStoredChunk(row), title: row.title, docType: row.doc_type, version: row.version ?? undefined, score: Number(row.score) };
}

/** WHERE clause for the filters, with parameters numbered from `first`. */
function filterSql(filters: SearchFilters, first: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  if (filters.assets && filters.assets.length > 0) {
    const p = next(filters.assets);
    clauses.push(`(c.assets && ${p}::text[] OR d.assets && ${p}::text[])`);
  }
  if (filters.docTypes && filters.docTypes.length > 0) clauses.push(`d.doc_type = ANY(${next(filters.docTypes)}::text[])`);
  if (filters.docIds && filters.docIds.length > 0) clauses.push(`c.doc_id = ANY(${next(filters.docIds)}::text[])`);
  return { sql: clauses.length > 0 ? `AND ${clauses.join(' AND ')}` : '', params };
}

const SELECT_HIT = `SELECT ${CHUNK_COLUMNS}, d.title, d.doc_type, d.version`;

export async function vectorTopK(db: Queryable, vector: number[], filters: SearchFilters, limit: number): Promise<Omit<SearchHit, 'ranks'>[]> {
  const filter = filterSql(filters, 3);
  const { rows } = await db.query<HitRow>(
    `${SELECT_HIT}, 1 - (c.embedding <=> $1) AS score
     FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.doc_id
     WHERE c.embedding IS NOT NULL ${filter.sql}
     ORDER BY c.embedding <=> $1 LIMIT $2`,
    [pgvector.toSql(vector), limit, ...filter.params],
  );
  return rows.map(toHit);
}

// Any query word may match (OR), so a long question still finds passages that share some of its
// words; ts_rank then prefers passages with more of them, and headings (weight A) over body text.
const OR_QUERY = `replace(plainto_tsquery('english', $1)::text, ' & ', ' | ')::tsquery`;

/**
 * About how many chunks contain each common lexeme, from the planner's statistics for the tsvector
 * column (`pg_stats.most_common_elems` × the table's row estimate, both kept by ANALYZE). Lexemes not
 * listed are rare.
 */
export async function readLexemeFrequencies(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ elems: string[] | null; freqs: number[] | null; tuples: number }>(
    `SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs, c.reltuples::float8 AS tuples
     FROM pg_stats s JOIN pg_class c ON c.oid = 'knowledge_chunks'::regclass
     WHERE s.tablename = 'knowledge_chunks' AND s.attname = 'tsv'`,
  );
  const row = rows[0];
  const chunks = new Map<string, number>();
  if (!row?.elems || !row.freqs || !Array.isArray(row.elems) || !(row.tuples > 0)) return chunks;
  row.elems.forEach((lexeme, i) => chunks.set(lexeme, Number(row.freqs![i]) * row.tuples));
  return chunks;
}

/**
 * A lexeme in more chunks than this only ranks; it does not select candidates. Below a few thousand
 * chunks nothing is dropped, so small knowledge bases rank every chunk that shares a word.
 */
export const COMMON_LEXEME_CHUNKS = 1000;

/**
 * The lexemes that select full-text candidates: the query's rarer ones. Ranking an OR query over
 * every chunk containing "oven" costs ~200 ms at 100k chunks; candidates from the rarer words, ranked
 * with the whole query, cost a few. When every word is common, chunks containing all of the three
 * rarest select (`all: true`). Returns undefined when no word needs dropping.
 */
export function selectiveLexemes(lexemes: string[], frequencies: Map<string, number>): { lexemes: string[]; all: boolean } | undefined {
  if (frequencies.size === 0 || lexemes.length === 0) return undefined;
  const byRarity = [...new Set(lexemes)].sort((a, b) => (frequencies.get(a) ?? 0) - (frequencies.get(b) ?? 0));
  const rare = byRarity.filter((lexeme) => (frequencies.get(lexeme) ?? 0) <= COMMON_LEXEME_CHUNKS);
  if (rare.length === byRarity.length) return undefined;
  if (rare.length > 0) return { lexemes: rare, all: false };
  return byRarity.length === 1 ? undefined : { lexemes: byRarity.slice(0, 3), all: true };
}

export async function fulltextTopK(
  db: Queryable,
  query: string,
  filters: SearchFilters,
  limit: number,
  frequencies: Map<string, number> = new Map(),
): Promise<Omit<SearchHit, 'ranks'>[]> {
  let matchQuery: string | null = null;
  if ([...frequencies.values()].some((chunks) => chunks > COMMON_LEXEME_CHUNKS)) {
    const { rows } = await db.query<{ lexeme: string }>("SELECT unnest(tsvector_to_array(to_tsvector('english', $1))) AS lexeme", [query]);
    const chosen = selectiveLexemes(
      rows.map((row) => row.lexeme),
      frequencies,
    );
    // Quoted lexemes, already normalised by to_tsvector; the string is passed as a parameter.
    if (chosen) matchQuery = chosen.lexemes.map((lexeme) => `'${lexeme.replace(/'/g, "''")}'`).join(chosen.all ? ' & ' : ' | ');
  }
  const filter = filterSql(filters, 4);
  const { rows } = await db.query<HitRow>(
    `WITH q AS (SELECT ${OR_QUERY} AS query, coalesce($3::text::tsquery, ${OR_QUERY}) AS selector)
     ${SELECT_HIT}, ts_rank(c.tsv, q.query) AS score
     FROM q, knowledge_chunks c JOIN knowledge_documents d ON d.id = c.doc_id
     WHERE c.tsv @@ q.selector ${filter.sql}
     ORDER BY score DESC, c.id LIMIT $2`,
    [query, limit, matchQuery, ...filter.params],
  );
  return rows.map(toHit);
}

/** Chunks that mention the alarm codes, tags or asset ids named in the query, best full-text match first. */
export async function entityTopK(db: Queryable, query: string, entities: Entities, filters: SearchFilters, limit: number): Promise<Omit<SearchHit, 'ranks'>[]> {
  if (entities.alarmCodes.length + entities.tags.length === 0) return [];
  const filter = filterSql(filters, 5);
  const { rows } = await db.query<HitRow>(
    `WITH q AS (SELECT ${OR_QUERY} AS query)
     ${SELECT_HIT}, ts_rank(c.tsv, q.query) AS score
     FROM q, knowledge_chunks c JOIN knowledge_documents d ON d.id = c.doc_id
     WHERE (c.alarm_codes && $3::text[] OR c.tags && $4::text[]) ${filter.sql}
     ORDER BY score DESC, c.id LIMIT $2`,
    [query, limit, entities.alarmCodes, entities.tags, ...filter.params],
  );
  return rows.map(toHit);
}

/** Reciprocal rank fusion of ranked lists of chunks; ties keep the first list's order. */
export function fuseRrf(lists: Partial<Record<keyof SearchHit['ranks'], Omit<SearchHit, 'ranks'>[]>>, k = RRF_K): SearchHit[] {
  const fused = new Map<string, SearchHit>();
  for (const [name, hits] of Object.entries(lists) as [keyof SearchHit['ranks'], Omit<SearchHit, 'ranks'>[]][]) {
    hits.forEach((hit, index) => {
      const entry = fused.get(hit.id) ?? { ...hit, score: 0, ranks: {} };
      entry.ranks[name] = index + 1;
      entry.score += 1 / (k + index + 1);
      fused.set(hit.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
