/**
 * The AOI engine in this process. A 640×640 board takes tens of milliseconds, short enough to
 * run on the server's thread between requests; the worker loop runs one job at a time per worker.
 */
import { detectDefects, type DetectOptions } from '../../engine/detect';
import type { InspectionBackend } from './inspection-backend';

export function createCpuBackend(options: DetectOptions = {}): InspectionBackend {
  return {
    name: 'cpu',
    async inspect(template, test, run) {
      run?.signal?.throwIfAborted();
      // Let pending I/O run before a CPU-bound stretch.
      await new Promise((resolve) => setImmediate(resolve));
      return detectDefects(template, test, options).defects;
    },
    async health() {
      return { ok: true, reason: 'The CPU engine runs in this process.' };
    },
  };
}
