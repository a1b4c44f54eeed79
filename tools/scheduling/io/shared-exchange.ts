/**
 * The memory the searches of one parallel solve share (`solve-parallel.ts`): one slot per worker for its
 * best solution, a stop flag, and a start barrier. Plain SharedArrayBuffers, so a worker reads the others'
 * solutions between two tabu runs without waiting for a message (its thread never yields to the event
 * loop during a solve).
 *
 * Each slot is a sequence lock: the writer makes the slot's version odd, writes, makes it even again; a
 * reader copies the slot and keeps the copy only if the version was even and unchanged around the copy.
 * A torn read is dropped, and the next poll sees the slot again.
 */
import type { SolutionExchange } from '../engine/tabu-search';

export interface SharedBuffers {
  workers: number;
  /** Operations per solution (the problem's operation count). */
  n: number;
  /** [stop flag, workers ready, version of slot 0, …] */
  control: SharedArrayBuffer;
  values: SharedArrayBuffer;
  sequences: SharedArrayBuffer;
}

const STOP = 0;
const READY = 1;
const VERSION = 2;

export function createSharedBuffers(workers: number, n: number): SharedBuffers {
  return {
    workers,
    n,
    control: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (VERSION + workers)),
    values: new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * workers),
    sequences: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * workers * Math.max(1, n)),
  };
}

export interface SharedView {
  exchange: SolutionExchange;
  /** True once any worker asked all to stop (it reached the target). */
  stopped(): boolean;
  stopAll(): void;
  /** Blocks until every worker has called it, so the searches start (and their clocks run) together. */
  awaitAllReady(timeoutMs: number): boolean;
}

/**
 * The view of worker `self`. With `importing` false it publishes but never takes the others' solutions,
 * so its search is exactly the single-threaded one for its seed.
 */
export function sharedView(buffers: SharedBuffers, self: number, importing: boolean): SharedView {
  const { workers, n } = buffers;
  const control = new Int32Array(buffers.control);
  const values = new Float64Array(buffers.values);
  const sequences = new Int32Array(buffers.sequences);
  const seen = new Int32Array(workers);
  const copy = new Int32Array(n);
  const exchange: SolutionExchange = {
    publish(seq, value) {
      if (seq.length !== n) return;
      Atomics.add(control, VERSION + self, 1);
      sequences.set(seq, self * n);
      values[self] = value;
      Atomics.add(control, VERSION + self, 1);
    },
    receive(take) {
      if (!importing) return;
      for (let w = 0; w < workers; w++) {
        if (w === self) continue;
        const before = Atomics.load(control, VERSION + w);
        if (before === seen[w] || before % 2 === 1) continue;
        copy.set(sequences.subarray(w * n, (w + 1) * n));
        const value = values[w]!;
        if (Atomics.load(control, VERSION + w) !== before) continue;
        seen[w] = before;
        take(copy, value);
      }
    },
  };
  return {
    exchange,
    stopped: () => Atomics.load(control, STOP) !== 0,
    stopAll: () => {
      Atomics.store(control, STOP, 1);
    },
    awaitAllReady(timeoutMs) {
      Atomics.add(control, READY, 1);
      Atomics.notify(control, READY);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ready = Atomics.load(control, READY);
        if (ready >= workers) return true;
        const left = deadline - Date.now();
        if (left <= 0) return false;
        Atomics.wait(control, READY, ready, left);
      }
    },
  };
}
