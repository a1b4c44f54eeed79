/**
 * `plantpilot handover` — the shift handover report, every statement with its sources.
 *
 *   plantpilot handover                                   the last completed shift, Markdown on stdout
 *   plantpilot handover --from ISO --to ISO --format json
 *   plantpilot handover --shift current --format pdf --out handover.pdf
 *   plantpilot handover --save                            also store it (it then appears on /handovers)
 *
 * Reads the database directly; with the embedded database, stop the server first (one process owns it).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Db } from '../../lib/db/db';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import { startHandoverService } from '../../tools/handover/service/handover-service';
import { parseShiftSpec, type ShiftCalendar } from '@/lib/shift-calendar';
import { renderMarkdown } from '../../tools/handover/engine/render-markdown';
import { renderPdf } from '../../tools/handover/service/render-pdf';
import { withDb } from '../context';

const Flags = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  shift: z.enum(['current', 'previous'], { error: '--shift is current or previous' }).optional(),
  format: z.enum(['md', 'pdf', 'json'], { error: '--format is md, pdf or json' }).default('md'),
  out: z.string().optional(),
  save: z.boolean().optional(),
  baseUrl: z.url({ error: '--base-url is the app URL, e.g. http://plantpilot.plant.local:3000' }).optional(),
});

async function output(content: string | Buffer, out: string | undefined): Promise<void> {
  if (!out) {
    process.stdout.write(content);
    return;
  }
  const file = resolve(out);
  try {
    await writeFile(file, content);
  } catch (cause) {
    throw new AppError('file_unreadable', `Cannot write ${file}. Check that the folder exists and is writable.`, { cause });
  }
  process.stderr.write(`Wrote ${file}\n`);
}

export type HandoverFlags = z.infer<typeof Flags>;

/**
 * What `plantpilot handover` prints, from an open database: the command's whole path apart from
 * argv and the output file (the figures-consistency suite asks the CLI through this).
 */
export async function handoverOutput(db: Db, log: Logger, flags: HandoverFlags, calendar?: ShiftCalendar): Promise<string | Buffer> {
  const handovers = startHandoverService({ db, log, automatic: false, calendar });
  try {
    const request = { from: flags.from, to: flags.to, shift: flags.shift };
    const { report, summary } = flags.save
      ? await handovers.generate(request, { kind: 'cli', id: 'cli', name: 'plantpilot CLI' })
      : await handovers.build(request);
    if (flags.format === 'json') return JSON.stringify({ report, summary }, null, 2) + '\n';
    if (flags.format === 'md') return renderMarkdown(report, summary, { baseUrl: flags.baseUrl });
    return renderPdf(report, summary, { baseUrl: flags.baseUrl });
  } finally {
    await handovers.stop();
  }
}

export function register(program: Command): void {
  program
    .command('handover')
    .description('Shift handover report with a citation for every statement (default: the last completed shift)')
    .option('--from <iso>', 'start of the window, ISO 8601 (e.g. 2025-01-15T06:00:00+01:00)')
    .option('--to <iso>', 'end of the window, ISO 8601 (default: now)')
    .option('--shift <which>', 'current (so far) or previous, instead of --from/--to')
    .option('--format <format>', 'md, pdf or json', 'md')
    .option('--out <file>', 'write to a file (required for pdf)')
    .option('--save', 'store the report so it appears on the Handovers page')
    .option('--base-url <url>', 'make citation links absolute, e.g. http://plantpilot.plant.local:3000')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = Flags.safeParse(raw);
      if (!parsed.success) throw new AppError('invalid_argument', parsed.error.issues.map((issue) => issue.message).join('; '));
      const flags = parsed.data;
      if (flags.format === 'pdf' && !flags.out) throw new AppError('invalid_argument', 'A PDF goes to a file: add --out handover.pdf.');
      // The plant's own shifts, as the app uses them: "the previous shift" is the same window here.
      await withDb(async (db, { log, config }) =>
        output(await handoverOutput(db, log, flags, parseShiftSpec(config.plant.shifts, config.plant.timeZone)), flags.out),
      );
    });
}
