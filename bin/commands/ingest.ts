/** `plantpilot ingest <files | dirs | globs>`: add or update the plant's documents in the knowledge base. */
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { progressBar, withKnowledgeBase } from '../knowledge-support';
import { DOC_TYPES } from '../../knowledge/metadata';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('ingest manuals and procedures (PDF, Word .docx, Markdown, HTML, text) into the knowledge base; unchanged files are skipped')
    .argument('<inputs...>', 'files, directories (searched recursively) or quoted glob patterns such as "manuals/**/*.pdf"')
    .option('--force', 're-ingest files even when their content has not changed')
    .option('--type <docType>', `document type for every file (${DOC_TYPES.join(', ')}); default: read from the document`)
    .option('--json', 'print one JSON result per file')
    .action(async (inputs: string[], options: { force?: boolean; type?: string; json?: boolean }) => {
      if (options.type && !(DOC_TYPES as readonly string[]).includes(options.type)) {
        throw new AppError('invalid_argument', `Unknown document type "${options.type}". Use one of: ${DOC_TYPES.join(', ')}.`);
      }
      const bar = progressBar();
      const report = await withKnowledgeBase((kb) =>
        kb.ingest(inputs, {
          force: options.force,
          docType: options.type,
          onProgress: ({ done, total, file }) => bar.update(done, total, file ? path.basename(file) : ''),
        }),
      );
      bar.finish();
      if (options.json) {
        console.log(JSON.stringify(report));
      } else {
        for (const result of report.results) {
          const what = result.status === 'failed' ? result.error?.message : `${result.title ?? result.docId} (${result.chunks ?? 0} chunks)`;
          console.log(`${result.status.padEnd(9)} ${result.docId.padEnd(40)} ${what}`);
        }
        for (const input of report.unmatched) console.log(`no documents found for ${input}`);
        const count = (status: string) => report.results.filter((r) => r.status === status).length;
        console.log(`${count('ingested')} ingested, ${count('unchanged')} unchanged, ${count('failed')} failed`);
      }
      if (report.results.some((r) => r.status === 'failed') || (report.results.length === 0 && report.unmatched.length > 0)) process.exitCode = 1;
    });
}
