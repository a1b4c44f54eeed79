/**
 * DeepPCB benchmark for the AOI engine: precision, recall, F1 and mAP with DeepPCB's match
 * rule (IoU > 0.33, same class), per class, plus decode and detection throughput on one core.
 * A naive baseline (plain XOR difference, no tolerance or cleaning) runs on the same pairs for
 * comparison. Throughput is reported by wall clock and by this process's CPU time, with the load
 * average, because a shared machine's wall clock says more about the neighbours than about the engine.
 *
 * Splits of trainval (the DeepPCB test split is not used):
 *   holdout | tune | all   the fixed FNV-hash holdout (hash mod 5 = 0), the rest, or everything;
 *   cv                     k-fold cross-validation over all of trainval: `--fold-by hash` puts a pair
 *                          in fold hash(id) mod k (fold 0 of 5 is the fixed holdout), `--fold-by group`
 *                          leaves one board group (DeepPCB folder) out per fold — a harder test of
 *                          unseen boards. Each fold is scored on its own; the mean ± std and min–max over folds follow.
 *
 * `--fit-model` refits the confidence model (confidence.ts) by logistic regression: in cv on the
 * training folds only, scoring the held-out fold with it (so the cross-validation stays honest),
 * and once more on all the pairs of the run, which prints the coefficients to ship. Detection
 * itself (regions, boxes, classes) does not depend on the model, so it runs once per pair.
 *
 *   npx tsx evals/bench/deeppcb.ts [--data data/deeppcb] [--split holdout|tune|all|cv] [--folds 5]
 *                                  [--fold-by hash|group] [--fit-model] [--limit N]
 *                                  [--score-threshold 0.5 (the CLI default)] [--options '{"minAreaPx":10}']
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import sharp from 'sharp';
import type { ConfidenceModel, DefectRegion } from '../../tools/inspection/engine/confidence';
import { fitConfidenceModel, type LabeledRegion } from '../../tools/inspection/engine/confidence-fit';
import { deepPcbFoldOf, deepPcbGroupOf, deepPcbSplitOf, parseAnnotations, parsePairList } from '../../tools/inspection/engine/deeppcb-format';
import { DEFECT_NAMES, type Defect, type LabeledBox } from '../../tools/inspection/engine/defect-types';
import { findDefectRegions, regionsToDefects, type DetectOptions } from '../../tools/inspection/engine/detect';
import type { GrayImage } from '../../tools/inspection/engine/gray-image';
import { evaluateDetections, matchDetections, type Evaluation } from '../../tools/inspection/engine/metrics';
import { readImagePair } from '../../tools/inspection/io/image-io';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Plain XOR difference: no edge tolerance, cleaning, warp or class merge (pinned, so engine defaults do not move it). */
const BASELINE: DetectOptions = {
  edgeTolerancePx: 0,
  openSizePx: 1,
  minSeedAreaPx: 3,
  minAreaPx: 12,
  localWarp: false,
  mergeGapPx: 3,
  splitOpenPx: 1,
  classMergeGapPx: -1,
  boxPadPx: 8,
};

type Pair = { id: string; group: string; template: GrayImage; test: GrayImage; truth: LabeledBox[] };
/** One pair's regions (model-independent) and the defects the shipped model reports for them. */
type Detected = { regions: DefectRegion[]; defects: Defect[] };

/** CPU time of this process in ms: unlike wall time, not inflated when other work shares the cores. */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1000;
}

/** Detection on every pair, timed: regions and the reported defects, exactly what `detectDefects` does. */
function runDetector(pairs: Pair[], options: DetectOptions) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const detected: Detected[] = pairs.map((pair) => {
    const { regions } = findDefectRegions(pair.template, pair.test, options);
    return { regions, defects: regionsToDefects(regions, options, pair.template.widthPx, pair.template.heightPx) };
  });
  return { detected, detectMs: performance.now() - started, detectCpuMs: cpuMs(cpuStarted) };
}

