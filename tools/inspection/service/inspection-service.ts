/**
 * The inspection service the server runs: the job queue, its workers, the backend (CPU engine
 * or a KServe v2 inference server) and the AOI machines' image source. Tools, routes and pages
 * reach it as `getRuntime().services.inspection`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '@/lib/db/db';
import { AppError } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import { createCpuBackend } from './backends/cpu-backend';
import type { BackendHealth, InspectionBackend } from './backends/inspection-backend';
import { createKserveV2Backend } from './backends/kserve-v2-backend';
import { decodeGrayImage, encodeGrayImage } from '../io/image-io';
import { resolveLot, twinAoiRejectRate, type ResolvedLot } from './aoi-lines';
import { boardSerial, renderLotBoard } from './board-source';
import { summarizeInspections, type InspectionSummary } from './inspection-summary';
import type { BackoffPolicy } from './backoff';
import { ImageStore, imageRef } from './image-store';
import { countJobsByState, enqueueJob, getJob, listJobs, retryFailedJob, type JobFilter } from './job-queue';
import type { InspectionJob, JobState } from './job-types';
import { startInspectionWorkers, type InspectionWorkers } from './job-worker';

export type InspectionServiceOptions = {
  db: Db;
  /** Images go to `<dataDir>/inspection/`. */
  dataDir: string;
  log: Logger;
  /** INSPECTION_BACKEND_URL: a KServe v2 / Triton HTTP server; the in-process CPU engine when absent. */
  backendUrl?: string;
  /** INSPECTION_MODEL: the model's name on that server. */
  model?: string;
  backendTimeoutMs?: number;
  /** A backend built elsewhere (tests); overrides backendUrl. */
  backend?: InspectionBackend;
  /** Jobs run at the same time in this process. */
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Share of boards with defects for lots that are not twin orders, and for all lots when `forceDefectiveShare`. */
  defectiveShare?: number;
  /** Use `defectiveShare` for every lot instead of the twin's AOI reject rate (demos, load tests). */
  forceDefectiveShare?: boolean;
  /** The plant's seed: the same seed renders the same boards. */
  seed?: number;
  boardSizePx?: number;
};

export type LotInspectionRequest = { lot: string; line?: string; count: number; firstSerial?: number; requestedBy?: string };
export type LotInspection = { lot: ResolvedLot; defectiveShare: number; jobs: { job: InspectionJob; created: boolean }[]; notes: string[] };
export type PairInspectionRequest = { templatePath: string; testPath: string; lot?: string; line?: string; requestedBy?: string };
export type ResultsFilter = { lot?: string; line?: string; from?: Date; to?: Date };

export interface InspectionService {
  readonly backend: InspectionBackend;
  readonly images: ImageStore;
  /** Renders the boards of a lot as its AOI machine captures them and queues one job per board. */
  inspectLot(request: LotInspectionRequest): Promise<LotInspection>;
  /** Queues an inspection of an image pair from disk; the files are checked and copied into the image store. */
  inspectPair(request: PairInspectionRequest): Promise<{ job: InspectionJob; created: boolean }>;
  getJob(id: string): Promise<InspectionJob | undefined>;
  listJobs(filter?: JobFilter): Promise<InspectionJob[]>;
  /** Resolves when every job is done or failed, or at the deadline; returns the jobs as they are. */
  waitForJobs(ids: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<InspectionJob[]>;
  results(filter: ResultsFilter): Promise<InspectionSummary & { filter: { lotId?: string; aoiMachineId?: string; from?: string; to?: string } }>;
  retry(id: string): Promise<InspectionJob>;
  counts(): Promise<Record<JobState, number>>;
  health(): Promise<BackendHealth>;
  stop(): Promise<void>;
}

/** Inspecting a whole lot is many jobs; this caps one request. */
export const MAX_BOARDS_PER_REQUEST = 200;
const DEFAULT_DEFECTIVE_SHARE = 0.05;

export function createInspectionBackend(options: Pick<InspectionServiceOptions, 'backendUrl' | 'model' | 'backendTimeoutMs'>): InspectionBackend {
  if (!options.backendUrl) return createCpuBackend();
  if (!options.model) {
    throw new AppError(
      'config_invalid',
      'INSPECTION_BACKEND_URL is set but INSPECTION_MODEL is not. Set INSPECTION_MODEL to the AOI model name on that server.',
    );
  }
  return createKserveV2Backend({ url: options.backendUrl, model: options.model, timeoutMs: options.backendTimeoutMs });
}

async function readPairFile(filePath: string, label: string): Promise<Buffer> {
  try {
    return await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'file_unreadable',
      code === 'ENOENT' ? `The ${label} ${filePath} does not exist. Check the path.` : `Cannot read the ${label} ${filePath} (${code ?? String(error)}).`,
      { cause: error },
    );
  }
}

