/**
 * Job-shop benchmark on the classical JSPLIB instances: dispatching-rule baseline and tabu search, in the
 * same run, against the best-known makespans (bounds.json). Prints one table and writes
 * evals/out/jssp.json.
 *
 *   npx tsx evals/bench/jssp.ts [--data data/jsplib] [--time-limit-s 30] [--instances la|ta|ta01-20|ta21-50|ft|abz|orb|all|ft10,la01]
 *        [--seed 1] [--clock cpu|wall] [--workers 1] [--independent]
 *
 * `ta` is all 80 Taillard instances (15×15 to 100×20); the summary gives the mean gap per family and,
 * for Taillard, per size group of ten. The time limit is CPU time of this process by default
 * (`--clock cpu`): the targets are "on one core", and on a shared machine wall time measures the
 * neighbours. The solver is single-threaded, so CPU time and one core's wall time agree on a quiet
 * machine.
 *
 * `--workers N` (N ≥ 2) runs the parallel mode (`solveParallel`: N cooperating searches in worker threads,
 * seeds seed … seed + N − 1). Clock rule there: `--time-limit-s` is per worker, and with `--clock cpu` the
 * budget is process-wide, N × the limit of CPU time of this process (all threads together; Node 20 has no
 * per-thread CPU clock): each worker reads the process's CPU time divided by N, so the searches stop
 * together when the process has used N × limit. A worker starved by the neighbours therefore leaves its
 * share to the other. Worker start-up (loading TypeScript) is outside the budget: the clock starts when
 * every worker is ready. The wall time of each solve (start-up included) and the load average before and
 * after it are recorded too; best@s and time s are in per-worker CPU seconds (process CPU / N).
 * `--independent` switches the exchange off (N independent seeds, the best kept), for comparison.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseJssp } from '../../tools/scheduling/engine/jssp-format';
import { solve } from '../../tools/scheduling/engine/solve';
import { solveParallel } from '../../tools/scheduling/io/solve-parallel';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const range = (prefix: string, from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);
const SETS: Record<string, string[]> = {
  ft: ['ft06', 'ft10', 'ft20'],
  la: range('la', 1, 40, 2),
  abz: range('abz', 5, 9, 1),
  orb: range('orb', 1, 10, 2),
  ta: range('ta', 1, 80, 2),
  'ta01-20': range('ta', 1, 20, 2),
  'ta21-50': range('ta', 21, 50, 2),
};
SETS.all = [...SETS.ft!, ...SETS.la!, ...SETS.abz!, ...SETS.orb!, ...SETS.ta!];

const Bound = z.object({ name: z.string(), path: z.string(), lower_bound: z.number(), upper_bound_bks: z.number() });

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(projectRoot, 'data/jsplib') },
    'time-limit-s': { type: 'string', default: '30' },
    instances: { type: 'string', default: 'all' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: join(projectRoot, 'evals/out/jssp.json') },
    clock: { type: 'string', default: 'cpu' },
    workers: { type: 'string', default: '1' },
    /** With --workers N: no solution exchange between the workers (an independent portfolio of seeds). */
    independent: { type: 'boolean', default: false },
  },
});
if (values.clock !== 'cpu' && values.clock !== 'wall') throw new Error('--clock must be cpu or wall');
const clock = values.clock === 'cpu' ? { now: () => process.cpuUsage().user / 1000 } : { now: () => performance.now() };
const timeLimitS = Number(values['time-limit-s']);
const seed = Number(values.seed);
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be a positive whole number');
if (!(timeLimitS > 0) || !Number.isInteger(seed)) throw new Error('--time-limit-s must be a positive number and --seed an integer');
const names = values.instances!.split(',').flatMap((item) => SETS[item.trim()] ?? [item.trim()]);
const bounds = new Map(
  z
    .array(Bound)
    .parse(JSON.parse(readFileSync(join(values.data!, 'bounds.json'), 'utf8')))
    .map((b) => [b.name, b]),
);

interface Row {
  instance: string;
  size: string;
  lowerBound: number;
  bestKnown: number;
  dispatchRule: string;
  dispatchMakespan: number;
  dispatchGapPct: number;
  makespan: number;
  gapPct: number;
  feasible: boolean;
  bestFoundAfterS: number;
  timeS: number;
  iterations: number;
  /** Wall-clock seconds of the solve (worker start-up included in the parallel mode). */
  wallS: number;
  /** One-minute load average before and after the solve. */
  load: [number, number];
  /** Parallel mode: each worker's makespan, and the worker whose schedule was returned. */
  workerMakespans?: number[];
  chosenWorker?: number;
}

