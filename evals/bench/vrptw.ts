/**
 * VRPTW benchmark on Solomon's 56 instances and the Gehring & Homberger 200/400-customer sets, against
 * the best-known solutions in bks.json (fewest vehicles, then distance, unrounded Euclidean). Each
 * instance is solved twice in the same run: Solomon's I1 insertion (the construction baseline) and the
 * SISR search; both solutions go through the feasibility checker. Prints one table and a summary, and
 * writes evals/out/vrptw-<sets>.json.
 *
 *   npx tsx evals/bench/vrptw.ts [--data ../shared/data/vrptw] [--sets solomon,homberger_200,homberger_400]
 *     [--time-limit-s 10] [--instances R101,C2_2_1] [--per-class 1] [--seed 1] [--clock cpu|wall]
 *
 * The time limit is CPU time of this process by default (`--clock cpu`): the targets are "on one core",
 * and on a shared machine wall time would measure the neighbours' load instead. The search is single
 * threaded, so CPU time is the time one dedicated core would take.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkRoutes } from '../../tools/material/engine/feasibility';
import { solomonInsertion } from '../../tools/material/engine/insertion-baseline';
import { solveVrptw } from '../../tools/material/engine/solve';
import { parseSolomon } from '../../tools/material/io/solomon-format';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const BestKnown = z.object({
  name: z.string(),
  set: z.enum(['solomon', 'homberger_200', 'homberger_400']),
  customers: z.number(),
  file: z.string(),
  vehicles: z.number().int(),
  distance: z.number(),
});

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(projectRoot, '../shared/data/vrptw') },
    sets: { type: 'string', default: 'solomon' },
    'time-limit-s': { type: 'string', default: '10' },
    instances: { type: 'string' },
    'per-class': { type: 'string' },
    seed: { type: 'string', default: '1' },
    clock: { type: 'string', default: 'cpu' },
    out: { type: 'string' },
  },
});
const timeLimitS = Number(values['time-limit-s']);
const seed = Number(values.seed);
const perClass = values['per-class'] === undefined ? Infinity : Number(values['per-class']);
if (!(timeLimitS > 0)) throw new Error('--time-limit-s must be a positive number of seconds');
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
if (!(perClass >= 1)) throw new Error('--per-class must be a positive whole number');
if (values.clock !== 'cpu' && values.clock !== 'wall') throw new Error('--clock must be cpu or wall');
const clock = values.clock === 'cpu' ? { now: () => process.cpuUsage().user / 1000 } : { now: () => performance.now() };
const sets = values.sets!.split(',').map((s) => s.trim());
const bksPath = join(values.data!, 'bks.json');
let bks: z.infer<typeof BestKnown>[];
try {
  bks = z.array(BestKnown).parse(JSON.parse(readFileSync(bksPath, 'utf8')));
} catch (error) {
  throw new Error(`Cannot read the best-known solutions at ${bksPath} (${(error as Error).message}). Pass --data <folder of shared/data/vrptw>.`);
}

/** C1, C2, R1, R2, RC1, RC2: the letters and the first digit of the name. */
const classOf = (name: string) => /^[A-Z]+\d/.exec(name)?.[0] ?? name;
const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const wanted = values.instances ? new Set(values.instances.split(',').map((s) => s.trim().toUpperCase())) : undefined;
const taken = new Map<string, number>();
const selected = bks
  .filter((record) => sets.includes(record.set) && (!wanted || wanted.has(record.name.toUpperCase())))
  .sort((a, b) => sets.indexOf(a.set) - sets.indexOf(b.set) || naturalOrder(a.name, b.name))
  .filter((record) => {
    const key = `${record.set}/${classOf(record.name)}`;
    const count = taken.get(key) ?? 0;
    taken.set(key, count + 1);
    return count < perClass;
  });
if (selected.length === 0) throw new Error(`No instances selected from ${bksPath} (sets ${sets.join(', ')}).`);

interface Row {
  set: string;
  instance: string;
  bestKnownVehicles: number;
  bestKnownDistance: number;
  baselineVehicles: number;
  baselineDistance: number;
  baselineFeasible: boolean;
  vehicles: number;
  distance: number;
  /** Distance gap to the best known in %, meaningful where `vehicles` equals the best-known count. */
  gapPct: number;
  feasible: boolean;
  violations: string[];
  bestFoundAfterS: number;
  timeS: number;
  iterations: number;
  eliminationIterations: number;
  /** When route elimination reached each vehicle count (s). */
  eliminations: { vehicles: number; atS: number }[];
}

