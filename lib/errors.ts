/**
 * One error type for the whole product. A code says what kind of failure it is; the
 * message says what happened and what to do. Each face (HTTP, CLI, MCP, tool results)
 * maps codes once, here, so the same failure reads the same everywhere.
 */

export const ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'unsupported',
  'config_invalid',
  'file_unreadable',
  'invalid_file',
  'too_large',
  'db_unavailable',
  'data_dir_locked',
  'migration_failed',
  'plant_unreachable',
  'plant_write_failed',
  'plant_bad_quality',
  'model_unavailable',
  'backend_unavailable',
  'unauthenticated',
  'forbidden',
  'too_many_attempts',
  'approval_required',
  'approval_invalid',
  'approval_expired',
  'approval_used',
  'actuation_disabled',
  'conflict',
  'timeout',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors that a model or client can fix by changing its request; returned as data, not thrown. */
const RECOVERABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid_argument',
  'not_found',
  'unsupported',
  'approval_required',
  'approval_invalid',
  'approval_expired',
  'approval_used',
  'actuation_disabled',
  'forbidden',
  'conflict',
]);

/**
 * Marks every AppError, whichever copy of this module made it. Next.js bundles route handlers
 * into their own module graph while the services run in the server's graph, so an error thrown
 * by the gate is an instance of a different `AppError` class than the one a route imports; a
 * plain `instanceof` would then fail and every refusal would become a 500. `Symbol.for` is the
 * same symbol in every module instance.
 */
const APP_ERROR_BRAND = Symbol.for('plantpilot.AppError');

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    Object.defineProperty(this, APP_ERROR_BRAND, { value: true });
  }

  /** `x instanceof AppError` holds for an AppError from any copy of this module (see APP_ERROR_BRAND). */
  static [Symbol.hasInstance](value: unknown): value is AppError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[APP_ERROR_BRAND] === true &&
      isErrorCode((value as { code?: unknown }).code)
    );
  }

  get recoverable(): boolean {
    return RECOVERABLE.has(this.code);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError without losing the original as `cause`. */
export function toAppError(value: unknown, fallback: ErrorCode = 'internal'): AppError {
  if (value instanceof AppError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError(fallback, message, { cause: value });
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_argument: 400,
  not_found: 404,
  unsupported: 400,
  config_invalid: 500,
  file_unreadable: 400,
  invalid_file: 422,
  too_large: 413,
  db_unavailable: 503,
  data_dir_locked: 503,
  migration_failed: 500,
  plant_unreachable: 503,
  plant_write_failed: 502,
  plant_bad_quality: 503,
  model_unavailable: 503,
  backend_unavailable: 503,
  unauthenticated: 401,
  forbidden: 403,
  too_many_attempts: 429,
  approval_required: 409,
  approval_invalid: 409,
  approval_expired: 410,
  approval_used: 409,
  actuation_disabled: 423,
  conflict: 409,
  timeout: 504,
  internal: 500,
};

/** HTTP face: status code for an error code. */
export function httpStatus(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/** HTTP face: a JSON body a person or client can act on; never a stack trace. */
export function httpErrorBody(error: AppError): { error: { code: ErrorCode; message: string } } {
  return { error: { code: error.code, message: error.message } };
}

/**
 * CLI face: exit codes. 1 = the request was wrong, 2 = usage, 3 = something we depend on
 * is down or locked, 4 = refused (auth, approval, kill switch), 5 = internal.
 */
export function cliExitCode(code: ErrorCode): number {
  switch (code) {
    case 'invalid_argument':
    case 'not_found':
    case 'unsupported':
    case 'file_unreadable':
    case 'invalid_file':
    case 'too_large':
    case 'conflict':
      return 1;
    case 'config_invalid':
      return 2;
    case 'db_unavailable':
    case 'data_dir_locked':
    case 'migration_failed':
    case 'plant_unreachable':
    case 'plant_write_failed':
    case 'plant_bad_quality':
    case 'model_unavailable':
    case 'backend_unavailable':
    case 'timeout':
      return 3;
    case 'unauthenticated':
    case 'forbidden':
    case 'too_many_attempts':
    case 'approval_required':
    case 'approval_invalid':
    case 'approval_expired':
    case 'approval_used':
    case 'actuation_disabled':
      return 4;
    case 'internal':
      return 5;
  }
}
