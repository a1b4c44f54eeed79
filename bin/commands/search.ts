/** `plantpilot search "<query>"`: hybrid search over the ingested manuals. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { withKnowledgeBase } from '../knowledge-support';
import type { SearchMode } from '../../knowledge/search';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new InvalidArgumentError('a whole number from 1 to 50');
  return n;
}

export function register(program: Command): void {
  program
    .command('search')
    .description('search the manuals: full-text and vector search fused, with document, section and page')
    .argument('<query>', 'what to look for, e.g. "alarm E-214 reflow oven"')
    .option('-k, --k <n>', 'number of passages', positiveInt, 5)
    .option('--asset <asset>', 'only passages about this asset (id or name, e.g. L1-RFL or "reflow oven")')
    .option('--type <docType>', 'only documents of this type (manual, procedure, safety, …)')
    .option('--mode <mode>', 'hybrid, vector or fulltext', 'hybrid')
    .option('--json', 'print a JSON array of { doc, title, section, page, text, score }')
    .action(async (query: string, options: { k: number; asset?: string; type?: string; mode: string; json?: boolean }) => {
      if (!['hybrid', 'vector', 'fulltext'].includes(options.mode)) throw new InvalidArgumentError('mode must be hybrid, vector or fulltext');
      const hits = await withKnowledgeBase((kb) =>
        kb.search(query, { k: options.k, asset: options.asset, docType: options.type, mode: options.mode as SearchMode }),
      );
      if (options.json) {
        console.log(
          JSON.stringify(
            hits.map((hit) => ({
              doc: hit.docId,
              title: hit.title,
              section: hit.sectionPath.join(' > '),
              page: hit.pageFrom ?? null,
              text: hit.body,
              score: hit.score,
            })),
          ),
        );
        return;
      }
      if (hits.length === 0) {
        console.log('No passages found. Try other words, or check `plantpilot docs list` for what is ingested.');
        return;
      }
      hits.forEach((hit, i) => {
        const where = [hit.sectionPath.join(' > '), hit.pageFrom ? `p. ${hit.pageFrom}` : ''].filter(Boolean).join(', ');
        console.log(`[${i + 1}] ${hit.title} (${hit.docId})${where ? ` — ${where}` : ''}  score ${hit.score.toFixed(4)}`);
        console.log(`    ${hit.snippet}\n`);
      });
    });
}
