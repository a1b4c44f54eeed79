/** Opens the configured database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
import type { Config } from '../config';
import type { Db } from './db';
import { openEmbeddedDb } from './pglite';
import { openPostgresDb } from './postgres';

export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>, command = 'plantpilot'): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb({ url: config.databaseUrl });
  return openEmbeddedDb({ dataDir: config.dataDir, command });
}
