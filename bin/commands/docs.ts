/** `plantpilot docs list | remove | reembed`: manage the documents in the knowledge base. */
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { progressBar, withKnowledgeBase } from '../knowledge-support';

export function register(program: Command): void {
  const docs = program.command('docs').description('documents in the knowledge base: list, remove, re-embed');

  docs
    .command('list')
    .description('list documents with their status, chunks and last error')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withKnowledgeBase(async (kb) => {
        const [documents, status] = [await kb.listDocuments(), await kb.status()];
        if (options.json) {
          console.log(JSON.stringify({ ...status, documents }));
          return;
        }
        for (const d of documents) {
          const detail = d.status === 'failed' ? `FAILED: ${d.error}${d.chunkCount > 0 ? ' (the previous version stays searchable)' : ''}` : d.title;
          console.log(
            `${d.status.padEnd(8)} ${d.id.padEnd(40)} ${String(d.chunkCount).padStart(5)} chunks  ${(d.version ?? '').padEnd(4)} ${d.docType.padEnd(11)} ${detail}`,
          );
        }
        console.log(
          `${status.documents} documents, ${status.chunks} chunks; embeddings: ${status.storedModel?.model ?? 'none yet'} (${status.storedModel?.dimension ?? '-'} dimensions)`,
        );
        if (status.needsReembed) console.log(`The configured embedder is ${status.embedder.model}: run \`plantpilot docs reembed\`.`);
      });
    });

  docs
    .command('remove')
    .description('remove documents and their chunks')
    .argument('<ids...>', 'document ids as shown by `docs list` (the file name)')
    .action(async (ids: string[]) => {
      await withKnowledgeBase(async (kb) => {
        const missing: string[] = [];
        for (const id of ids) {
          if (await kb.removeDocument(id)) console.log(`removed  ${id}`);
          else missing.push(id);
        }
        if (missing.length > 0) throw new AppError('not_found', `No document ${missing.join(', ')}. See \`plantpilot docs list\` for the ids.`);
      });
    });

  docs
    .command('reembed')
    .description('re-embed every chunk with the configured embedding model (needed after changing OPENAI_EMBEDDINGS_MODEL)')
    .action(async () => {
      const bar = progressBar();
      const result = await withKnowledgeBase((kb) => kb.reembed((done, total) => bar.update(done, total, 'chunks')));
      bar.finish();
      console.log(`Re-embedded ${result.chunks} chunks with ${result.model.model} (${result.model.dimension} dimensions).`);
    });
}
