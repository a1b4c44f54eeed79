/**
 * Retry delays for failed inspection attempts: exponential, capped, no jitter. Jitter spreads
 * retries of many clients hitting one server; here one queue retries a few jobs, and a
 * deterministic delay keeps the queue's behaviour testable.
 */
export type BackoffPolicy = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** Delay before the attempt after attempt number `attempt` (1-based) failed. */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
}
