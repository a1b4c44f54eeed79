/**
 * What the `ingest`, `search` and `docs` commands share: opening the knowledge base for one command,
 * and a progress bar on stderr (only on a terminal, so piped output stays clean). A maintained
 * library such as `cli-progress` would replace the bar if more commands need one.
 */
import { withDb } from './context';
import { startKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base';
import { twinEntityCatalogue } from '../knowledge/twin-entities';

export function withKnowledgeBase<T>(fn: (kb: KnowledgeBase) => Promise<T>): Promise<T> {
  return withDb(async (db, { config, log }) => fn(await startKnowledgeBase({ config, db, log, entities: twinEntityCatalogue() })));
}

const BAR_WIDTH = 28;

/** Returns an `update(done, total, label)` that redraws one line on stderr, and `finish()`. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number, label?: string): void; finish(): void } {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let drawn = false;
  return {
    update(done, total, label = '') {
      const fraction = total === 0 ? 1 : done / total;
      const filled = Math.round(fraction * BAR_WIDTH);
      const columns = stream.columns ?? 100;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${label}`;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write(`\r${' '.repeat((stream.columns ?? 100) - 1)}\r`);
    },
  };
}