const gap = (value: number, reference: number) => (100 * (value - reference)) / reference;
const widths = [12, 8, 13, 6, 13, 7, 7, 7, 9, 8];
const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(widths[i])).join(' ');
console.log(
  `VRPTW benchmark: ${selected.length} instances (${sets.join(', ')}), ${timeLimitS} s ${values.clock} time each, seed ${seed}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
);
console.log(line(['instance', 'bks V', 'bks D', 'I1 V', 'I1 D', 'V', 'D', 'gap%', 'best@s', 'feasible']));

const rows: Row[] = [];
for (const record of selected) {
  const file = join(values.data!, record.file);
  const problem = parseSolomon(readFileSync(file, 'utf8'), file);
  const baseline = solomonInsertion(problem);
  const baselineCheck = checkRoutes(problem, baseline.routes);
  const result = solveVrptw(problem, { seed, timeLimitMs: timeLimitS * 1000 }, clock);
  const check = checkRoutes(problem, result.routes);
  const row: Row = {
    set: record.set,
    instance: record.name,
    bestKnownVehicles: record.vehicles,
    bestKnownDistance: record.distance,
    baselineVehicles: baselineCheck.vehicles,
    baselineDistance: baselineCheck.distance,
    baselineFeasible: baselineCheck.violations.length === 0,
    vehicles: check.vehicles,
    distance: check.distance,
    gapPct: gap(check.distance, record.distance),
    feasible: check.violations.length === 0,
    violations: check.violations.slice(0, 5),
    bestFoundAfterS: result.bestFoundAfterMs / 1000,
    timeS: result.elapsedMs / 1000,
    iterations: result.iterations,
    eliminationIterations: result.eliminationIterations,
    eliminations: result.eliminations.map((e) => ({ vehicles: e.vehicles, atS: Math.round(e.atMs) / 1000 })),
  };
  rows.push(row);
  const vehicles = row.vehicles === row.bestKnownVehicles ? `${row.vehicles}` : `${row.vehicles}${row.vehicles > row.bestKnownVehicles ? '+' : '!'}`;
  console.log(
    line([
      row.instance,
      row.bestKnownVehicles,
      row.bestKnownDistance.toFixed(2),
      row.baselineVehicles,
      row.baselineDistance.toFixed(2),
      vehicles,
      row.distance.toFixed(2),
      row.vehicles === row.bestKnownVehicles ? row.gapPct.toFixed(2) : '-',
      row.bestFoundAfterS.toFixed(1),
      row.feasible && row.baselineFeasible ? 'yes' : 'NO',
    ]),
  );
  for (const violation of row.violations) console.log(`    violation: ${violation}`);
}

interface Summary {
  instances: number;
  atBestKnownVehicles: number;
  atBestKnownVehiclesPct: number;
  oneVehicleAbove: number;
  moreThanOneAbove: number;
  belowBestKnown: number;
  meanGapPctWhereVehiclesMatch: number | null;
  baselineAtBestKnownVehicles: number;
  baselineMeanVehiclesAbove: number;
  baselineMeanGapPctWhereVehiclesMatch: number | null;
  allFeasible: boolean;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
function summarise(group: Row[]): Summary {
  const matched = group.filter((r) => r.vehicles === r.bestKnownVehicles);
  const baselineMatched = group.filter((r) => r.baselineVehicles === r.bestKnownVehicles);
  return {
    instances: group.length,
    atBestKnownVehicles: matched.length,
    atBestKnownVehiclesPct: (100 * matched.length) / group.length,
    oneVehicleAbove: group.filter((r) => r.vehicles === r.bestKnownVehicles + 1).length,
    moreThanOneAbove: group.filter((r) => r.vehicles > r.bestKnownVehicles + 1).length,
    belowBestKnown: group.filter((r) => r.vehicles < r.bestKnownVehicles).length,
    meanGapPctWhereVehiclesMatch: mean(matched.map((r) => r.gapPct)),
    baselineAtBestKnownVehicles: baselineMatched.length,
    baselineMeanVehiclesAbove: mean(group.map((r) => r.baselineVehicles - r.bestKnownVehicles)) ?? 0,
    baselineMeanGapPctWhereVehiclesMatch: mean(baselineMatched.map((r) => gap(r.baselineDistance, r.bestKnownDistance))),
    allFeasible: group.every((r) => r.feasible && r.baselineFeasible),
  };
}

const fmt = (x: number | null) => (x === null ? '-' : x.toFixed(2));
const summaries: Record<string, Summary> = {};
console.log('\nsummary                 inst  at-bks-V  +1  >+1  below  gap%(V=)  | I1 at-bks-V  I1 mean V above  I1 gap%(V=)  feasible');
const groups = new Map<string, Row[]>();
for (const row of rows) {
  for (const key of [`${row.set}/${classOf(row.instance)}`, row.set]) groups.set(key, [...(groups.get(key) ?? []), row]);
}
for (const [key, group] of [...groups].sort(([a], [b]) => naturalOrder(a, b))) {
  const s = (summaries[key] = summarise(group));
  console.log(
    `${key.padEnd(22)} ${String(s.instances).padStart(5)} ${`${s.atBestKnownVehicles} (${s.atBestKnownVehiclesPct.toFixed(0)}%)`.padStart(9)} ${String(s.oneVehicleAbove).padStart(3)} ${String(s.moreThanOneAbove).padStart(4)} ${String(s.belowBestKnown).padStart(6)} ${fmt(s.meanGapPctWhereVehiclesMatch).padStart(9)}  | ${String(s.baselineAtBestKnownVehicles).padStart(11)} ${s.baselineMeanVehiclesAbove.toFixed(2).padStart(16)} ${fmt(s.baselineMeanGapPctWhereVehiclesMatch).padStart(12)}  ${s.allFeasible ? 'yes' : 'NO'}`,
  );
}

const out = values.out ?? join(projectRoot, `evals/out/vrptw-${sets.join('+')}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    { timeLimitS, clock: values.clock, seed, cpu: cpus()[0]?.model, node: process.version, date: new Date().toISOString(), summaries, rows },
    null,
    2,
  ) + '\n',
);
console.log(`\nWrote ${out}`);
if (!rows.every((r) => r.feasible && r.baselineFeasible)) process.exitCode = 1;
