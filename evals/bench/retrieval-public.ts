/**
 * Retrieval on documents nobody on this project wrote: ingests a folder of public documents into a
 * fresh embedded knowledge base and asks a question set written apart from the search code (by
 * default evals/retrieval-public/). Reports recall@1, recall@5 and MRR@10 for the engine's three
 * modes (hybrid as plain RRF fusion), hybrid with the opt-in lexical passage reranker (knowledge/rank/),
 * hybrid with the default semantic reranker (knowledge/semantic/: word vectors learned from the
 * documents at ingest) and, in the same run, for plain BM25 over 800-character chunks of the raw
 * text — the baseline the engine has to beat. `--misses` prints the default's misses: dev only.
 *
 * A retrieved passage counts as a hit when it comes from the answer's document and holds the
 * answer's verbatim phrase (whitespace and case folded). A phrase cut by a chunk boundary counts
 * when the chunk holds its first or last 60 % of words: the same rule for engine and baseline, so
 * neither gains from where the other happens to cut.
 *
 *   npx tsx evals/bench/retrieval-public.ts [--docs evals/retrieval-public/docs]
 *        [--questions evals/retrieval-public/questions.json] [--split dev|test|all] [--out evals/out/retrieval-public.json]
 *
 * The test split is for the final measurement only; tune on dev.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { migrate, openEmbeddedDb } from '../../lib/db';
import { localHashedEmbedder } from '../../knowledge/embed';
import { createKnowledgeBase } from '../../knowledge/knowledge-base';
import type { SearchMode } from '../../knowledge/search';
import { countChunks } from '../../knowledge/store';
import { twinEntityCatalogue } from '../../knowledge/twin-entities';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: resolve(projectRoot, 'evals/retrieval-public/docs') },
    questions: { type: 'string', default: resolve(projectRoot, 'evals/retrieval-public/questions.json') },
    split: { type: 'string', default: 'dev' },
    out: { type: 'string', default: resolve(projectRoot, 'evals/out/retrieval-public.json') },
    misses: { type: 'boolean', default: false },
  },
});

const PublicQuestion = z.object({
  id: z.string(),
  question: z.string(),
  answers: z.array(z.object({ doc: z.string(), section: z.string(), contains: z.string() })).min(1),
  style: z.string(),
  split: z.enum(['dev', 'test']),
});
type PublicQuestion = z.infer<typeof PublicQuestion>;

const EVAL_K = 10;
const MODES: SearchMode[] = ['fulltext', 'vector', 'hybrid'];
const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether a passage holds the phrase, or the part of it on this side of a chunk boundary. */
function holdsPhrase(passage: string, phrase: string): boolean {
  const text = fold(passage);
  const words = fold(phrase).split(' ');
  if (text.includes(words.join(' '))) return true;
  const part = Math.ceil(words.length * 0.6);
  return text.includes(words.slice(0, part).join(' ')) || text.includes(words.slice(-part).join(' '));
}

type Score = { recallAt1: number; recallAt5: number; mrr: number; n: number };
function summarise(ranks: (number | undefined)[]): Score {
  const n = ranks.length;
  const within = (k: number) => ranks.filter((r) => r !== undefined && r <= k).length / Math.max(n, 1);
  return { recallAt1: within(1), recallAt5: within(5), mrr: ranks.reduce<number>((s, r) => s + (r === undefined ? 0 : 1 / r), 0) / Math.max(n, 1), n };
}

/** Plain BM25 (k1 1.2, b 0.75) over 800-character chunks cut at spaces, lower-cased word tokens, no stemming. */
function bm25Baseline(docs: { id: string; text: string }[]) {
  const chunks: { docId: string; text: string; terms: Map<string, number>; length: number }[] = [];
  const tokens = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  for (const doc of docs) {
    const words = doc.text.split(/\s+/).filter(Boolean);
    let current: string[] = [];
    let size = 0;
    const flush = () => {
      if (current.length === 0) return;
      const text = current.join(' ');
      const terms = new Map<string, number>();
      const list = tokens(text);
      for (const term of list) terms.set(term, (terms.get(term) ?? 0) + 1);
      chunks.push({ docId: doc.id, text, terms, length: list.length });
      current = [];
      size = 0;
    };
    for (const word of words) {
      if (size + word.length + 1 > 800) flush();
      current.push(word);
      size += word.length + 1;
    }
    flush();
  }
  const documentFrequency = new Map<string, number>();
  for (const chunk of chunks) for (const term of chunk.terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const averageLength = chunks.reduce((s, c) => s + c.length, 0) / Math.max(chunks.length, 1);
  return {
    chunks: chunks.length,
    search(query: string, k: number) {
      const terms = [...new Set(tokens(query))];
      const scored = chunks.map((chunk) => {
        let score = 0;
        for (const term of terms) {
          const tf = chunk.terms.get(term) ?? 0;
          if (tf === 0) continue;
          const df = documentFrequency.get(term) ?? 0;
          const idf = Math.log(1 + (chunks.length - df + 0.5) / (df + 0.5));
          score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * chunk.length) / averageLength));
        }
        return { chunk, score };
      });
      return scored
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((s) => s.chunk);
    },
  };
}

