/**
 * A complete Plantpilot runtime for evaluations: a fresh embedded database in a temporary data dir,
 * the plant twin on a free port, the real connector, registry, approval gate and agent — the same
 * services `npm start` runs, without the web server. Closed (and deleted) by `close()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config, type Env } from '../../lib/config';
import { migrate, openEmbeddedDb } from '../../lib/db';
import type { Db } from '../../lib/db/db';
import { AppError } from '../../lib/errors';
import { silentLogger, type Logger } from '../../lib/log';
import { setRuntime, type Runtime, type RuntimeServices } from '@/server/runtime';
import { startServices } from '../../server/services';

export type EvalRuntime = {
  config: Config;
  db: Db;
  services: Partial<RuntimeServices>;
  /** The same runtime, published on globalThis so route handlers can be called in-process. */
  runtime: Runtime;
  close(): Promise<void>;
};

export async function startEvalRuntime(options: { env?: Env; log?: Logger; shippedManuals?: 'await' | 'skip' } = {}): Promise<EvalRuntime> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-eval-'));
  // Scenarios are written against the twin's seeded starting state, so no simulated past by default:
  // a warm-up's last minutes (a fault just raised) would differ from run to run. A throwaway data
  // dir needs no backups.
  const config = loadConfig({
    PLANTPILOT_TWIN_PORT: '0',
    // Its own fleet topics: evaluations run beside other twins on the same broker.
    PLANTPILOT_VDA5050_INTERFACE: `pp-eval-${process.pid}-${Math.floor(Math.random() * 1e6)}`,
    PLANTPILOT_TWIN_WARM_UP_HOURS: '0',
    PLANTPILOT_BACKUP_EVERY_HOURS: '0',
    ...options.env,
    PLANTPILOT_DATA_DIR: dataDir,
  });
  const log = options.log ?? silentLogger;
  const db = await openEmbeddedDb({ dataDir, command: 'plantpilot eval' });
  try {
    await migrate(db);
    const started = await startServices({ config, db, log, shippedManuals: options.shippedManuals ?? 'await' });
    if (!started.services.plant) {
      await started.stop();
      throw new AppError('plant_unreachable', 'The evaluation runtime could not connect to its plant twin.');
    }
    const runtime: Runtime = { config, log, db, startedAt: new Date(), health: started.health, services: started.services };
    setRuntime(runtime);
    return {
      config,
      db,
      services: started.services,
      runtime,
      async close() {
        setRuntime(undefined);
        await started.stop();
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
