import { describe, expect, it, vi } from 'vitest';
import { AppError, isAppError, toAppError } from './errors';
import { errorResponse } from './http';

/** A second, separate copy of lib/errors, as Next.js's bundle of a route handler has. */
async function otherCopyOfErrors(): Promise<typeof import('./errors')> {
  vi.resetModules();
  const copy = await import('./errors');
  vi.resetModules();
  return copy;
}

describe('AppError across module copies', () => {
  it('is a different class in the other copy, yet instanceof and isAppError still hold', async () => {
    const other = await otherCopyOfErrors();
    expect(other.AppError).not.toBe(AppError);
    const refused = new other.AppError('forbidden', 'Only supervisors decide.');
    expect(refused instanceof AppError).toBe(true);
    expect(isAppError(refused)).toBe(true);
    expect(toAppError(refused)).toBe(refused);
  });

  it.each([
    ['forbidden', 403],
    ['approval_used', 409],
    ['approval_expired', 410],
    ['not_found', 404],
    ['unauthenticated', 401],
  ] as const)('maps a %s refusal thrown by the other copy to HTTP %i with its message', async (code, status) => {
    const other = await otherCopyOfErrors();
    const response = errorResponse(new other.AppError(code, `Refused: ${code}.`));
    expect(response.status).toBe(status);
    await expect(response.json()).resolves.toEqual({ error: { code, message: `Refused: ${code}.` } });
  });

  it('does not take a look-alike for an AppError', () => {
    const lookAlike = Object.assign(new Error('x'), { code: 'forbidden', name: 'AppError' });
    expect(lookAlike instanceof AppError).toBe(false);
    expect(errorResponse(lookAlike).status).toBe(500);
  });
});
