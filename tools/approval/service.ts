/** Starts the approval gate as a runtime service, with a timer that expires overdue requests. */
import type { Db } from '../../lib/db/db';
import type { Logger } from '../../lib/log';
import type { ToolRegistry } from '../registry';
import { Gate } from './gate';

const EXPIRY_SWEEP_MS = 30_000;

export function startGate(options: { db: Db; registry: ToolRegistry; log: Logger }): { gate: Gate; stop(): void } {
  const gate = new Gate(options);
  const timer = setInterval(() => {
    gate.expireDue().catch((error: unknown) => options.log.warn({ err: error }, 'Could not expire overdue approval requests'));
  }, EXPIRY_SWEEP_MS);
  timer.unref();
  return { gate, stop: () => clearInterval(timer) };
}
