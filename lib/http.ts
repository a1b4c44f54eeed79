/** The HTTP face of AppError: one JSON shape, one status mapping, never a stack trace. */
import { asDbUnavailable, DB_RETRY_AFTER_SECONDS } from './db/unavailable';
import { AppError, httpErrorBody, httpStatus, toAppError } from './errors';
import { tryGetRuntime } from './runtime';

export function errorResponse(thrown: unknown): Response {
  // A database outage that reached here unwrapped (a pool client, a library) still reads as one.
  const error = asDbUnavailable(tryGetRuntime()?.db.location ?? 'the database', thrown);
  const appError = toAppError(error);
  if (!(error instanceof AppError)) tryGetRuntime()?.log.error({ err: error }, 'Unexpected error in a request');
  const body =
    error instanceof AppError
      ? httpErrorBody(appError)
      : { error: { code: 'internal' as const, message: 'Something went wrong on the server; the details are in the server log.' } };
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (appError.code === 'db_unavailable') {
    headers['retry-after'] = String(DB_RETRY_AFTER_SECONDS);
    // Let readiness (and the outage page in front of every route) see it now, not at the next check.
    void tryGetRuntime()?.readiness?.refresh();
  }
  return Response.json(body, { status: httpStatus(appError.code), headers });
}

/** Wraps a route handler so every failure becomes a clear JSON error. */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses a JSON body or throws AppError('invalid_argument'). */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('invalid_argument', 'The request body must be JSON.');
  }
}

/**
 * 303 See Other to a path on this app, after a browser form post. The Location is relative on
 * purpose: behind a proxy, or opened by the plant's IP instead of localhost, the server's idea of
 * its own URL is not the address the browser used, and an absolute redirect would send it away.
 */
export function seeOther(pathAndQuery: string): Response {
  if (!pathAndQuery.startsWith('/') || pathAndQuery.startsWith('//')) throw new Error(`seeOther takes an app path, got ${pathAndQuery}`);
  return new Response(null, { status: 303, headers: { location: pathAndQuery } });
}
