/**
 * Which database failures mean "the database is not there right now" rather than "this query is
 * wrong": lost or refused connections, a server shutting down or starting up, a database that does
 * not accept connections, too many connections. They become one AppError('db_unavailable') that
 * every face reports as 503 with Retry-After and the same words, so a person reads what is going
 * on instead of "internal error", and a client knows to try again.
 */
import { AppError } from '../errors';

/** How long clients are told to wait before trying again (HTTP Retry-After). */
export const DB_RETRY_AFTER_SECONDS = 5;

/** SQLSTATEs that say the server (not the statement) is unavailable. Class 08 is handled as a class. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is shutting down or our backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '53300', // too_many_connections
  '53000', // insufficient_resources
]);

const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Messages of node-postgres and pg-pool that have no code. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Cannot use a pool after calling end/i,
  /Client was closed and is not queryable/i,
  /not (currently )?accepting connections/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function describeCause(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

/** True when `error` (or one of its causes) says the database cannot be reached or is not accepting work. */
export function isDbUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof AppError && current.code === 'db_unavailable') return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
      // 55000 is object_not_in_prerequisite_state; only "database … is not currently accepting connections" is an outage.
      if (code === '55000' && /accepting connections/i.test(String((current as Error).message))) return true;
    }
    if (current instanceof Error && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current.message))) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDbUnavailable(inner))) return true;
  }
  return false;
}

/** The one message for a database outage; `where` names the database for people who run it. */
export function dbUnavailableError(where: string, error: unknown): AppError {
  return new AppError(
    'db_unavailable',
    `The database is unavailable, retrying: ${where} (${describeCause(error)}). Try again in a few seconds; /api/health shows when it is back.`,
    { cause: error, details: { retryAfterSeconds: DB_RETRY_AFTER_SECONDS } },
  );
}

/** `error` as AppError('db_unavailable') when it is an outage, else unchanged (so are AppErrors that already say what happened). */
export function asDbUnavailable(where: string, error: unknown): unknown {
  if ((error instanceof AppError && error.code !== 'internal') || !isDbUnavailable(error)) return error;
  return dbUnavailableError(where, error);
}