export function startInspectionService(options: InspectionServiceOptions): InspectionService {
  const { db, log } = options;
  const backend = options.backend ?? createInspectionBackend(options);
  const images = new ImageStore(path.join(options.dataDir, 'inspection'));
  const maxAttempts = options.maxAttempts ?? 5;
  const workers: InspectionWorkers = startInspectionWorkers({
    db,
    backend,
    images,
    log: log.child({ part: 'inspection' }),
    concurrency: options.concurrency,
    pollMs: options.pollMs,
    leaseMs: options.leaseMs,
    backoff: options.backoff,
  });
  log.info(`Inspection: ${backend.name === 'cpu' ? 'CPU engine in this process' : backend.name}`);

  function defectiveShareFor(lot: ResolvedLot): number {
    if (options.forceDefectiveShare || !lot.product) return options.defectiveShare ?? DEFAULT_DEFECTIVE_SHARE;
    return twinAoiRejectRate(lot.product);
  }

  return {
    backend,
    images,

    async inspectLot(request) {
      if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_BOARDS_PER_REQUEST) {
        throw new AppError('invalid_argument', `Inspect between 1 and ${MAX_BOARDS_PER_REQUEST} boards per request; ${request.count} were asked for.`);
      }
      const { lineAssumed, ...lot } = resolveLot(request.lot, request.line);
      const notes: string[] = [];
      if (lineAssumed)
        notes.push(`Lot ${lot.lotId} is not one of the plant's production orders and no line was named; its boards were inspected on ${lot.aoiMachineId}.`);
      const defectiveShare = defectiveShareFor(lot);
      const first = request.firstSerial ?? 1;
      const jobs: LotInspection['jobs'] = [];
      for (let index = first; index < first + request.count; index++) {
        const serial = boardSerial(index);
        const id = `aoi-${lot.lotId}-${serial}`;
        const existing = await getJob(db, id);
        if (existing) {
          jobs.push({ job: existing, created: false });
          continue;
        }
        const pair = renderLotBoard({ lotId: lot.lotId, boardSerial: serial, defectiveShare, seed: options.seed, sizePx: options.boardSizePx });
        const templateRef = imageRef(lot.lotId, serial, 'temp');
        const testRef = imageRef(lot.lotId, serial, 'test');
        await images.write(templateRef, await encodeGrayImage(pair.template));
        await images.write(testRef, await encodeGrayImage(pair.test));
        jobs.push(
          await enqueueJob(db, {
            id,
            lineId: lot.aoiMachineId,
            lotId: lot.lotId,
            boardSerial: serial,
            templateRef,
            testRef,
            maxAttempts,
            requestedBy: request.requestedBy,
          }),
        );
      }
      if (jobs.some((j) => !j.created))
        notes.push(`${jobs.filter((j) => !j.created).length} of these boards had been inspected or queued before; their existing jobs are returned.`);
      workers.wake();
      return { lot, defectiveShare, jobs, notes };
    },

    async inspectPair(request) {
      const [templatePng, testPng] = await Promise.all([readPairFile(request.templatePath, 'template'), readPairFile(request.testPath, 'test image')]);
      // Check now, so a bad pair is refused to the person asking rather than failing later in the queue.
      const [template, test] = await Promise.all([decodeGrayImage(templatePng, request.templatePath), decodeGrayImage(testPng, request.testPath)]);
      if (template.widthPx !== test.widthPx || template.heightPx !== test.heightPx) {
        throw new AppError(
          'invalid_file',
          `Template ${request.templatePath} is ${template.widthPx}×${template.heightPx} px but test image ${request.testPath} is ${test.widthPx}×${test.heightPx} px. ` +
            'Use the template captured for the same board and camera.',
        );
      }
      const digest = createHash('sha256').update(templatePng).update(testPng).digest('hex').slice(0, 16);
      const lotId = request.lot ? resolveLot(request.lot, request.line ?? 'L1').lotId : 'adhoc';
      const aoiMachineId = request.line ? resolveLot(lotId, request.line).aoiMachineId : undefined;
      const serial = `P${digest}`;
      const templateRef = imageRef(lotId, serial, 'temp');
      const testRef = imageRef(lotId, serial, 'test');
      // Stored as PNG whatever came in, so the viewer and the image route serve one format.
      await images.write(templateRef, await encodeGrayImage(template));
      await images.write(testRef, await encodeGrayImage(test));
      const queued = await enqueueJob(db, {
        id: `pair-${lotId}-${digest}`,
        lineId: aoiMachineId,
        lotId,
        boardSerial: serial,
        templateRef,
        testRef,
        maxAttempts,
        requestedBy: request.requestedBy,
      });
      workers.wake();
      return queued;
    },

    getJob: (id) => getJob(db, id),
    listJobs: (filter) => listJobs(db, filter),

    async waitForJobs(ids, timeoutMs, signal) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const jobs = (await Promise.all(ids.map((id) => getJob(db, id)))).filter((job): job is InspectionJob => job !== undefined);
        const open = jobs.some((job) => job.state === 'queued' || job.state === 'running');
        if (!open || Date.now() >= deadline || signal?.aborted) return jobs;
        await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(10, deadline - Date.now()))));
      }
    },

    async results(filter) {
      const lot = filter.lot ? resolveLot(filter.lot, filter.line ?? 'L1').lotId : undefined;
      const aoiMachineId = filter.line ? resolveLot('any', filter.line).aoiMachineId : undefined;
      const jobs = await listJobs(db, { lotId: lot, lineId: aoiMachineId, from: filter.from, to: filter.to, limit: 10_000 });
      return {
        ...summarizeInspections(jobs),
        filter: { lotId: lot, aoiMachineId, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
      };
    },

    retry: async (id) => {
      const job = await retryFailedJob(db, id);
      workers.wake();
      return job;
    },
    counts: () => countJobsByState(db),
    health: () => backend.health(),
    stop: () => workers.stop(),
  };
}
