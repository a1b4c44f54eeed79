import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { openEmbeddedDb } from '@/lib/db/pglite';
import { testDatabases } from '@/lib/db/testing';
import { AppError } from '@/lib/errors';
import { silentLogger } from '@/lib/log';
import type { InspectionBackend } from './backends/inspection-backend';
import { createCpuBackend } from './backends/cpu-backend';
import { encodeGrayImage } from '../io/image-io';
import { renderBoardPair } from '../engine/synthetic-board';
import { ImageStore, imageRef } from './image-store';
import { claimNextJob, completeJob, enqueueJob, failAttempt, getJob, listJobs, recoverExpiredLeases, retryFailedJob } from './job-queue';
import type { InspectionJob } from './job-types';
import { startInspectionWorkers, type InspectionWorkers } from './job-worker';
import { eventually } from '@/test/eventually';

async function storeBoard(store: ImageStore, lotId: string, boardSerial: string, seed: number) {
  const pair = renderBoardPair({ seed, widthPx: 240, heightPx: 240, defects: [{ type: 2 }] });
  const templateRef = imageRef(lotId, boardSerial, 'temp');
  const testRef = imageRef(lotId, boardSerial, 'test');
  await store.write(templateRef, await encodeGrayImage(pair.template));
  await store.write(testRef, await encodeGrayImage(pair.test));
  return { id: `aoi-${lotId}-${boardSerial}`, lotId, boardSerial, lineId: 'L1-AOI', templateRef, testRef };
}

/** Counts inspections per job so a test can tell whether a job ran twice. */
function countingBackend(inner: InspectionBackend = createCpuBackend()): InspectionBackend & { calls: number } {
  const backend = {
    name: 'counting-cpu',
    calls: 0,
    async inspect(...args: Parameters<InspectionBackend['inspect']>) {
      backend.calls++;
      return inner.inspect(...args);
    },
    health: () => inner.health(),
  };
  return backend;
}

