/**
 * `plantpilot sim history`: run-to-failure histories of the twin's rotating equipment, for training the
 * RUL model. Writes one JSON document (format `plantpilot-twin-histories`, version 1):
 *
 *   { "format": "plantpilot-twin-histories", "version": 1, "seed": 1, "days": 60,
 *     "units": [{ "unitId": "L1-PNP1#1", "assetId": "L1-PNP1", "machineType": "pick-and-place",
 *                 "cycles": [{ "cycle": 1, "settings": [100], "sensors": { "SpindleVibrationMmS": 1.41, … } }, …] }, …] }
 *
 * One cycle is one operating hour (the hour's mean of each signal); each unit's last cycle is its
 * vibration trip. Every unit is a `UnitHistory` (tools/maintenance/unit-history.ts) plus its asset and
 * machine type, so a trainer reads it with `TwinHistories.parse` and `unitsByMachineType`.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { generateTwinHistories } from '../../tools/maintenance/service/twin-histories';

function positiveNumber(name: string, high: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || value > high)
      throw new AppError('invalid_argument', `--${name} must be a number above 0 and at most ${high}, got "${raw}".`);
    return value;
  };
}

function seedOption(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < -2_147_483_648 || value > 2_147_483_647)
    throw new AppError('invalid_argument', `--seed must be a 32-bit whole number, got "${raw}".`);
  return value;
}

export function registerSimHistory(sim: Command): void {
  sim
    .command('history')
    .description('Generate run-to-failure histories of the twin’s rotating equipment (JSON) for training the RUL model')
    .option('--days <n>', 'simulated operating days per asset', positiveNumber('days', 3650), 60)
    .option('--seed <seed>', 'random seed; the same seed gives the same histories', seedOption, 1)
    .option('--asset <ids...>', 'only these assets (default: every asset with wearing parts)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { days: number; seed: number; asset?: string[]; out?: string }) => {
      const started = performance.now();
      const histories = generateTwinHistories({ seed: options.seed, days: options.days, assetIds: options.asset });
      if (histories.units.length === 0) {
        throw new AppError(
          'invalid_argument',
          `No run reached failure within ${options.days} day(s)${options.asset ? ` for ${options.asset.join(', ')}` : ''}. Use more --days.`,
        );
      }
      const json = JSON.stringify(histories);
      if (options.out) await writeFile(resolve(options.out), `${json}\n`, 'utf8');
      else process.stdout.write(`${json}\n`);
      const byType = new Map<string, number>();
      for (const unit of histories.units) byType.set(unit.machineType, (byType.get(unit.machineType) ?? 0) + 1);
      process.stderr.write(
        `${histories.units.length} runs to failure (${[...byType].map(([type, n]) => `${type} ${n}`).join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s` +
          `${options.out ? ` → ${options.out}` : ''}\n`,
      );
    });
}
