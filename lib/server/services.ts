/**
 * Starts the application's long-lived services in dependency order and stops them in reverse.
 * A part that cannot start (an unreachable plant, say) is reported through health as down with
 * its reason; the rest of the app still serves.
 */
import { ensureInitialUsers } from '../auth/bootstrap';
import type { CreatedUser } from '../auth/users';
import type { Config } from '../config';
import type { Db } from '../db/db';
import type { HealthCheck, HealthPart } from '../health';
import type { Logger } from '../log';
import type { RuntimeServices } from '../runtime';
import { startGate } from '../../tools/approval/service';
import { createRegistry } from '../../tools/registry';

export type StartedServices = {
  services: Partial<RuntimeServices>;
  health: Partial<Record<HealthPart, HealthCheck>>;
  /** Users created on first start, with their one-time passwords, for the console. */
  initialUsers: CreatedUser[];
  stop(): Promise<void>;
};

export async function startServices({ db, log }: { config: Config; db: Db; log: Logger }): Promise<StartedServices> {
  const stops: (() => Promise<void> | void)[] = [];
  const services: Partial<RuntimeServices> = {};
  const health: Partial<Record<HealthPart, HealthCheck>> = {};
  try {
    const initialUsers = await ensureInitialUsers(db);

    const registry = createRegistry({});
    const gate = startGate({ db, registry, log });
    stops.push(gate.stop);
    services.registry = registry;
    services.gate = gate.gate;

    return {
      services,
      health,
      initialUsers,
      async stop() {
        for (const stop of stops.reverse()) {
          try {
            await stop();
          } catch (error) {
            log.warn({ err: error }, 'A service did not stop cleanly');
          }
        }
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    throw error;
  }
}
