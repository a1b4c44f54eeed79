/**
 * `plantpilot eval --suite nlu [--split dev|test] [--json] [--min-intent 0.95 --min-args 0.90 --max-misfiled 0]`:
 * scores the offline model's understanding on one split of evals/nlu, prints a table per language,
 * writes JSON to evals/out/nlu-<split>.json, and exits non-zero when a language is below a floor.
 * No plant, database or network: the model is offered the registry's tools and never runs one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { twinAssets } from '../../agent/twin-assets';
import { twinOrders } from '../../agent/twin-orders';
import { twinParts } from '../../agent/twin-parts';
import { createOfflineModel, OFFLINE_MODEL_NAME } from '../../agent/models/offline/offline-model';
import { AppError } from '../../lib/errors';
import { loadSplit, NLU_SPLITS, type NluSplit } from './nlu-item';
import { floorFailures, formatNluReport, scoreNlu, type NluFloors } from './nlu-metrics';
import { registryToolDefinitions } from './registry-tools';
import { runNluItems } from './run-nlu';

const OUT_DIR = path.resolve(import.meta.dirname, '..', 'out');

export type NluCommandOptions = {
  split?: string;
  json?: boolean;
  out?: string;
  minIntent?: string | number;
  minArgs?: string | number;
  maxMisfiled?: string | number;
  /** How many failed items to list after the table (default 25). */
  showFailures?: string | number;
};

function fraction(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1)
    throw new AppError('invalid_argument', `--${name} must be a fraction between 0 and 1, e.g. 0.95 (got "${value}").`);
  return number;
}

function count(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new AppError('invalid_argument', `--${name} must be a whole number ≥ 0 (got "${value}").`);
  return number;
}

export async function runNluCommand(options: NluCommandOptions): Promise<void> {
  const split = (options.split ?? 'dev') as NluSplit;
  if (!NLU_SPLITS.includes(split)) throw new AppError('invalid_argument', `--split must be dev or test (got "${options.split}").`);
  const floors: NluFloors = {
    minIntent: fraction('min-intent', options.minIntent),
    minArgs: fraction('min-args', options.minArgs),
    maxMisfiled: count('max-misfiled', options.maxMisfiled),
  };
  const items = loadSplit(split);
  const assets = twinAssets();
  const parts = twinParts();
  const orders = twinOrders();
  const tools = registryToolDefinitions();
  const log = options.json ? process.stderr : process.stdout;
  const observations = await runNluItems({
    items,
    tools,
    assets,
    createModel: (clock) => createOfflineModel({ listAssets: async () => assets, listParts: async () => parts, listOrders: async () => orders, now: clock }),
    onItem: (_observation, index) => {
      if ((index + 1) % 100 === 0) process.stderr.write(`  ${index + 1}/${items.length} items\n`);
    },
  });
  const report = scoreNlu({ split, model: OFFLINE_MODEL_NAME, items, observations, tools, assets });
  log.write(`${formatNluReport(report, { failures: count('show-failures', options.showFailures) ?? 25 })}\n`);
  const out = options.out ?? path.join(OUT_DIR, `nlu-${split}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  const failures = floorFailures(report, floors);
  for (const failure of failures) log.write(`Below floor: ${failure}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...report, floorFailures: failures })}\n`);
  else process.stdout.write(`Wrote ${out}\n`);
  if (failures.length > 0) process.exitCode = 1;
}
