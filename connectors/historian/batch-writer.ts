/**
 * Collects rows and writes them in batches: when `maxBatchRows` are waiting or every `flushIntervalMs`,
 * whichever comes first. One flush runs at a time, in order. If the database is down the rows stay
 * buffered up to `maxBufferedRows`; beyond that the oldest are dropped and counted, because an
 * unbounded buffer would take the whole app down with the database.
 */
export type BatchWriterOptions<Row> = {
  write(rows: Row[]): Promise<void>;
  flushIntervalMs: number;
  maxBatchRows: number;
  maxBufferedRows: number;
  onError?(error: unknown, rows: number): void;
};

export class BatchWriter<Row> {
  private buffer: Row[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  written = 0;
  dropped = 0;
  failures = 0;

  constructor(private readonly options: BatchWriterOptions<Row>) {
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs);
    this.timer.unref();
  }

  get pending(): number {
    return this.buffer.length;
  }

  add(row: Row): void {
    if (this.closed) return;
    this.buffer.push(row);
    if (this.buffer.length > this.options.maxBufferedRows) {
      const excess = this.buffer.length - this.options.maxBufferedRows;
      this.buffer.splice(0, excess);
      this.dropped += excess;
    }
    if (this.buffer.length >= this.options.maxBatchRows) void this.flush();
  }

  /** Writes everything buffered so far; resolves when it is in the database (or the attempt failed). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.maxBatchRows);
      try {
        await this.options.write(batch);
        this.written += batch.length;
      } catch (error) {
        // Put the batch back in front and stop; the next flush retries it.
        this.buffer.unshift(...batch);
        this.failures += 1;
        this.options.onError?.(error, batch.length);
        return;
      }
    }
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    await this.flush();
    this.closed = true;
  }
}
