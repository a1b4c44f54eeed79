/**
 * The historian's overflow on disk. When the database is gone for longer than the memory buffer
 * lasts, rows go to numbered JSON-lines segments in the data dir, oldest first out, so they are
 * backfilled in order once the database returns — after a restart too, because segments left by a
 * stopped or crashed process are picked up at start. Bounded: past `maxRows` the caller stops
 * spilling and records a gap instead of filling the disk.
 *
 * Synchronous file calls on purpose: rows arrive a few hundred per second at most, segments are
 * small, and a sync append cannot interleave with itself.
 */
import fs from 'node:fs';
import path from 'node:path';

export type SpillQueueOptions<Row> = {
  dir: string;
  /** Segment file prefix: one queue per kind of row (samples, events). */
  prefix: string;
  maxRows: number;
  /** Rows per segment: one segment is read back and written as one batch. */
  segmentRows: number;
  encode(row: Row): unknown;
  decode(json: unknown): Row;
};

type Segment = { file: string; rows: number };

const SEGMENT_PATTERN = /^(.+)-(\d{16})\.jsonl$/;

export class SpillQueue<Row> {
  private readonly segments: Segment[] = [];
  /** Rows waiting to be appended: newer than every segment on disk. */
  private staged: Row[] = [];
  private nextSeq: number;
  /** The segment the last `peek` read: being written to the database, so never appended to. */
  private peeked: string | undefined;
  /**
   * The last `peek` returned staged rows. They may reach disk (persist) while the database write runs,
   * together with newer rows, so `drop` then removes exactly that many rows from the front, not a whole
   * segment.
   */
  private peekedStaged = false;

  constructor(private readonly options: SpillQueueOptions<Row>) {
    fs.mkdirSync(options.dir, { recursive: true });
    // Leftovers of an earlier process, oldest first: they are older than anything this one spills.
    for (const file of fs.readdirSync(options.dir).sort()) {
      const match = SEGMENT_PATTERN.exec(file);
      if (!match || match[1] !== options.prefix) continue;
      const text = fs.readFileSync(path.join(options.dir, file), 'utf8');
      const rows = text.split('\n').filter((line) => line.trim() !== '').length;
      if (rows === 0) fs.rmSync(path.join(options.dir, file), { force: true });
      else this.segments.push({ file, rows });
    }
    this.nextSeq = Date.now() * 1000;
  }

  /** Rows spilled and not yet taken back. */
  get rows(): number {
    return this.segments.reduce((sum, segment) => sum + segment.rows, 0) + this.staged.length;
  }

  get full(): boolean {
    return this.rows >= this.options.maxRows;
  }

  /** Queues rows behind everything already spilled; returns how many did not fit (the newest). */
  push(rows: readonly Row[]): number {
    const room = Math.max(0, this.options.maxRows - this.rows);
    this.staged.push(...rows.slice(0, room));
    if (this.staged.length >= this.options.segmentRows) this.persist();
    return rows.length - Math.min(room, rows.length);
  }

  /** Writes staged rows to disk, so a crash loses none of them. */
  persist(): void {
    const newest = this.segments.at(-1);
    if (newest && newest.file !== this.peeked && newest.rows < this.options.segmentRows && this.staged.length > 0) {
      const chunk = this.staged.splice(0, this.options.segmentRows - newest.rows);
      fs.appendFileSync(path.join(this.options.dir, newest.file), this.lines(chunk));
      newest.rows += chunk.length;
    }
    while (this.staged.length > 0) {
      const chunk = this.staged.splice(0, this.options.segmentRows);
      this.writeSegment(chunk, this.nextSeq++);
    }
  }

  /**
   * Puts rows in front of everything spilled (the memory buffer at shutdown, which is older than the
   * segments): they are written back first.
   */
  unshiftToDisk(rows: readonly Row[]): void {
    if (rows.length === 0) return;
    const first = this.segments[0] ? Number(SEGMENT_PATTERN.exec(this.segments[0].file)![2]) : this.nextSeq;
    let seq = first - Math.ceil(rows.length / this.options.segmentRows);
    const created: Segment[] = [];
    for (let start = 0; start < rows.length; start += this.options.segmentRows) {
      created.push(this.writeSegment(rows.slice(start, start + this.options.segmentRows), seq++, false));
    }
    this.segments.unshift(...created);
  }

  /** The oldest spilled rows (one segment, or what is staged), without removing them. */
  peek(): Row[] | undefined {
    const oldest = this.segments[0];
    this.peeked = oldest?.file;
    this.peekedStaged = !oldest && this.staged.length > 0;
    if (oldest) {
      const text = fs.readFileSync(path.join(this.options.dir, oldest.file), 'utf8');
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => this.options.decode(JSON.parse(line)));
    }
    return this.staged.length > 0 ? this.staged.slice(0, this.options.segmentRows) : undefined;
  }

  /** Removes what the last `peek` returned, once it is in the database. */
  drop(count: number): void {
    if (this.peekedStaged) {
      this.peekedStaged = false;
      this.dropFront(count);
      return;
    }
    const oldest = this.segments[0];
    if (oldest) {
      fs.rmSync(path.join(this.options.dir, oldest.file), { force: true });
      this.segments.shift();
      this.peeked = undefined;
      return;
    }
    this.staged.splice(0, count);
  }

  /** Removes the oldest `count` rows wherever they are now: whole segments, the front of one, then staged rows. */
  private dropFront(count: number): void {
    let remaining = count;
    while (remaining > 0 && this.segments[0]) {
      const oldest = this.segments[0];
      const file = path.join(this.options.dir, oldest.file);
      if (oldest.rows <= remaining) {
        fs.rmSync(file, { force: true });
        this.segments.shift();
        remaining -= oldest.rows;
        continue;
      }
      // Rewritten beside and renamed over, so a crash leaves either the old segment or the new one.
      const kept = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .slice(remaining);
      fs.writeFileSync(`${file}.tmp`, kept.join('\n') + '\n');
      fs.renameSync(`${file}.tmp`, file);
      oldest.rows -= remaining;
      remaining = 0;
    }
    this.staged.splice(0, remaining);
  }

  private lines(rows: readonly Row[]): string {
    return rows.map((row) => JSON.stringify(this.options.encode(row))).join('\n') + '\n';
  }

  private writeSegment(rows: readonly Row[], seq: number, append = true): Segment {
    const file = `${this.options.prefix}-${String(seq).padStart(16, '0')}.jsonl`;
    fs.writeFileSync(path.join(this.options.dir, file), this.lines(rows));
    const segment = { file, rows: rows.length };
    if (append) this.segments.push(segment);
    return segment;
  }
}
