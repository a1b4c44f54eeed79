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
import { AppError } from '../../lib/errors';
import { startHandoverService } from '../../tools/handover/handover-service';
import { renderMarkdown } from '../../tools/handover/render-markdown';
import { renderPdf } from '../../tools/handover/render-pdf';
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
      await withDb(async (db, { log }) => {
        const handovers = startHandoverService({ db, log, automatic: false });
        try {
          const request = { from: flags.from, to: flags.to, shift: flags.shift };
          const { report, summary } = flags.save
            ? await handovers.generate(request, { kind: 'cli', id: 'cli', name: 'plantpilot CLI' })
            : await handovers.build(request);
          if (flags.format === 'json') await output(JSON.stringify({ report, summary }, null, 2) + '\n', flags.out);
          else if (flags.format === 'md') await output(renderMarkdown(report, summary, { baseUrl: flags.baseUrl }), flags.out);
          else await output(await renderPdf(report, summary, { baseUrl: flags.baseUrl }), flags.out);
        } finally {
          await handovers.stop();
        }
      });
    });
}
