/**
 * For tests that wait on something asynchronous (a subscription, a background job, a resumed run):
 * polls `check` until it gives a value, anything but undefined or false, and returns it. After
 * `timeoutMs` it fails naming `what`. The deadline bounds a failure; it is not a timing assertion.
 */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'the condition',
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