describe.each(testDatabases())('inspection job queue on $kind', ({ open }) => {
  let db: Db;
  let root: string;
  let store: ImageStore;
  const workers: InspectionWorkers[] = [];

  // One database per kind (opening PGlite is the slow part); each test starts from an empty queue.
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM inspection_jobs');
    root = await mkdtemp(path.join(tmpdir(), 'pp-inspection-'));
    store = new ImageStore(root);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await rm(root, { recursive: true, force: true });
  });

  it('is idempotent by job id and refuses an id reused for another board', async () => {
    const board = await storeBoard(store, 'LOT42', 'B0001', 1);
    const first = await enqueueJob(db, board);
    const again = await enqueueJob(db, board);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.job.id).toBe(first.job.id);
    await expect(enqueueJob(db, { ...board, boardSerial: 'B0002' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await listJobs(db)).toHaveLength(1);
  });

  it('completes a job at most once: a late worker whose lease expired cannot overwrite the result', async () => {
    const board = await storeBoard(store, 'LOT42', 'B0001', 1);
    const t0 = new Date('2025-03-01T08:00:00Z');
    await enqueueJob(db, board, t0);
    const byA = await claimNextJob(db, { owner: 'a', leaseMs: 1000, now: t0 });
    expect(byA?.state).toBe('running');
    expect(await claimNextJob(db, { owner: 'b', leaseMs: 1000, now: t0 })).toBeUndefined();

    const later = new Date(t0.getTime() + 5000);
    expect(await recoverExpiredLeases(db, later)).toBe(1);
    const byB = await claimNextJob(db, { owner: 'b', leaseMs: 1000, now: later });
    expect(byB?.attempts).toBe(2);
    const result = { defects: [], widthPx: 240, heightPx: 240, durationMs: 1 };
    expect(await completeJob(db, board.id, 'b', { backend: 'cpu', result }, later)).toBe(true);
    expect(await completeJob(db, board.id, 'a', { backend: 'cpu', result: { ...result, durationMs: 99 } }, later)).toBe(false);
    expect(await completeJob(db, board.id, 'b', { backend: 'cpu', result: { ...result, durationMs: 99 } }, later)).toBe(false);
    expect(await failAttempt(db, board.id, 'a', { reason: 'late', retryable: true, now: later })).toBeUndefined();
    const job = await getJob(db, board.id);
    expect(job).toMatchObject({ state: 'done', attempts: 2, result: { durationMs: 1 } });
  });

  it('retries a dead backend with backoff, keeps the reason, and succeeds when it comes back', async () => {
    const board = await storeBoard(store, 'LOT42', 'B0001', 1);
    await enqueueJob(db, board);
    let down = 2;
    const cpu = createCpuBackend();
    const flaky: InspectionBackend = {
      name: 'flaky',
      async inspect(template, test) {
        if (down-- > 0) throw new AppError('backend_unavailable', 'Cannot reach the inspection server at http://gpu:8000 (ECONNREFUSED).');
        return cpu.inspect(template, test);
      },
      health: () => cpu.health(),
    };
    const seen: string[] = [];
    workers.push(startInspectionWorkers({ db, backend: flaky, images: store, log: silentLogger, pollMs: 10, backoff: { baseMs: 20, maxMs: 50 } }));
    const done = await eventually(
      async () => {
        const job = await getJob(db, board.id);
        if (job?.error) seen.push(job.error);
        return job?.state === 'done' ? job : undefined;
      },
      15_000,
      'the job to succeed',
    );
    expect(done.attempts).toBe(3);
    expect(done.error).toBeUndefined();
    expect(done.result!.defects.map((d) => d.name)).toContain('short');
    expect(seen.some((reason) => /ECONNREFUSED/.test(reason))).toBe(true);
  });

  it('fails a job with the last reason once its attempts are used up, and a person can retry it', async () => {
    const board = await storeBoard(store, 'LOT42', 'B0001', 1);
    await enqueueJob(db, { ...board, maxAttempts: 2 });
    const dead: InspectionBackend = {
      name: 'dead',
      inspect: async () => {
        throw new AppError('backend_unavailable', 'Cannot reach the inspection server at http://gpu:8000 (ECONNREFUSED).');
      },
      health: async () => ({ ok: false, reason: 'down' }),
    };
    const worker = startInspectionWorkers({ db, backend: dead, images: store, log: silentLogger, pollMs: 10, backoff: { baseMs: 10, maxMs: 10 } });
    workers.push(worker);
    const failed = await eventually(
      async () => ((await getJob(db, board.id))?.state === 'failed' ? getJob(db, board.id) : undefined),
      15_000,
      'the job to fail',
    );
    expect(failed).toMatchObject({ state: 'failed', attempts: 2, error: expect.stringMatching(/ECONNREFUSED/) });
    await worker.stop();
    workers.splice(0);
    const requeued = await retryFailedJob(db, board.id);
    expect(requeued).toMatchObject({ state: 'queued', attempts: 0 });
    await expect(retryFailedJob(db, board.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('fails corrupt and mismatched images at once with a clear reason', async () => {
    const corrupt = await storeBoard(store, 'LOT42', 'B0001', 1);
    await store.write(corrupt.testRef, new TextEncoder().encode('not a png at all'));
    const mismatched = await storeBoard(store, 'LOT42', 'B0002', 2);
    const other = renderBoardPair({ seed: 3, widthPx: 160, heightPx: 160 });
    await store.write(mismatched.testRef, await encodeGrayImage(other.test));
    await enqueueJob(db, corrupt);
    await enqueueJob(db, mismatched);
    workers.push(startInspectionWorkers({ db, backend: createCpuBackend(), images: store, log: silentLogger, pollMs: 10 }));
    const finished = await eventually(
      async () => {
        const jobs = await listJobs(db, { states: ['failed'] });
        return jobs.length === 2 ? jobs : undefined;
      },
      15_000,
      'both jobs to fail',
    );
    const byId = new Map(finished.map((job) => [job.id, job]));
    expect(byId.get(corrupt.id)).toMatchObject({ attempts: 1, error: expect.stringMatching(/Cannot decode test image LOT42\/B0001_test\.png/) });
    expect(byId.get(mismatched.id)).toMatchObject({ attempts: 1, error: expect.stringMatching(/240×240 px but test image .* 160×160 px/) });
  });

  it('runs each of many jobs exactly once with two worker pools sharing the queue', async () => {
    const boards: Awaited<ReturnType<typeof storeBoard>>[] = [];
    for (let i = 1; i <= 8; i++) boards.push(await storeBoard(store, 'LOT7', `B${String(i).padStart(4, '0')}`, i));
    for (const board of boards) await enqueueJob(db, board);
    const backend = countingBackend();
    workers.push(startInspectionWorkers({ db, backend, images: store, log: silentLogger, owner: 'a', concurrency: 2, pollMs: 10 }));
    workers.push(startInspectionWorkers({ db, backend, images: store, log: silentLogger, owner: 'b', concurrency: 2, pollMs: 10 }));
    const jobs = await eventually(
      async () => {
        const done = await listJobs(db, { states: ['done'] });
        return done.length === boards.length ? done : undefined;
      },
      15_000,
      'all jobs done',
    );
    expect(backend.calls).toBe(boards.length);
    expect(jobs.every((job: InspectionJob) => job.attempts === 1)).toBe(true);
  });
});

describe('inspection job queue across a restart (embedded database on disk)', () => {
  let dataDir: string;
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a job whose worker died mid-job runs again after the restart and completes once', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pp-restart-'));
    const store = new ImageStore(path.join(dataDir, 'inspection'));
    const t0 = new Date();
    let db = await openEmbeddedDb({ dataDir });
    await migrate(db);
    const board = await storeBoard(store, 'LOT42', 'B0001', 5);
    await enqueueJob(db, board, t0);
    // The first process claims the job and dies before finishing it.
    const claimed = await claimNextJob(db, { owner: 'crashed-process', leaseMs: 50, now: t0 });
    expect(claimed?.state).toBe('running');
    await db.close();

    db = await openEmbeddedDb({ dataDir });
    try {
      expect((await getJob(db, board.id))?.state).toBe('running');
      const backend = countingBackend();
      const worker = startInspectionWorkers({ db, backend, images: store, log: silentLogger, pollMs: 10, leaseMs: 5000 });
      try {
        const done = await eventually(
          async () => ((await getJob(db, board.id))?.state === 'done' ? getJob(db, board.id) : undefined),
          15_000,
          'the job to finish',
        );
        expect(done).toMatchObject({ state: 'done', attempts: 2, backend: 'counting-cpu' });
        expect(backend.calls).toBe(1);
        // The dead process's late completion (had it come back) is refused.
        expect(await completeJob(db, board.id, 'crashed-process', { backend: 'cpu', result: { defects: [], widthPx: 1, heightPx: 1, durationMs: 0 } })).toBe(
          false,
        );
        expect((await getJob(db, board.id))?.result?.defects.length).toBeGreaterThan(0);
      } finally {
        await worker.stop();
      }
    } finally {
      await db.close();
    }
  });
});
