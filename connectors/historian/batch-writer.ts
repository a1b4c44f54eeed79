/**
 * Collects rows and writes them in batches: when `maxBatchRows` are waiting or every `flushIntervalMs`,
 * whichever comes first. One flush runs at a time, in order. If the database is down the rows stay
 * buffered in memory up to `maxBufferedRows`, then in a spill queue on disk (when given), and are
 * written back oldest first when it returns. Only when both are full are rows lost — the newest
 * ones, as one gap reported through `onGap`, so history shows a marked hole instead of a silent one.
 * An unbounded buffer would take the whole app down with the database.
 */
import type { SpillQueue } from './spill-queue';

/** Rows that could not be kept: the window they covered and how many there were. */
export type Gap = { from: Date; to: Date; rows: number };

export type BatchWriterOptions<Row> = {
  write(rows: Row[]): Promise<void>;
  flushIntervalMs: number;
  maxBatchRows: number;
  maxBufferedRows: number;
  /** Where rows go once memory is full; without it they are lost (and reported as a gap). */
  spill?: SpillQueue<Row>;
  /** The time a row stands for, to say which window a gap covers. */
  timeOf(row: Row): Date;
  onGap?(gap: Gap): void;
  onError?(error: unknown, rows: number): void;
};

/** Spilled rows staged in memory reach disk at least this often. */
const PERSIST_EVERY_MS = 1000;

export class BatchWriter<Row> {
  private buffer: Row[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  /** The run of lost rows going on now; a row kept again closes it. */
  private gap: Gap | undefined;
  private closedGaps: Gap[] = [];
  private lastPersistMs = Date.now();
  written = 0;
  dropped = 0;
  failures = 0;
  gaps = 0;

  constructor(private readonly options: BatchWriterOptions<Row>) {
    this.timer = setInterval(() => {
      if (this.options.spill && Date.now() - this.lastPersistMs >= PERSIST_EVERY_MS) {
        this.lastPersistMs = Date.now();
        this.options.spill.persist();
      }
      void this.flush();
    }, options.flushIntervalMs);
    this.timer.unref();
  }

  /** Rows waiting for the database, in memory and on disk. */
  get pending(): number {
    return this.buffer.length + (this.options.spill?.rows ?? 0);
  }

  get spilled(): number {
    return this.options.spill?.rows ?? 0;
  }

  add(row: Row): void {
    if (this.closed) return;
    const { spill } = this.options;
    // Once anything is on disk, newer rows queue behind it there, so the backfill stays in order.
    if (this.buffer.length >= this.options.maxBufferedRows || (spill && spill.rows > 0)) {
      if (!spill || spill.push([row]) > 0) this.lose(row);
      else this.closeGap();
      return;
    }
    this.closeGap();
    this.buffer.push(row);
    if (this.buffer.length >= this.options.maxBatchRows) void this.flush();
  }

  /** Writes everything buffered so far; resolves when it is in the database (or the attempt failed). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  private lose(row: Row): void {
    const time = this.options.timeOf(row);
    this.dropped += 1;
    if (!this.gap) this.gap = { from: time, to: time, rows: 0 };
    if (time < this.gap.from) this.gap.from = time;
    if (time > this.gap.to) this.gap.to = time;
    this.gap.rows += 1;
  }

  private closeGap(): void {
    if (!this.gap) return;
    this.closedGaps.push(this.gap);
    this.gap = undefined;
  }

  /** Moves spilled rows back into memory while there is room, oldest first, so the spill shrinks as memory frees. */
  private refill(): void {
    const { spill } = this.options;
    while (spill && spill.rows > 0) {
      const rows = spill.peek();
      if (!rows || rows.length === 0 || rows.length > this.options.maxBufferedRows - this.buffer.length) return;
      this.buffer.push(...rows);
      spill.drop(rows.length);
    }
  }

  private async drain(): Promise<void> {
    const { spill } = this.options;
    for (;;) {
      const fromMemory = this.buffer.length > 0;
      const batch = fromMemory ? this.buffer.slice(0, this.options.maxBatchRows) : spill?.peek();
      if (!batch || batch.length === 0) break;
      try {
        await this.options.write(batch);
        this.written += batch.length;
        // Removed only once stored: while the write runs, memory still counts as full.
        if (fromMemory) this.buffer.splice(0, batch.length);
        else spill!.drop(batch.length);
        this.refill();
      } catch (error) {
        // The batch stays in front; the next flush retries it.
        this.failures += 1;
        this.options.onError?.(error, batch.length);
        return;
      }
    }
    // Caught up: each run of rows lost while everything was full is reported once, as a gap.
    this.reportGaps(false);
  }

  private reportGaps(includeOpen: boolean): void {
    if (includeOpen) this.closeGap();
    for (const gap of this.closedGaps.splice(0)) {
      this.gaps += 1;
      this.options.onGap?.(gap);
    }
  }

  /** Stops the timer and writes what is left; what the database cannot take now stays on disk for the next start. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    await this.flush();
    this.closed = true;
    const { spill } = this.options;
    if (spill) {
      spill.persist();
      spill.unshiftToDisk(this.buffer.splice(0));
    }
    this.reportGaps(true);
  }
}
