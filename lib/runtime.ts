/**
 * Where the running application is published for code that Next.js bundles separately (route
 * handlers, pages): Next gives them their own module graph, so the runtime lives on `globalThis`
 * rather than in a module-level singleton, which would be a different instance on each side.
 *
 * This is the infrastructure half: the parts every layer may use (config, log, db, health). The
 * capability services are typed in `server/runtime.ts`, the composition root, because `lib/` knows
 * no feature; app code reads them through `getRuntime()` from there.
 */
import type { Config } from './config';
import type { Db } from './db/db';
import { AppError } from './errors';
import type { HealthCheck, HealthMonitor, HealthPart } from './health';
import type { Logger } from './log';

export interface RuntimeCore {
  config: Config;
  log: Logger;
  db: Db;
  startedAt: Date;
  health: Partial<Record<HealthPart, HealthCheck>>;
  /** Readiness served from background checks (the app server starts it; absent in tests that do not). */
  readiness?: HealthMonitor;
}

const KEY = Symbol.for('plantpilot.runtime');
type Holder = { [KEY]?: RuntimeCore };

export function setRuntime(runtime: RuntimeCore | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function getRuntime(): RuntimeCore {
  const runtime = (globalThis as Holder)[KEY];
  if (!runtime) {
    throw new AppError(
      'internal',
      'The Plantpilot services are not running in this process. Serve the app with `npm start` (plantpilot start), not `next start`.',
    );
  }
  return runtime;
}

export function tryGetRuntime(): RuntimeCore | undefined {
  return (globalThis as Holder)[KEY];
}