const labelCache = new WeakMap<Detected, boolean[]>();

/** Regions labelled by the DeepPCB rule: positive when the region's box matches a truth box of its class. */
function labelRegions(pairs: Pair[], detected: Detected[], indices: number[], options: DetectOptions): LabeledRegion[] {
  const samples: LabeledRegion[] = [];
  for (const i of indices) {
    let correct = labelCache.get(detected[i]);
    if (!correct) {
      const { template } = pairs[i];
      // One defect per region, in region order, scored by the shipped model for the match order.
      const defects = detected[i].regions.map((region) => regionsToDefects([region], { ...options, minConfidence: 0 }, template.widthPx, template.heightPx)[0]);
      correct = matchDetections(pairs[i].truth, defects);
      labelCache.set(detected[i], correct);
    }
    const labels = correct;
    detected[i].regions.forEach((region, k) => samples.push({ region, positive: labels[k] }));
  }
  return samples;
}

function evaluate(pairs: Pair[], detected: Detected[], indices: number[], options: DetectOptions, scoreThreshold: number, model?: ConfidenceModel): Evaluation {
  const images = indices.map((i) => ({
    truth: pairs[i].truth,
    detections: model
      ? regionsToDefects(detected[i].regions, { ...options, confidenceModel: model }, pairs[i].template.widthPx, pairs[i].template.heightPx)
      : detected[i].defects,
  }));
  return evaluateDetections(images, { scoreThreshold });
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

/** The figures summarised over folds, in percent. */
function foldFigures(e: Evaluation): Record<string, number> {
  const figures: Record<string, number> = { precision: 100 * e.precision, recall: 100 * e.recall, f1: 100 * e.f1, mAP: 100 * e.meanAveragePrecision };
  for (const c of e.perClass) figures[`AP ${c.name}`] = 100 * c.averagePrecision;
  return figures;
}

type Spread = { mean: number; std: number; min: number; max: number };

/** Mean, sample standard deviation, min and max of each figure over folds. */
function spreadOf(folds: Array<Record<string, number>>): Record<string, Spread> {
  const out: Record<string, Spread> = {};
  for (const key of Object.keys(folds[0] ?? {})) {
    const values = folds.map((f) => f[key]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : 0;
    out[key] = { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
  }
  return out;
}

function printFolds(title: string, folds: Array<{ name: string; pairs: number; evaluation: Evaluation }>): Record<string, Spread> {
  const figures = folds.map((f) => foldFigures(f.evaluation));
  const keys = ['precision', 'recall', 'f1', 'mAP', ...DEFECT_NAMES.map((name) => `AP ${name}`)];
  const head = keys.map((k) => k.replace('AP ', '').slice(0, 9).padStart(9)).join('');
  console.log(`\n${title} (per-class columns are AP)`);
  console.log(`${'fold'.padEnd(12)}${'pairs'.padStart(6)}${head}`);
  folds.forEach((f, i) => console.log(`${f.name.padEnd(12)}${String(f.pairs).padStart(6)}${keys.map((k) => figures[i][k].toFixed(2).padStart(9)).join('')}`));
  const spread = spreadOf(figures);
  console.log(`${'mean'.padEnd(18)}${keys.map((k) => spread[k].mean.toFixed(2).padStart(9)).join('')}`);
  console.log(`${'± std'.padEnd(18)}${keys.map((k) => spread[k].std.toFixed(2).padStart(9)).join('')}`);
  console.log(`${'min'.padEnd(18)}${keys.map((k) => spread[k].min.toFixed(2).padStart(9)).join('')}`);
  console.log(`${'max'.padEnd(18)}${keys.map((k) => spread[k].max.toFixed(2).padStart(9)).join('')}`);
  return spread;
}

async function main(): Promise<void> {
  const program = new Command()
    .option('--data <dir>', 'DeepPCB trainval folder', path.resolve(projectRoot, 'data/deeppcb'))
    .option('--split <split>', 'holdout | tune | all | cv', 'holdout')
    .option('--folds <k>', 'folds for --split cv with --fold-by hash', (v) => Number.parseInt(v, 10), 5)
    .option('--fold-by <key>', 'hash (pair id) | group (leave one board group out)', 'hash')
    .option('--fit-model', 'refit the confidence model on the training folds (and print the fit on all pairs)', false)
    .option('--l2 <lambda>', 'ridge penalty of the confidence-model fit', Number.parseFloat, 1)
    .option('--limit <n>', 'at most this many pairs', (v) => Number.parseInt(v, 10))
    .option('--score-threshold <p>', 'confidence at which precision/recall/F1 are reported', Number.parseFloat, 0.5)
    .option('--options <json>', 'detector option overrides as JSON', '{}')
    .option('--no-baseline', 'skip the naive baseline')
    .parse();
  const flags = program.opts<{
    data: string;
    split: string;
    folds: number;
    foldBy: string;
    fitModel: boolean;
    l2: number;
    limit?: number;
    scoreThreshold: number;
    options: string;
    baseline: boolean;
  }>();
  if (!['holdout', 'tune', 'all', 'cv'].includes(flags.split)) throw new Error(`--split must be holdout, tune, all or cv, not ${flags.split}`);
  if (!['hash', 'group'].includes(flags.foldBy)) throw new Error(`--fold-by must be hash or group, not ${flags.foldBy}`);
  if (flags.split === 'cv' && flags.foldBy === 'hash' && !(flags.folds >= 2)) throw new Error(`--folds must be at least 2, not ${flags.folds}`);
  sharp.concurrency(1);

  const root = path.join(flags.data, 'PCBData');
  let entries = parsePairList(await readFile(path.join(root, 'trainval.txt'), 'utf8'), 'trainval.txt');
  entries.sort((a, b) => a.id.localeCompare(b.id));
  if (flags.split === 'holdout' || flags.split === 'tune') entries = entries.filter((e) => deepPcbSplitOf(e.id) === flags.split);
  if (flags.limit !== undefined) entries = entries.slice(0, flags.limit);

  const decodeStarted = performance.now();
  const decodeCpuStarted = process.cpuUsage();
  const pairs: Pair[] = [];
  for (const entry of entries) {
    const { template, test } = await readImagePair(path.join(root, entry.templatePath), path.join(root, entry.testPath));
    pairs.push({ id: entry.id, group: deepPcbGroupOf(entry), template, test, truth: [] });
  }
  const decodeMs = performance.now() - decodeStarted;
  const decodeCpuMs = cpuMs(decodeCpuStarted);
  for (const [index, entry] of entries.entries()) {
    pairs[index].truth = parseAnnotations(await readFile(path.join(root, entry.annotationPath), 'utf8'), entry.annotationPath);
  }

  const options = JSON.parse(flags.options) as DetectOptions;
  const engine = runDetector(pairs, options);
  const baseline = flags.baseline ? runDetector(pairs, BASELINE) : undefined;
  const all = pairs.map((_, i) => i);

  const header =
    flags.split === 'cv'
      ? `split=cv, ${flags.foldBy === 'group' ? 'leave one board group out' : `${flags.folds} folds by FNV hash of the pair id`}`
      : `split=${flags.split}`;
  console.log(
    `DeepPCB trainval, ${header}, ${pairs.length} pairs, score threshold ${flags.scoreThreshold}${flags.fitModel ? ', confidence model refitted on training folds' : ''}`,
  );

  const report: Record<string, unknown> = { bench: 'deeppcb', split: flags.split, pairs: pairs.length, scoreThreshold: flags.scoreThreshold, options };
  if (flags.split === 'cv') {
    const foldNames = flags.foldBy === 'group' ? [...new Set(pairs.map((p) => p.group))].sort() : Array.from({ length: flags.folds }, (_, k) => String(k));
    const foldOf = (p: Pair): string => (flags.foldBy === 'group' ? p.group : String(deepPcbFoldOf(p.id, flags.folds)));
    const engineFolds: Array<{ name: string; pairs: number; evaluation: Evaluation; model?: ConfidenceModel }> = [];
    const baselineFolds: Array<{ name: string; pairs: number; evaluation: Evaluation }> = [];
    for (const name of foldNames) {
      const held = all.filter((i) => foldOf(pairs[i]) === name);
      const training = all.filter((i) => foldOf(pairs[i]) !== name);
      const model = flags.fitModel ? fitConfidenceModel(labelRegions(pairs, engine.detected, training, options), { l2: flags.l2 }) : undefined;
      const label = flags.foldBy === 'group' ? `group ${name}` : `fold ${name}`;
      engineFolds.push({ name: label, pairs: held.length, evaluation: evaluate(pairs, engine.detected, held, options, flags.scoreThreshold, model), model });
      if (baseline)
        baselineFolds.push({ name: label, pairs: held.length, evaluation: evaluate(pairs, baseline.detected, held, BASELINE, flags.scoreThreshold) });
    }
    const engineSpread = printFolds('AOI engine, per held-out fold', engineFolds);
    const baselineSpread = baseline ? printFolds('baseline (plain XOR difference), per held-out fold', baselineFolds) : undefined;
    const s = engineSpread;
    console.log(
      `\nengine over ${foldNames.length} folds: F1 ${s.f1.mean.toFixed(2)} ± ${s.f1.std.toFixed(2)} (${s.f1.min.toFixed(2)}–${s.f1.max.toFixed(2)}), ` +
        `mAP ${s.mAP.mean.toFixed(2)} ± ${s.mAP.std.toFixed(2)} (${s.mAP.min.toFixed(2)}–${s.mAP.max.toFixed(2)})` +
        (baselineSpread ? `; baseline F1 ${baselineSpread.f1.mean.toFixed(2)}, mAP ${baselineSpread.mAP.mean.toFixed(2)}` : ''),
    );
    Object.assign(report, {
      foldBy: flags.foldBy,
      folds: foldNames.length,
      fitModel: flags.fitModel,
      engineFolds,
      engineSpread,
      baselineFolds: baseline ? baselineFolds : undefined,
      baselineSpread,
    });
  } else {
    const model = flags.fitModel ? fitConfidenceModel(labelRegions(pairs, engine.detected, all, options), { l2: flags.l2 }) : undefined;
    const evaluation = evaluate(pairs, engine.detected, all, options, flags.scoreThreshold, model);
    printTable(model ? 'AOI engine (confidence model fitted on these same pairs: not a held-out score)' : 'AOI engine', evaluation);
    const baselineEvaluation = baseline ? evaluate(pairs, baseline.detected, all, BASELINE, flags.scoreThreshold) : undefined;
    if (baselineEvaluation) printTable('baseline (plain XOR difference)', baselineEvaluation);
    Object.assign(report, { engine: evaluation, baseline: baselineEvaluation });
  }
  if (flags.fitModel) {
    // The model to ship: fitted on every pair of this run.
    const shipped = fitConfidenceModel(labelRegions(pairs, engine.detected, all, options), { l2: flags.l2 });
    console.log(`\nconfidence model fitted on all ${pairs.length} pairs of this run (l2 ${flags.l2}): ${JSON.stringify(shipped)}`);
    report.fittedModel = shipped;
  }

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
  report.throughput = {
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
  };
  const outFile = path.join(outDir, flags.split === 'cv' ? `deeppcb-cv-${flags.foldBy}.json` : 'deeppcb.json');
  await writeFile(outFile, JSON.stringify(report, null, 2));
  console.log(`wrote ${path.relative(process.cwd(), outFile)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
