/** What every CLI command needs: the parsed config, a logger, and a way to borrow the database. */
import { loadConfig, type Config } from '../lib/config';
import { openDb, migrate } from '../lib/db';
import type { Db } from '../lib/db/db';
import { createLogger, type Logger } from '../lib/log';

export type CliContext = { config: Config; log: Logger };

let cached: CliContext | undefined;

export function cliContext(): CliContext {
  if (!cached) {
    const config = loadConfig();
    cached = { config, log: createLogger(config.log) };
  }
  return cached;
}

/**
 * Opens the database for one command and closes it afterwards. With the embedded database and
 * a running server, this fails with a message naming the process that holds the data dir.
 */
export async function withDb<T>(fn: (db: Db, context: CliContext) => Promise<T>, options: { migrate?: boolean; command?: string } = {}): Promise<T> {
  const context = cliContext();
  const db = await openDb(context.config, options.command ?? `plantpilot ${process.argv.slice(2).join(' ')}`);
  try {
    if (options.migrate ?? true) await migrate(db);
    return await fn(db, context);
  } finally {
    await db.close();
  }
}
