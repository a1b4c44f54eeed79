/**
 * DeepPCB benchmark for the AOI engine: precision, recall, F1 and mAP with DeepPCB's match
 * rule (IoU > 0.33, same class), per class, on a fixed holdout part of trainval that no
 * tuning has seen, plus decode and detection throughput on one core. A naive baseline (plain
 * XOR difference, no tolerance or cleaning) runs on the same pairs for comparison. Throughput is
 * reported by wall clock and by this process's CPU time, with the load average, because a shared
 * machine's wall clock says more about the neighbours than about the engine.
 *
 *   npx tsx evals/bench/deeppcb.ts [--data data/deeppcb] [--split holdout|tune|all]
 *                                  [--limit N] [--score-threshold 0.5 (the CLI default)] [--options '{"minAreaPx":10}']
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import sharp from 'sharp';
import { deepPcbSplitOf, parseAnnotations, parsePairList } from '../../tools/inspection/engine/deeppcb-format';
import type { LabeledBox } from '../../tools/inspection/engine/defect-types';
import { detectDefects, type DetectOptions } from '../../tools/inspection/engine/detect';
import type { GrayImage } from '../../tools/inspection/engine/gray-image';
import { readImagePair } from '../../tools/inspection/io/image-io';
import { evaluateDetections, type Evaluation } from '../../tools/inspection/engine/metrics';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const BASELINE: DetectOptions = { edgeTolerancePx: 0, openSizePx: 1, minSeedAreaPx: 3, minAreaPx: 12, localWarp: false };

type Pair = { id: string; template: GrayImage; test: GrayImage; truth: LabeledBox[] };

/** CPU time of this process in ms: unlike wall time, not inflated when other work shares the cores. */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1000;
}

function runDetector(pairs: Pair[], options: DetectOptions, scoreThreshold: number) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const results = pairs.map((pair) => ({ truth: pair.truth, detections: detectDefects(pair.template, pair.test, options).defects }));
  const detectMs = performance.now() - started;
  const detectCpuMs = cpuMs(cpuStarted);
  return { evaluation: evaluateDetections(results, { scoreThreshold }), detectMs, detectCpuMs };
}

function pct(value: number): string {
  return (100 * value).toFixed(1).padStart(6);
}

function printTable(title: string, evaluation: Evaluation): void {
  console.log(`\n${title}`);
  console.log('class        truth   det    tp   prec    rec     f1     AP');
  for (const c of evaluation.perClass) {
    console.log(
      `${c.name.padEnd(10)} ${String(c.truthCount).padStart(7)} ${String(c.detectionCount).padStart(5)} ` +
        `${String(c.truePositives).padStart(5)} ${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)} ${pct(c.averagePrecision)}`,
    );
  }
  const e = evaluation;
  console.log(
    `${'all'.padEnd(10)} ${String(e.truthCount).padStart(7)} ${String(e.detectionCount).padStart(5)} ` +
      `${String(e.truePositives).padStart(5)} ${pct(e.precision)} ${pct(e.recall)} ${pct(e.f1)} ${pct(e.meanAveragePrecision)}  (AP column = mAP)`,
  );
}

async function main(): Promise<void> {
  const program = new Command()
    .option('--data <dir>', 'DeepPCB trainval folder', path.resolve(projectRoot, 'data/deeppcb'))
    .option('--split <split>', 'holdout | tune | all', 'holdout')
    .option('--limit <n>', 'at most this many pairs', (v) => Number.parseInt(v, 10))
    .option('--score-threshold <p>', 'confidence at which precision/recall/F1 are reported', Number.parseFloat, 0.5)
    .option('--options <json>', 'detector option overrides as JSON', '{}')
    .option('--no-baseline', 'skip the naive baseline')
    .parse();
  const flags = program.opts<{ data: string; split: string; limit?: number; scoreThreshold: number; options: string; baseline: boolean }>();
  if (!['holdout', 'tune', 'all'].includes(flags.split)) throw new Error(`--split must be holdout, tune or all, not ${flags.split}`);
  sharp.concurrency(1);

  const root = path.join(flags.data, 'PCBData');
  let entries = parsePairList(await readFile(path.join(root, 'trainval.txt'), 'utf8'), 'trainval.txt');
  entries.sort((a, b) => a.id.localeCompare(b.id));
  if (flags.split !== 'all') entries = entries.filter((e) => deepPcbSplitOf(e.id) === flags.split);
  if (flags.limit !== undefined) entries = entries.slice(0, flags.limit);

  const decodeStarted = performance.now();
  const decodeCpuStarted = process.cpuUsage();
  const pairs: Pair[] = [];
  for (const entry of entries) {
    const { template, test } = await readImagePair(path.join(root, entry.templatePath), path.join(root, entry.testPath));
    pairs.push({ id: entry.id, template, test, truth: [] });
  }
  const decodeMs = performance.now() - decodeStarted;
  const decodeCpuMs = cpuMs(decodeCpuStarted);
  for (const [index, entry] of entries.entries()) {
    pairs[index].truth = parseAnnotations(await readFile(path.join(root, entry.annotationPath), 'utf8'), entry.annotationPath);
  }

  const options = JSON.parse(flags.options) as DetectOptions;
  const engine = runDetector(pairs, options, flags.scoreThreshold);
  const baseline = flags.baseline ? runDetector(pairs, BASELINE, flags.scoreThreshold) : undefined;

  console.log(`DeepPCB trainval, split=${flags.split}, ${pairs.length} pairs, score threshold ${flags.scoreThreshold}`);
  printTable('AOI engine', engine.evaluation);
  if (baseline) printTable('baseline (plain XOR difference)', baseline.evaluation);
  const decodePairsPerS = pairs.length / (decodeMs / 1000);
  const detectPairsPerS = pairs.length / (engine.detectMs / 1000);
  const endToEndPairsPerS = pairs.length / ((decodeMs + engine.detectMs) / 1000);
  const decodeCpuPairsPerS = pairs.length / (decodeCpuMs / 1000);
  const detectCpuPairsPerS = pairs.length / (engine.detectCpuMs / 1000);
  const loadAverage = os.loadavg()[0];
  console.log(
    `\nthroughput (one core): decode ${decodePairsPerS.toFixed(1)} pairs/s, detect ${detectPairsPerS.toFixed(1)} pairs/s, ` +
      `decode+detect ${endToEndPairsPerS.toFixed(1)} pairs/s (wall clock)`,
  );
  console.log(
    `                       decode ${decodeCpuPairsPerS.toFixed(1)} pairs/s, detect ${detectCpuPairsPerS.toFixed(1)} pairs/s ` +
      `(CPU time of this process; load average ${loadAverage.toFixed(2)} on ${os.cpus().length} cores)`,
  );

  const outDir = path.join(projectRoot, 'evals/out');
  await mkdir(outDir, { recursive: true });
  const report = {
    bench: 'deeppcb',
    split: flags.split,
    pairs: pairs.length,
    scoreThreshold: flags.scoreThreshold,
    options,
    engine: engine.evaluation,
    baseline: baseline?.evaluation,
    throughput: {
      decodeMs,
      detectMs: engine.detectMs,
      decodePairsPerS,
      detectPairsPerS,
      endToEndPairsPerS,
      decodeCpuMs,
      detectCpuMs: engine.detectCpuMs,
      decodeCpuPairsPerS,
      detectCpuPairsPerS,
      loadAverage,
    },
  };
  await writeFile(path.join(outDir, 'deeppcb.json'), JSON.stringify(report, null, 2));
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'deeppcb.json'))}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