async function main(): Promise<void> {
  const all = z.array(PublicQuestion).parse(JSON.parse(readFileSync(args.questions!, 'utf8')));
  const split = args.split!;
  if (!['dev', 'test', 'all'].includes(split)) throw new Error(`--split must be dev, test or all, not "${split}"`);
  const questions: PublicQuestion[] = split === 'all' ? all : all.filter((q) => q.split === split);
  const files = readdirSync(args.docs!).filter((name) => !name.startsWith('.'));
  const docs = files.map((name) => ({ id: name, text: readFileSync(join(args.docs!, name), 'utf8') }));

  const db = await openEmbeddedDb({});
  try {
    await migrate(db);
    const kb = createKnowledgeBase({ db, embedder: localHashedEmbedder(), entities: twinEntityCatalogue() });
    const report = await kb.ingest([args.docs!]);
    for (const failed of report.results.filter((r) => r.status === 'failed')) console.error(`not ingested: ${failed.file}: ${failed.error?.message}`);
    const baseline = bm25Baseline(docs);

    const ranks: Record<string, (number | undefined)[]> = { bm25: [], fulltext: [], vector: [], hybrid: [], 'hybrid+rr': [], 'hybrid+sem': [] };
    const misses: { id: string; question: string; expected: string; got: string[] }[] = [];
    for (const question of questions) {
      const isHit = (docId: string, text: string) => question.answers.some((a) => a.doc === docId && holdsPhrase(text, a.contains));
      const baseHits = baseline.search(question.question, EVAL_K);
      const baseIndex = baseHits.findIndex((hit) => isHit(hit.docId, hit.text));
      ranks.bm25!.push(baseIndex >= 0 ? baseIndex + 1 : undefined);
      for (const mode of MODES) {
        const hits = await kb.search(question.question, { k: EVAL_K, mode, semantic: false });
        const index = hits.findIndex((hit) => isHit(hit.docId, `${hit.sectionPath.join(' ')} ${hit.body}`));
        ranks[mode]!.push(index >= 0 ? index + 1 : undefined);
      }
      const reranked = await kb.search(question.question, { k: EVAL_K, mode: 'hybrid', rerank: true, semantic: false });
      const rerankIndex = reranked.findIndex((hit) => isHit(hit.docId, `${hit.sectionPath.join(' ')} ${hit.body}`));
      ranks['hybrid+rr']!.push(rerankIndex >= 0 ? rerankIndex + 1 : undefined);
      // The default: hybrid with the semantic reranker.
      const hits = await kb.search(question.question, { k: EVAL_K });
      const index = hits.findIndex((hit) => isHit(hit.docId, `${hit.sectionPath.join(' ')} ${hit.body}`));
      ranks['hybrid+sem']!.push(index >= 0 ? index + 1 : undefined);
      // Misses are kept for dev only: the test split's questions are not for reading.
      if (split === 'dev' && (index < 0 || index >= 5))
        misses.push({
          id: question.id,
          question: question.question,
          expected: `${question.answers[0]!.doc} › ${question.answers[0]!.section} › "${question.answers[0]!.contains}"`,
          got: hits.slice(0, 3).map((h) => `${h.docId} › ${h.sectionPath.at(-1) ?? ''} › ${h.body.slice(0, 80).replace(/\s+/g, ' ')}`),
        });
    }
    const overall = Object.fromEntries(Object.entries(ranks).map(([name, list]) => [name, summarise(list)]));
    const byStyle: Record<string, Record<string, Score>> = {};
    for (const style of [...new Set(questions.map((q) => q.style))]) {
      const idx = questions.map((q, i) => (q.style === style ? i : -1)).filter((i) => i >= 0);
      byStyle[style] = Object.fromEntries(Object.entries(ranks).map(([name, list]) => [name, summarise(idx.map((i) => list[i]))]));
    }
    const result = {
      date: new Date().toISOString(),
      split,
      questions: questions.length,
      documents: files.length,
      chunks: { engine: await countChunks(db), bm25: baseline.chunks },
      overall,
      byStyle,
      defaultMissesAt5: misses,
    };
    console.log(
      `\nRetrieval on ${files.length} public documents, ${questions.length} questions (${split} split); engine ${result.chunks.engine} chunks, BM25 ${baseline.chunks}`,
    );
    console.log('method       recall@1  recall@5   MRR@10');
    for (const [name, score] of Object.entries(overall))
      console.log(`${name.padEnd(10)} ${score.recallAt1.toFixed(3).padStart(9)} ${score.recallAt5.toFixed(3).padStart(9)} ${score.mrr.toFixed(3).padStart(8)}`);
    for (const [style, scores] of Object.entries(byStyle))
      console.log(
        `  ${style}: ${Object.entries(scores)
          .map(([name, s]) => `${name} ${s.recallAt1.toFixed(2)}/${s.recallAt5.toFixed(2)}`)
          .join(', ')} (n=${scores.bm25!.n})`,
      );
    if (args.misses && split !== 'dev') console.log('\n--misses prints dev misses only: the test split is not for reading.');
    else if (args.misses)
      for (const miss of misses) console.log(`\nmiss ${miss.id}: ${miss.question}\n  want ${miss.expected}\n  got  ${miss.got.join('\n       ')}`);
    mkdirSync(dirname(args.out!), { recursive: true });
    writeFileSync(args.out!, JSON.stringify(result, null, 2));
    console.log(`\nJSON: ${args.out}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
