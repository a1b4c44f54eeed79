/**
 * Shift handover benchmark: an 8-hour simulated shift with ≥ 50,000 historian events (plus counter
 * samples on every line machine) produces its cited report in ≤ 3 s (target), on PGlite and, with a
 * URL, on PostgreSQL. Baseline in the same run: fetching the window's events through the historian's
 * generic `events()` query in pages of 10,000 — what a report would cost without the handover's
 * aggregated queries. Prints a table and writes evals/out/handover.json.
 *
 *   npx tsx evals/bench/handover.ts [--events 50000] [--runs 3] [--limit-s 3]
 *                                   [--pg-url postgres://postgres@127.0.0.1:5432/postgres | --pg-url none]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { selectEvents } from '../../connectors/historian/history-store';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { openPostgresDb } from '../../lib/db/postgres';
import { silentLogger } from '../../lib/log';
import { startHandoverService } from '../../tools/handover/service/handover-service';
import { renderMarkdown } from '../../tools/handover/engine/render-markdown';
import { renderPdf } from '../../tools/handover/service/render-pdf';
import { seedShift } from '../../tools/handover/testing/seed-shift';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    'limit-s': { type: 'string', default: '3' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    out: { type: 'string', default: join(projectRoot, 'evals/out/handover.json') },
  },
});
const targetEvents = Number(values.events);
const runs = Number(values.runs);
const limitS = Number(values['limit-s']);
const SHIFT_FROM = new Date('2025-01-15T05:00:00Z');

type Row = {
  database: string;
  events: number;
  samples: number;
  seedS: number;
  reportMedianS: number;
  reportMaxS: number;
  markdownS: number;
  pdfS: number;
  baselineEventFetchS: number;
  statements: number;
  citations: number;
  withinLimit: boolean;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

async function openFreshPostgres(adminUrl: string): Promise<{ db: Db; drop(): Promise<void> }> {
  const name = `plantpilot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDb({ url: url.toString() });
  return {
    db,
    async drop() {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function bench(database: string, db: Db): Promise<Row> {
  await migrate(db);
  let started = performance.now();
  const seeded = await seedShift(db, { from: SHIFT_FROM, targetEvents, boardPeriodS: 30 });
  const seedS = (performance.now() - started) / 1000;
  if (db.kind === 'postgres') await db.query('ANALYZE');

  const handovers = startHandoverService({ db, log: silentLogger, clock: () => new Date(seeded.to.getTime() + 120_000), automatic: false });
  const times: number[] = [];
  let built = await handovers.build({ shift: 'previous' });
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    built = await handovers.build({ shift: 'previous' });
    times.push((performance.now() - started) / 1000);
  }
  await handovers.stop();
  started = performance.now();
  renderMarkdown(built.report, built.summary);
  const markdownS = (performance.now() - started) / 1000;
  started = performance.now();
  await renderPdf(built.report, built.summary);
  const pdfS = (performance.now() - started) / 1000;

  // Baseline: page through every event of the window with the historian's generic query.
  started = performance.now();
  let fetched = 0;
  let cursor = seeded.from;
  for (;;) {
    const page = await selectEvents(db, { from: cursor, to: seeded.to, limit: 10_000 });
    fetched += page.length;
    if (page.length < 10_000) break;
    cursor = new Date(page[page.length - 1]!.time.getTime() + 1);
  }
  const baselineEventFetchS = (performance.now() - started) / 1000;

  const statements = built.report.sections.flatMap((section) => section.statements);
  return {
    database,
    events: seeded.events,
    samples: seeded.samples,
    seedS: round(seedS, 1),
    reportMedianS: round(median(times)),
    reportMaxS: round(Math.max(...times)),
    markdownS: round(markdownS),
    pdfS: round(pdfS),
    baselineEventFetchS: round(baselineEventFetchS),
    statements: statements.length,
    citations: statements.reduce((sum, s) => sum + s.citations.length, 0),
    withinLimit: Math.max(...times) <= limitS && fetched >= seeded.events * 0.99,
  };
}

const rows: Row[] = [];
{
  const db = await openEmbeddedDb({});
  try {
    rows.push(await bench('pglite', db));
  } finally {
    await db.close();
  }
}
if (values['pg-url'] && values['pg-url'] !== 'none') {
  try {
    const { db, drop } = await openFreshPostgres(values['pg-url']);
    try {
      rows.push(await bench('postgres', db));
    } finally {
      await drop();
    }
  } catch (error) {
    process.stderr.write(`PostgreSQL skipped: ${(error as Error).message}\n`);
  }
}

console.log(`\nShift handover: 8-hour shift, ≥ ${targetEvents} events, median of ${runs} runs after one warm-up; target ≤ ${limitS} s\n`);
console.table(rows);
const result = { benchmark: 'handover', at: new Date().toISOString(), cpus: cpus().length, node: process.version, targetEvents, runs, limitS, rows };
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, JSON.stringify(result, null, 2) + '\n');
console.log(`Wrote ${values.out}`);
if (!rows.every((row) => row.withinLimit)) process.exitCode = 1;
