/**
 * `plantpilot forecast` — train and evaluate the remaining-useful-life model on NASA C-MAPSS.
 *
 *   plantpilot forecast train --data <dir> --subset FD001 --out model.json
 *   plantpilot forecast eval  --data <dir> --subset FD001 [--model model.json] [--json]
 *
 * Evaluation follows the published protocol: one prediction per test unit at its last cycle,
 * scored against RUL_FD00x.txt as given (not capped).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { loadCmapssSubset, loadCmapssTrain, parseSubsetName } from '../../tools/maintenance/io/cmapss-files';
import { intervalCoverage, phm08Score, rmse } from '../../tools/maintenance/engine/metrics';
import { predictRul, rulModelFromJSON, rulModelToJSON, trainRulModel, type RulModel } from '../../tools/maintenance/engine/rul-model';
import type { UnitHistory } from '../../tools/maintenance/engine/unit-history';

interface CommonFlags {
  data: string;
  subset: string;
  seed: string;
  json?: boolean;
  beyondCapBlend: string;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new AppError('invalid_argument', `--seed must be a whole number, got "${value}".`);
  return seed;
}

function parseBlend(value: string): number {
  const blend = Number(value);
  if (!Number.isFinite(blend) || blend < 0 || blend > 1) throw new AppError('invalid_argument', `--beyond-cap-blend must be between 0 and 1, got "${value}".`);
  return blend;
}

function train(units: UnitHistory[], subset: string, seed: number, beyondCapBlend: number): { model: RulModel; trainSeconds: number } {
  process.stderr.write(`Training the ${subset} RUL model on ${units.length} units…\n`);
  const started = performance.now();
  const model = trainRulModel(units, { seed, label: subset, beyondCap: { blend: beyondCapBlend } });
  const trainSeconds = (performance.now() - started) / 1000;
  process.stderr.write(`Trained in ${trainSeconds.toFixed(1)} s (${model.gbm.trees.length} trees, ${model.featureNames.length} features).\n`);
  return { model, trainSeconds };
}

async function readModel(path: string): Promise<RulModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError('file_unreadable', `Cannot read the model file ${path}. Train one with \`plantpilot forecast train --out ${path}\`.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError('invalid_file', `${path} is not JSON. Train a model with \`plantpilot forecast train\`.`, { cause });
  }
  return rulModelFromJSON(json);
}

export function register(program: Command): void {
  const forecast = program.command('forecast').description('Remaining-useful-life forecasts: train and evaluate on NASA C-MAPSS');

  forecast
    .command('train')
    .description('Train a RUL model on a C-MAPSS subset and save it as JSON')
    .requiredOption('--data <dir>', "folder with NASA's C-MAPSS files (train_FD001.txt, …)")
    .requiredOption('--subset <name>', 'FD001, FD002, FD003 or FD004')
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .option('--seed <n>', 'random seed; the same seed gives the same model', '1')
    .option('--beyond-cap-blend <0-1>', 'how far forecasts of units with no visible wear move past the cap of 125 toward the fleet-life estimate (0: off)', '0')
    .option('--json', 'print a JSON summary as the last line')
    .action(async (flags: CommonFlags & { out: string }) => {
      const subset = parseSubsetName(flags.subset);
      const units = await loadCmapssTrain(resolve(flags.data), subset);
      const { model, trainSeconds } = train(units, subset, parseSeed(flags.seed), parseBlend(flags.beyondCapBlend));
      const out = resolve(flags.out);
      try {
        await writeFile(out, JSON.stringify(rulModelToJSON(model)) + '\n');
      } catch (cause) {
        throw new AppError('file_unreadable', `Cannot write the model to ${out}. Check that the folder exists and is writable.`, { cause });
      }
      const summary = {
        subset,
        out,
        units: model.training.units,
        cycles: model.training.rows,
        trees: model.gbm.trees.length,
        features: model.featureNames.length,
        trainSeconds: Number(trainSeconds.toFixed(2)),
      };
      if (flags.json) console.log(JSON.stringify(summary));
      else console.log(`Saved the ${subset} model to ${out} (${summary.units} units, ${summary.cycles} cycles, ${summary.trees} trees).`);
    });

  forecast
    .command('eval')
    .description("Score a RUL model on a subset's test units (RMSE, PHM08 score, interval coverage)")
    .requiredOption('--data <dir>', "folder with NASA's C-MAPSS files (test_FD001.txt, RUL_FD001.txt, …)")
    .requiredOption('--subset <name>', 'FD001, FD002, FD003 or FD004')
    .option('--model <file>', 'a model saved by `forecast train`; without it, one is trained first')
    .option('--seed <n>', 'random seed when training here', '1')
    .option('--beyond-cap-blend <0-1>', 'when training here: as for `forecast train`', '0')
    .option('--json', 'print the result as one JSON object on the last line')
    .action(async (flags: CommonFlags & { model?: string }) => {
      const subset = parseSubsetName(flags.subset);
      const data = await loadCmapssSubset(resolve(flags.data), subset);
      let model: RulModel;
      if (flags.model) {
        model = await readModel(resolve(flags.model));
        if (model.label && model.label !== subset) {
          process.stderr.write(`Note: this model was trained on ${model.label}, not ${subset}.\n`);
        }
      } else {
        model = train(data.train, subset, parseSeed(flags.seed), parseBlend(flags.beyondCapBlend)).model;
      }
      const forecasts = data.test.map((unit) => predictRul(model, unit));
      const predicted = forecasts.map((f) => f.rulCycles);
      const result = {
        subset,
        rmse: rmse(predicted, data.testRulCycles),
        score: phm08Score(predicted, data.testRulCycles),
        coverage: intervalCoverage(
          forecasts.map((f) => f.lowerCycles),
          forecasts.map((f) => f.upperCycles),
          data.testRulCycles,
        ),
        units: data.test.map((unit, i) => ({
          unit: Number(unit.unitId),
          predicted: round(forecasts[i].rulCycles),
          lower: round(forecasts[i].lowerCycles),
          upper: round(forecasts[i].upperCycles),
        })),
      };
      if (flags.json) {
        console.log(JSON.stringify(result));
        return;
      }
      const nominal = Math.round(model.interval.coverage * 100);
      console.log(`${subset}: ${data.test.length} test units, scored at each unit's last cycle against RUL_${subset}.txt (uncapped)`);
      console.log(`  RMSE            ${result.rmse.toFixed(2)} cycles`);
      console.log(`  PHM08 score     ${result.score.toFixed(1)}`);
      console.log(`  ${nominal}% interval    covers ${(result.coverage * 100).toFixed(1)}% of test units`);
    });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
