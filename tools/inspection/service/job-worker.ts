/**
 * Workers that drain the inspection queue: claim a job, load its images, run the backend,
 * record the result. A job's lease is renewed while it runs; if this process dies the lease
 * runs out and any worker (here or in another instance) runs the job again. Failures the
 * backend may recover from (unreachable, timeout) are retried with backoff; bad images fail
 * the job at once with the reason.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@/lib/db/db';
import { AppError, toAppError, type ErrorCode } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import type { InspectionBackend } from './backends/inspection-backend';
import { decodeGrayImage } from '../io/image-io';
import type { BackoffPolicy } from './backoff';
import type { ImageStore } from './image-store';
import { claimNextJob, completeJob, failAttempt, recoverExpiredLeases, releaseJob, renewLease } from './job-queue';
import type { InspectionJob, InspectionOutcome } from './job-types';

/** Failures worth another attempt: the backend or the database may come back. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['backend_unavailable', 'timeout', 'db_unavailable', 'internal']);

export type InspectionWorkerOptions = {
  db: Queryable;
  backend: InspectionBackend;
  images: ImageStore;
  log: Logger;
  /** Identifies this process's workers in leases; unique per process by default. */
  owner?: string;
  /** Jobs run at the same time in this process. */
  concurrency?: number;
  /** How often an idle worker looks for ready jobs (jobs enqueued here wake it at once). */
  pollMs?: number;
  /** How long a claimed job stays ours without a renewal; renewed every third of it. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  now?: () => Date;
};

export type InspectionWorkers = {
  readonly owner: string;
  /** Looks for work now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, cancels running inspections and hands their jobs back to the queue. */
  stop(): Promise<void>;
};

/** Loads a job's images and runs the backend; throws AppError with the reason. */
export async function runInspection(job: InspectionJob, backend: InspectionBackend, images: ImageStore, signal?: AbortSignal): Promise<InspectionOutcome> {
  const [templatePng, testPng] = await Promise.all([images.read(job.templateRef), images.read(job.testRef)]);
  const [template, test] = await Promise.all([
    decodeGrayImage(templatePng, `template ${job.templateRef}`),
    decodeGrayImage(testPng, `test image ${job.testRef}`),
  ]);
  if (template.widthPx !== test.widthPx || template.heightPx !== test.heightPx) {
    throw new AppError(
      'invalid_file',
      `Template ${job.templateRef} is ${template.widthPx}×${template.heightPx} px but test image ${job.testRef} is ${test.widthPx}×${test.heightPx} px. ` +
        'Use the template captured for the same board and camera.',
    );
  }
  const startedMs = performance.now();
  const defects = await backend.inspect(template, test, { signal });
  return { defects, widthPx: template.widthPx, heightPx: template.heightPx, durationMs: Math.round(performance.now() - startedMs) };
}

export function startInspectionWorkers(options: InspectionWorkerOptions): InspectionWorkers {
  const owner = options.owner ?? `inspection-${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 1;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const { db, backend, images, log } = options;
  const stopping = new AbortController();
  let wakeUp: (() => void)[] = [];

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = wakeUp.filter((fn) => fn !== done);
        resolve();
      }
      wakeUp.push(done);
    });

  async function runJob(job: InspectionJob): Promise<void> {
    const jobLog = log.child({ jobId: job.id, attempt: job.attempts });
    const renew = setInterval(
      () => {
        renewLease(db, job.id, owner, leaseMs, now()).catch((error: unknown) => jobLog.warn({ err: error }, 'Could not renew the inspection lease'));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    try {
      const result = await runInspection(job, backend, images, stopping.signal);
      const completed = await completeJob(db, job.id, owner, { backend: backend.name, result }, now());
      if (completed) jobLog.info({ defects: result.defects.length, durationMs: result.durationMs }, 'Inspection done');
      else jobLog.warn('Inspection finished after its lease was lost; the result was discarded (another worker owns the job)');
    } catch (thrown) {
      if (stopping.signal.aborted) {
        await releaseJob(db, job.id, owner, now()).catch(() => undefined);
        return;
      }
      const error = toAppError(thrown);
      const retryable = RETRYABLE.has(error.code);
      const state = await failAttempt(db, job.id, owner, { reason: error.message, retryable, backend: backend.name, now: now(), backoff: options.backoff });
      jobLog.warn({ code: error.code, state }, `Inspection attempt failed: ${error.message}`);
    } finally {
      clearInterval(renew);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let job: InspectionJob | undefined;
      try {
        await recoverExpiredLeases(db, now());
        job = await claimNextJob(db, { owner, leaseMs, now: now() });
      } catch (error) {
        log.warn({ err: error }, 'The inspection queue is unreachable; trying again');
      }
      if (job) await runJob(job);
      else if (!stopping.signal.aborted) await idle();
    }
  }

  const loops = Array.from({ length: concurrency }, () => loop());
  log.debug({ owner, concurrency, backend: backend.name }, 'Inspection workers started');

  return {
    owner,
    wake() {
      for (const fn of [...wakeUp]) fn();
    },
    async stop() {
      stopping.abort();
      for (const fn of [...wakeUp]) fn();
      await Promise.all(loops);
    },
  };
}
