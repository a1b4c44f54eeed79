/** Looks up a runtime service for a route handler or page; a clear error when that part is not running. */
import { AppError } from '../lib/errors';
import { getRuntime, type RuntimeServices } from './runtime';

const PART_NAMES: Partial<Record<keyof RuntimeServices, string>> = {
  gate: 'approval gate',
  registry: 'tool registry',
  agent: 'chat agent',
  knowledge: 'knowledge base',
  backups: 'backup service (embedded database only; with DATABASE_URL use pg_dump)',
};

export function requireService<K extends keyof RuntimeServices>(name: K): RuntimeServices[K] {
  const service = getRuntime().services[name];
  if (!service)
    throw new AppError('backend_unavailable', `The ${PART_NAMES[name] ?? String(name)} is not running in this server. Check the server log and /api/health.`);
  return service as RuntimeServices[K];
}
