/**
 * trigger_inspection: inspect boards of a lot or line on its AOI machine, or an image pair from
 * disk. It changes nothing in the plant, so it is a read tool, but every request is audited:
 * who had which boards inspected, and the job ids that hold the results.
 */
import { z } from 'zod';
import { INITIAL_ORDERS } from '@/connectors/twin/catalogue';
import type { AuditEntryInput } from '@/lib/audit/audit-log';
import { AppError } from '@/lib/errors';
import { Source } from '../../sources';
import { defineTool } from '../../tool';
import { MAX_BOARDS_PER_REQUEST, type InspectionService } from '../service/inspection-service';
import type { InspectionJob } from '../service/job-types';
import { resolveAoiMachine } from '../service/aoi-lines';
import { boardViewerHref, InspectionSummary, summarizeInspections } from '../service/inspection-summary';
import { boardSources } from './inspection-sources';

export const TriggerInspectionInput = z
  .object({
    lot: z.string().min(1).max(80).optional().describe('Lot or production order id, e.g. "PO-24117" or "42".'),
    line: z.string().min(1).max(40).optional().describe('Line or AOI machine: "L1", "L2", "L1-AOI". Alone, inspects the line’s current order.'),
    boards: z.number().int().min(1).max(MAX_BOARDS_PER_REQUEST).default(10).describe('How many boards of the lot to inspect.'),
    firstSerial: z.number().int().min(1).default(1).describe('Serial number of the first board (B0001 = 1).'),
    templatePath: z.string().min(1).optional().describe('An image pair instead of a lot: the defect-free template image on the server.'),
    testPath: z.string().min(1).optional().describe('An image pair instead of a lot: the test image of the same board.'),
    waitS: z.number().min(0).max(120).default(30).describe('Wait this long for the results before returning the job states.'),
  })
  .refine((input) => (input.templatePath === undefined) === (input.testPath === undefined), {
    message: 'Give both templatePath and testPath for an image pair, or neither.',
  })
  .refine((input) => input.lot !== undefined || input.line !== undefined || input.templatePath !== undefined, {
    message: 'Name a lot, a line, or an image pair (templatePath and testPath).',
  });
export type TriggerInspectionInput = z.input<typeof TriggerInspectionInput>;

export const InspectionJobView = z.object({
  jobId: z.string(),
  lotId: z.string(),
  boardSerial: z.string(),
  aoiMachineId: z.string().optional(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  defectCount: z.number().int().optional(),
  error: z.string().optional(),
  href: z.string(),
});
export type InspectionJobView = z.infer<typeof InspectionJobView>;

export const TriggerInspectionOutput = z.object({
  lotId: z.string(),
  aoiMachineId: z.string().optional(),
  backend: z.string(),
  jobs: z.array(InspectionJobView),
  /** Over the jobs of this request; boards still queued or running are counted as such. */
  summary: InspectionSummary,
  complete: z.boolean(),
  notes: z.array(z.string()),
  sources: z.array(Source),
});
export type TriggerInspectionOutput = z.infer<typeof TriggerInspectionOutput>;

export function jobView(job: InspectionJob): InspectionJobView {
  return {
    jobId: job.id,
    lotId: job.lotId,
    boardSerial: job.boardSerial,
    aoiMachineId: job.lineId,
    state: job.state,
    defectCount: job.result?.defects.length,
    error: job.state === 'done' ? undefined : job.error,
    href: boardViewerHref(job.id),
  };
}

/** Without a live reading: the line's most urgent, earliest-due order in the twin's plan. */
function plannedOrderOf(aoiMachineId: string): string {
  const lineId = `Line${aoiMachineId.slice(1, aoiMachineId.indexOf('-'))}`;
  const orders = INITIAL_ORDERS.filter((order) => order.lineId === lineId).sort((a, b) => a.priority - b.priority || a.dueAfterStartH - b.dueAfterStartH);
  if (!orders[0]) throw new AppError('not_found', `No production order is planned on ${lineId}; name the lot to inspect.`);
  return orders[0].id;
}

export type TriggerInspectionDeps = {
  inspection: InspectionService;
  /** Records the request in the audit log (lib/audit/audit-log.ts appendAudit, bound to the database). */
  audit: (entry: AuditEntryInput) => Promise<unknown>;
  /** The order running on a machine now (its OrderId tag, Good quality), or null when unknown. */
  runningOrder?: (assetId: string) => string | null;
};

export function createTriggerInspectionTool({ inspection, audit, runningOrder }: TriggerInspectionDeps) {
  return defineTool({
    name: 'trigger_inspection',
    title: 'Inspect boards',
    description:
      'Starts automated optical inspections (AOI) of bare PCBs and waits briefly for the results: the boards of a lot or production order ' +
      '(e.g. lot "PO-24117", 10 boards), the current order of a line ("L1"), or one image pair by file path. Returns each board’s job with ' +
      'its state and defect count, a summary (yield, defect Pareto by class, worst boards) and links to the board viewer. Boards already ' +
      'inspected are not inspected again; their earlier results are returned. Use inspection_results for results over time.',
    input: TriggerInspectionInput,
    output: TriggerInspectionOutput,
    effect: 'read',
    async run(input, context) {
      const requestedBy = `${context.actor.kind}:${context.actor.id}`;
      let jobs: InspectionJob[];
      let lotId: string;
      let aoiMachineId: string | undefined;
      const notes: string[] = [];
      if (input.templatePath && input.testPath) {
        const { job } = await inspection.inspectPair({
          templatePath: input.templatePath,
          testPath: input.testPath,
          lot: input.lot,
          line: input.line,
          requestedBy,
        });
        jobs = [job];
        lotId = job.lotId;
        aoiMachineId = job.lineId;
      } else {
        let lot = input.lot;
        if (!lot) {
          // "Inspect line 1" means what is running there now: the AOI machine's live order, the plan only when that is unknown.
          const aoi = resolveAoiMachine(input.line!);
          const running = runningOrder?.(aoi) ?? null;
          lot = running ?? plannedOrderOf(aoi);
          notes.push(
            running
              ? `${aoi} is running order ${lot} now (its OrderId); inspected its boards.`
              : `The order running on ${aoi} could not be read live, so the plan's current order ${lot} was inspected; name the lot to choose another.`,
          );
        }
        const result = await inspection.inspectLot({ lot, line: input.line, count: input.boards, firstSerial: input.firstSerial, requestedBy });
        jobs = result.jobs.map((j) => j.job);
        lotId = result.lot.lotId;
        aoiMachineId = result.lot.aoiMachineId;
        notes.push(...result.notes);
      }
      await audit({
        actor: { kind: context.actor.kind, id: context.actor.id, name: context.actor.name },
        action: 'inspection.triggered',
        subject: { kind: 'inspection_lot', id: lotId },
        conversationId: context.conversationId,
        detail: { aoiMachineId, boards: jobs.length, jobIds: jobs.map((job) => job.id), backend: inspection.backend.name },
      });
      if (input.waitS > 0)
        jobs = await inspection.waitForJobs(
          jobs.map((job) => job.id),
          input.waitS * 1000,
          context.signal,
        );
      const complete = jobs.every((job) => job.state === 'done' || job.state === 'failed');
      if (!complete) notes.push(`Some boards are still being inspected; ask again for the inspection results of lot ${lotId} in a minute.`);
      return {
        lotId,
        aoiMachineId,
        backend: inspection.backend.name,
        jobs: jobs.map(jobView),
        summary: summarizeInspections(jobs),
        complete,
        notes,
        sources: boardSources(jobs),
      };
    },
  });
}
