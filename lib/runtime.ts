/**
 * The running application's services (database, plant connector, model, …), created once by
 * the server process and shared with Next.js route handlers. Next bundles route handlers into
 * their own module graph, so the services are published on `globalThis` rather than through a
 * module-level singleton, which would be a different instance on each side.
 */
import type { Config } from './config';
import type { Db } from './db/db';
import { AppError } from './errors';
import type { HealthCheck, HealthPart } from './health';
import type { Logger } from './log';

/**
 * The long-lived services, one per capability. Each capability declares its own member by module
 * augmentation in its own folder, so adding one never edits this file:
 *
 *     declare module '../../lib/runtime' { interface RuntimeServices { knowledge: KnowledgeBase } }
 *
 * A member is absent when its capability is not started (tests, or a part that failed to start).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RuntimeServices {}

export interface Runtime {
  config: Config;
  log: Logger;
  db: Db;
  startedAt: Date;
  health: Partial<Record<HealthPart, HealthCheck>>;
  services: Partial<RuntimeServices>;
}

const KEY = Symbol.for('plantpilot.runtime');
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[KEY];
  if (!runtime) {
    throw new AppError(
      'internal',
      'The Plantpilot services are not running in this process. Serve the app with `npm start` (plantpilot start), not `next start`.',
    );
  }
  return runtime;
}

export function tryGetRuntime(): Runtime | undefined {
  return (globalThis as Holder)[KEY];
}
