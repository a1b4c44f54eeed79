/**
 * `plantpilot inspect`: automated optical inspection of PCB images against a golden template.
 *
 *   plantpilot inspect <template.jpg> <test.jpg> [--json]
 *   plantpilot inspect --list <list.txt> --root <dir> --out <dir>   (DeepPCB-style list)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { formatDetections, parsePairList } from '../../tools/inspection/engine/deeppcb-format';
import { detectDefects } from '../../tools/inspection/engine/detect';
import { readImagePair } from '../../tools/inspection/io/image-io';

type InspectFlags = {
  json?: boolean;
  list?: string;
  root?: string;
  out?: string;
  minConfidence: number;
};

function parseConfidence(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    throw new AppError('invalid_argument', `--min-confidence must be a number from 0 to 1, not "${value}".`);
  }
  return parsed;
}

async function inspectPair(templatePath: string, testPath: string, flags: InspectFlags): Promise<void> {
  const { template, test } = await readImagePair(templatePath, testPath);
  const { defects, shift } = detectDefects(template, test, { minConfidence: flags.minConfidence });
  if (shift.dxPx !== 0 || shift.dyPx !== 0) {
    process.stderr.write(`aligned test image by dx=${shift.dxPx} px, dy=${shift.dyPx} px\n`);
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ defects })}\n`);
    return;
  }
  if (defects.length === 0) {
    process.stdout.write('no defects found\n');
    return;
  }
  for (const d of defects) {
    process.stdout.write(`${d.name.padEnd(9)} box ${d.x1},${d.y1}–${d.x2},${d.y2}  confidence ${d.confidence.toFixed(2)}\n`);
  }
}

async function inspectList(flags: InspectFlags): Promise<void> {
  if (!flags.root || !flags.out) {
    throw new AppError('invalid_argument', '--list needs --root <dir> (where the images are) and --out <dir> (where results go).');
  }
  let listText: string;
  try {
    listText = await readFile(flags.list!, 'utf8');
  } catch (error) {
    throw new AppError('file_unreadable', `Cannot read the list ${flags.list}. Check the path.`, { cause: error });
  }
  const entries = parsePairList(listText, flags.list);
  await mkdir(flags.out, { recursive: true });
  let defectCount = 0;
  for (const entry of entries) {
    const { template, test } = await readImagePair(path.join(flags.root, entry.templatePath), path.join(flags.root, entry.testPath));
    const { defects } = detectDefects(template, test, { minConfidence: flags.minConfidence });
    defectCount += defects.length;
    await writeFile(path.join(flags.out, `${entry.id}.txt`), formatDetections(defects));
  }
  process.stderr.write(`inspected ${entries.length} pairs, found ${defectCount} defects, results in ${flags.out}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify({ pairs: entries.length, defects: defectCount, outDir: flags.out })}\n`);
  else process.stdout.write(`${entries.length} pairs inspected, ${defectCount} defects, results written to ${flags.out}\n`);
}

export function register(program: Command): void {
  program
    .command('inspect')
    .description('Find PCB defects (open, short, mousebite, spur, spurious copper, pin-hole) in a test image against its template')
    .argument('[template]', 'defect-free template image (JPEG/PNG)')
    .argument('[test]', 'image to inspect, same size as the template')
    .option('--json', 'print { defects: [{ x1, y1, x2, y2, type, name, confidence }] } as the last line')
    .option('--list <file>', 'DeepPCB-style list: "<image path without suffix> <annotation path>" per line')
    .option('--root <dir>', 'folder the list paths are relative to')
    .option('--out <dir>', 'folder for one <image>.txt per pair ("x1 y1 x2 y2 type confidence" lines)')
    .option('--min-confidence <p>', 'report defects at or above this confidence (0..1)', parseConfidence, 0.5)
    .action(async (templatePath: string | undefined, testPath: string | undefined, flags: InspectFlags) => {
      if (flags.list) {
        if (templatePath || testPath) {
          throw new AppError('invalid_argument', 'Give either <template> <test> or --list, not both.');
        }
        await inspectList(flags);
        return;
      }
      if (!templatePath || !testPath) {
        throw new AppError(
          'invalid_argument',
          'Missing images. Run `plantpilot inspect <template.jpg> <test.jpg>` or `plantpilot inspect --list <list.txt> --root <dir> --out <dir>`.',
        );
      }
      await inspectPair(templatePath, testPath, flags);
    });
}
