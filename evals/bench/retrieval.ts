/**
 * Retrieval benchmark for the manuals knowledge base.
 *
 * 1. Quality: ingests knowledge/corpus into a fresh embedded database and asks every question of
 *    evals/retrieval/questions.json in three modes — full text only, vector only, hybrid (RRF) —
 *    reporting recall@1, recall@5 and MRR@10, overall and by question style. A hit is a returned
 *    chunk from the answer's document whose section path contains the answer's heading or whose
 *    text contains the answer's phrase (whitespace-normalised).
 * 2. Latency: scales the chunk table up to --chunks rows with perturbed copies of the real chunks
 *    (words dropped and swapped, vectors jittered and re-normalised), rebuilds the HNSW index, and
 *    times hybrid, vector and full-text queries (p50/p95, after warm-up) on PGlite and on PostgreSQL.
 *
 *   npx tsx evals/bench/retrieval.ts [--chunks 100000] [--pglite-chunks N] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 *        [--queries 200] [--skip-pglite] [--skip-postgres] [--quality-only] [--out evals/out/retrieval.json]
 *
 * Prints tables and writes JSON. Targets: hybrid recall@5 ≥ 0.9; hybrid p95 ≤ 50 ms at 100k chunks on PostgreSQL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pgvector from 'pgvector';
import { migrate, openEmbeddedDb, openPostgresDb } from '../../lib/db';
import type { Db } from '../../lib/db/db';
import { localHashedEmbedder } from '../../knowledge/embed';
import { createKnowledgeBase, SHIPPED_CORPUS_DIR, type KnowledgeBase } from '../../knowledge/knowledge-base';
import type { SearchMode } from '../../knowledge/search';
import { buildVectorIndex, countChunks, dropVectorIndex } from '../../knowledge/store';
import { twinEntityCatalogue } from '../../knowledge/twin-entities';
import { loadQuestions, type Question } from '../retrieval/question-set';
import { seededRandom } from '../../lib/seeded-random';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    chunks: { type: 'string', default: '100000' },
    'pglite-chunks': { type: 'string' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    queries: { type: 'string', default: '200' },
    questions: { type: 'string' },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
    'quality-only': { type: 'boolean', default: false },
    out: { type: 'string', default: resolve(projectRoot, 'evals/out/retrieval.json') },
    seed: { type: 'string', default: '1' },
  },
});

const MODES: SearchMode[] = ['fulltext', 'vector', 'hybrid'];
const EVAL_K = 10;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function makeKnowledgeBase(db: Db): KnowledgeBase {
  return createKnowledgeBase({ db, embedder: localHashedEmbedder(), entities: twinEntityCatalogue() });
}

type Score = { recallAt1: number; recallAt5: number; mrr: number; n: number };

function summarise(ranks: (number | undefined)[]): Score {
  const n = ranks.length;
  const within = (k: number) => ranks.filter((r) => r !== undefined && r <= k).length / Math.max(n, 1);
  const mrr = ranks.reduce<number>((sum, r) => sum + (r === undefined ? 0 : 1 / r), 0) / Math.max(n, 1);
  return { recallAt1: within(1), recallAt5: within(5), mrr, n };
}

async function evaluateQuality(questions: Question[]) {
  const db = await openEmbeddedDb({});
  try {
    await migrate(db);
    const kb = makeKnowledgeBase(db);
    const started = performance.now();
    const report = await kb.ingest([SHIPPED_CORPUS_DIR]);
    const ingestMs = performance.now() - started;
    const failed = report.results.filter((r) => r.status === 'failed');
    for (const f of failed) console.error(`not ingested: ${f.file}: ${f.error?.message}`);
    const ranks: Record<SearchMode, (number | undefined)[]> = { fulltext: [], vector: [], hybrid: [] };
    const misses: { id: string; question: string; mode: SearchMode; expected: string; got: string[] }[] = [];
    for (const question of questions) {
      for (const mode of MODES) {
        const hits = await kb.search(question.question, { k: EVAL_K, mode });
        const index = hits.findIndex((hit) =>
          question.answers.some(
            (answer) =>
              hit.docId === answer.doc &&
              (hit.sectionPath.some((heading) => normalise(heading).includes(normalise(answer.section))) ||
                normalise(hit.body).includes(normalise(answer.contains))),
          ),
        );
        const rank = index >= 0 ? index + 1 : undefined;
        ranks[mode].push(rank);
        if (mode === 'hybrid' && (rank === undefined || rank > 5)) {
          misses.push({
            id: question.id,
            question: question.question,
            mode,
            expected: `${question.answers[0]!.doc} › ${question.answers[0]!.section}`,
            got: hits.slice(0, 3).map((h) => `${h.docId} › ${h.sectionPath.at(-1) ?? ''}`),
          });
        }
      }
    }
    const byStyle: Record<string, Record<SearchMode, Score>> = {};
    for (const style of ['operator', 'manual'] as const) {
      const idx = questions.map((q, i) => (q.style === style ? i : -1)).filter((i) => i >= 0);
      byStyle[style] = Object.fromEntries(MODES.map((mode) => [mode, summarise(idx.map((i) => ranks[mode][i]))])) as Record<SearchMode, Score>;
    }
    return {
      documents: report.results.length,
      failedDocuments: failed.length,
      chunks: await countChunks(db),
      ingestMs: Math.round(ingestMs),
      overall: Object.fromEntries(MODES.map((mode) => [mode, summarise(ranks[mode])])) as Record<SearchMode, Score>,
      byStyle,
      hybridMissesAt5: misses,
    };
  } finally {
    await db.close();
  }
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

/** Adds perturbed copies of the real chunks until the table holds `target` rows. */
async function scaleUp(db: Db, target: number, seed: number): Promise<{ added: number; loadMs: number; indexMs: number }> {
  const { rows: originals } = await db.query<{
    heading_text: string;
    body: string;
    embedding: number[];
    alarm_codes: string[];
    tags: string[];
    assets: string[];
  }>('SELECT heading_text, body, embedding, alarm_codes, tags, assets FROM knowledge_chunks ORDER BY id');
  const existing = await countChunks(db);
  const toAdd = Math.max(0, target - existing);
  const rand = seededRandom(seed);
  const vocabulary = [...new Set(originals.flatMap((o) => o.body.split(/\s+/)).filter((w) => /^[a-z]{4,}$/.test(w)))];
  const loadStarted = performance.now();
  await dropVectorIndex(db);
  const perDoc = 1000;
  const batch = 1000;
  for (let start = 0; start < toAdd; start += batch) {
    const size = Math.min(batch, toAdd - start);
    const docIds: string[] = [];
    const ordinals: number[] = [];
    const headings: string[] = [];
    const bodies: string[] = [];
    const vectors: string[] = [];
    const codes: string[] = [];
    for (let i = 0; i < size; i++) {
      const n = start + i;
      const original = originals[Math.floor(rand() * originals.length)]!;
      const words = original.body.split(/\s+/).filter(() => rand() > 0.15);
      for (let w = 0; w < words.length; w++) if (rand() < 0.1) words[w] = vocabulary[Math.floor(rand() * vocabulary.length)]!;
      const jittered = original.embedding.map((v) => v + gaussian(rand) * 0.03);
      const norm = Math.hypot(...jittered);
      docIds.push(`synthetic-${String(Math.floor(n / perDoc)).padStart(4, '0')}`);
      ordinals.push(n % perDoc);
      headings.push(`Synthetic ${Math.floor(n / perDoc)} > ${original.heading_text}`);
      bodies.push(words.join(' '));
      vectors.push(pgvector.toSql(jittered.map((v) => v / norm)));
      codes.push(JSON.stringify(original.alarm_codes));
    }
    const newDocs = [...new Set(docIds)];
    await db.query(
      `INSERT INTO knowledge_documents (id, title, format, doc_type, status, chunk_count)
       SELECT id, 'Synthetic ' || id, 'text', 'document', 'ingested', 0 FROM unnest($1::text[]) AS id ON CONFLICT (id) DO NOTHING`,
      [newDocs],
    );
    await db.query(
      `INSERT INTO knowledge_chunks (doc_id, ordinal, anchor, heading_text, body, embedding, alarm_codes)
       SELECT d, o, 'synthetic', h, b, e::vector, ARRAY(SELECT jsonb_array_elements_text(c::jsonb))
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(d, o, h, b, e, c)`,
      [docIds, ordinals, headings, bodies, vectors, codes],
    );
    if ((start / batch) % 10 === 0) process.stderr.write(`  loaded ${existing + start + size} chunks\r`);
  }
  const loadMs = performance.now() - loadStarted;
  const indexStarted = performance.now();
  const { rows } = await db.query<{ dimension: number }>('SELECT dimension FROM knowledge_embedding');
  await buildVectorIndex(db, rows[0]!.dimension);
  await db.query('ANALYZE knowledge_chunks');
  await db.query('ANALYZE knowledge_documents');
  process.stderr.write('\n');
  return { added: toAdd, loadMs: Math.round(loadMs), indexMs: Math.round(performance.now() - indexStarted) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measureLatency(kind: 'pglite' | 'postgres', open: () => Promise<Db>, questions: Question[], targetChunks: number, queries: number) {
  const db = await open();
  try {
    await migrate(db);
    const kb = makeKnowledgeBase(db);
    await kb.ingest([SHIPPED_CORPUS_DIR]);
    const scale = await scaleUp(db, targetChunks, Number(args.seed));
    const chunks = await countChunks(db);
    const result: Record<string, unknown> = { kind, chunks, ...scale };
    for (const mode of ['hybrid', 'vector', 'fulltext'] as SearchMode[]) {
      for (let i = 0; i < 10; i++) await kb.search(questions[i % questions.length]!.question, { k: 5, mode });
      const times: number[] = [];
      for (let i = 0; i < queries; i++) {
        const started = performance.now();
        await kb.search(questions[i % questions.length]!.question, { k: 5, mode });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      result[mode] = { p50Ms: +percentile(times, 50).toFixed(2), p95Ms: +percentile(times, 95).toFixed(2), queries };
    }
    return result;
  } finally {
    await db.close();
  }
}

async function freshPostgres(adminUrl: string): Promise<Db> {
  const name = `plantpilot_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDb({ url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

const pct = (x: number) => x.toFixed(3);

async function main() {
  const questions = loadQuestions(args.questions);
  const targetChunks = Number(args.chunks);
  const queries = Number(args.queries);
  console.log(`Retrieval benchmark: ${questions.length} questions, local hashed embeddings (${localHashedEmbedder().dimension}-d)\n`);

  const quality = await evaluateQuality(questions);
  console.log(`Corpus: ${quality.documents} documents (${quality.failedDocuments} failed), ${quality.chunks} chunks, ingested in ${quality.ingestMs} ms\n`);
  console.log('mode       | recall@1 | recall@5 | MRR@10 | operator r@5 | manual r@5');
  console.log('-----------|----------|----------|--------|--------------|-----------');
  for (const mode of MODES) {
    const s = quality.overall[mode];
    console.log(
      `${mode.padEnd(10)} | ${pct(s.recallAt1).padStart(8)} | ${pct(s.recallAt5).padStart(8)} | ${pct(s.mrr).padStart(6)} | ${pct(quality.byStyle.operator![mode].recallAt5).padStart(12)} | ${pct(quality.byStyle.manual![mode].recallAt5).padStart(10)}`,
    );
  }
  if (quality.hybridMissesAt5.length > 0) {
    console.log(`\nHybrid misses at 5 (${quality.hybridMissesAt5.length}):`);
    for (const miss of quality.hybridMissesAt5) console.log(`  ${miss.id} "${miss.question}" → want ${miss.expected}; got ${miss.got.join(' | ')}`);
  }

  const latency: Record<string, unknown>[] = [];
  if (!args['quality-only']) {
    if (!args['skip-pglite'])
      latency.push(await measureLatency('pglite', () => openEmbeddedDb({}), questions, Number(args['pglite-chunks'] ?? targetChunks), queries));
    if (!args['skip-postgres']) {
      try {
        latency.push(await measureLatency('postgres', () => freshPostgres(args['pg-url']!), questions, targetChunks, queries));
      } catch (error) {
        console.error(`PostgreSQL latency skipped: ${(error as Error).message}`);
      }
    }
    console.log(`\nLatency, k=5, ${queries} queries after 10 warm-up (ms)`);
    console.log('database | chunks  | load s | HNSW build s | hybrid p50 | hybrid p95 | vector p50 | vector p95 | fulltext p50 | fulltext p95');
    console.log('---------|---------|--------|--------------|------------|------------|------------|------------|--------------|-------------');
    for (const row of latency) {
      const m = (mode: string) => row[mode] as { p50Ms: number; p95Ms: number };
      console.log(
        `${String(row.kind).padEnd(8)} | ${String(row.chunks).padStart(7)} | ${((row.loadMs as number) / 1000).toFixed(1).padStart(6)} | ${((row.indexMs as number) / 1000).toFixed(1).padStart(12)} | ` +
          `${m('hybrid').p50Ms.toFixed(1).padStart(10)} | ${m('hybrid').p95Ms.toFixed(1).padStart(10)} | ${m('vector').p50Ms.toFixed(1).padStart(10)} | ${m('vector').p95Ms.toFixed(1).padStart(10)} | ` +
          `${m('fulltext').p50Ms.toFixed(1).padStart(12)} | ${m('fulltext').p95Ms.toFixed(1).padStart(12)}`,
      );
    }
  }

  const output = {
    generatedAt: new Date().toISOString(),
    questions: questions.length,
    embedder: localHashedEmbedder().model,
    dimension: localHashedEmbedder().dimension,
    quality,
    latency,
  };
  mkdirSync(dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\nWrote ${args.out}`);
}

await main();
