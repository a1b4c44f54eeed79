/**
 * What a scheduler worker thread posts back: its result, or its failure as an AppError code and
 * message. One definition for both entries (`solver-worker.ts`, `parallel-worker.ts`) and both
 * callers (`solve-in-worker.ts`, `solve-parallel.ts`).
 */
import { type ErrorCode, isAppError } from '@/lib/errors';
import type { SolveResult } from '../engine/solve';

export type WorkerMessage = { type: 'result'; result: SolveResult } | { type: 'error'; code: ErrorCode; message: string };

export function errorMessage(error: unknown): WorkerMessage {
  return {
    type: 'error',
    code: isAppError(error) ? error.code : 'internal',
    message: error instanceof Error ? error.message : String(error),
  };
}