const gap = (value: number, reference: number) => (100 * (value - reference)) / reference;
const rows: Row[] = [];
const header = ['instance', 'size', 'bks', 'dispatch', 'gap%', 'tabu', 'gap%', 'best@s', 'time s', 'feasible', 'wall s', 'load', 'workers'];
const widths = [9, 7, 6, 14, 7, 6, 7, 7, 7, 8, 7, 5, 12];
const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(widths[i]!)).join(' ');
console.log(
  `JSSP benchmark: ${names.length} instances, ${timeLimitS} s ${values.clock} time each${workers > 1 ? ` per worker, ${workers} ${values.independent ? 'independent' : 'cooperating'} workers (process-wide budget)` : ''}, seed ${seed}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
);
console.log(line(header));

for (const name of names) {
  const bound = bounds.get(name);
  if (!bound) throw new Error(`Unknown instance ${name}: it is not in ${join(values.data!, 'bounds.json')}`);
  const file = join(values.data!, bound.path);
  const problem = parseJssp(readFileSync(file, 'utf8'), file, name);
  // Stopping at a proven optimum (lower bound = best known) only saves time; it never changes the makespan.
  const targetValue = bound.lower_bound === bound.upper_bound_bks ? bound.lower_bound : undefined;
  const loadBefore = loadavg()[0]!;
  const wallStart = performance.now();
  const options = { timeLimitMs: timeLimitS * 1000, seed, targetValue };
  const parallel =
    workers > 1 ? await solveParallel(problem, options, { workers, clock: values.clock === 'cpu' ? 'cpu' : 'wall', exchange: !values.independent }) : undefined;
  const result = parallel ?? solve(problem, options, clock);
  const wallS = (performance.now() - wallStart) / 1000;
  const row: Row = {
    instance: name,
    size: `${problem.jobs.length}x${problem.machineCount}`,
    lowerBound: bound.lower_bound,
    bestKnown: bound.upper_bound_bks,
    dispatchRule: result.baseline.rule,
    dispatchMakespan: result.baseline.makespan,
    dispatchGapPct: gap(result.baseline.makespan, bound.upper_bound_bks),
    makespan: result.makespan,
    gapPct: gap(result.makespan, bound.upper_bound_bks),
    feasible: result.violations.length === 0 && result.makespan >= bound.lower_bound,
    bestFoundAfterS: (result.bestFoundAfterMs ?? 0) / 1000,
    timeS: (result.elapsedMs ?? 0) / 1000,
    iterations: result.iterations,
    wallS,
    load: [loadBefore, loadavg()[0]!],
    ...(parallel ? { workerMakespans: parallel.workers.map((w) => w.value), chosenWorker: parallel.chosenWorker } : {}),
  };
  rows.push(row);
  console.log(
    line([
      name,
      row.size,
      row.bestKnown,
      `${row.dispatchMakespan} ${row.dispatchRule}`,
      row.dispatchGapPct.toFixed(2),
      row.makespan,
      row.gapPct.toFixed(2),
      row.bestFoundAfterS.toFixed(1),
      row.timeS.toFixed(1),
      row.feasible ? 'yes' : 'NO',
      row.wallS.toFixed(1),
      row.load[1].toFixed(1),
      row.workerMakespans?.join('/') ?? '-',
    ]),
  );
}

// Taillard instances come in groups of ten of one size (ta01–10 15×15 … ta71–80 100×20): the
// published results are compared per group, so the summary groups them so too.
const groupOf = (instance: string) => {
  const taillard = /^ta(\d+)$/.exec(instance);
  if (!taillard) return instance.replace(/\d+$/, '');
  const first = Math.floor((Number(taillard[1]) - 1) / 10) * 10 + 1;
  return `ta${String(first).padStart(2, '0')}-${String(first + 9).padStart(2, '0')}`;
};
const families = [...new Set(rows.map((r) => groupOf(r.instance)))];
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
const summary = families.map((family) => {
  const members = rows.filter((r) => groupOf(r.instance) === family);
  return {
    family,
    size: [...new Set(members.map((r) => r.size))].join(','),
    instances: members.length,
    meanDispatchGapPct: mean(members.map((r) => r.dispatchGapPct)),
    meanGapPct: mean(members.map((r) => r.gapPct)),
    atBestKnown: members.filter((r) => r.makespan <= r.bestKnown).length,
    allFeasible: members.every((r) => r.feasible),
  };
});
console.log('\nfamily     size    n   dispatch mean gap%   tabu mean gap%   at best-known   feasible');
for (const s of summary) {
  console.log(
    `${s.family.padEnd(10)} ${s.size.padEnd(7)} ${String(s.instances).padStart(2)} ${s.meanDispatchGapPct.toFixed(2).padStart(20)} ${s.meanGapPct.toFixed(2).padStart(16)} ${`${s.atBestKnown}/${s.instances}`.padStart(15)} ${s.allFeasible ? 'yes' : 'NO'}`,
  );
}
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(
  values.out!,
  JSON.stringify(
    { timeLimitS, clock: values.clock, seed, workers, independent: values.independent, cpu: cpus()[0]?.model ?? null, node: process.version, rows, summary },
    null,
    2,
  ),
);
console.log(`\nwrote ${values.out}`);
