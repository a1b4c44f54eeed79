/**
 * What a set of inspections says about quality: yield, a Pareto of defect classes, an hourly
 * trend and the worst boards. Pure: jobs in, summary out.
 */
import { z } from 'zod';
import { DEFECT_NAMES, DEFECT_TYPE_IDS, defectName } from '../engine/defect-types';
import { imageHref } from './image-store';
import type { InspectionJob } from './job-types';

export const ParetoEntry = z.object({
  type: z.number().int(),
  name: z.enum(DEFECT_NAMES),
  count: z.number().int(),
  sharePct: z.number(),
  cumulativePct: z.number(),
});
export type ParetoEntry = z.infer<typeof ParetoEntry>;

export const TrendPoint = z.object({
  /** Start of the hour, ISO 8601 UTC. */
  hourStart: z.string(),
  boards: z.number().int(),
  defectiveBoards: z.number().int(),
  yieldPct: z.number(),
});

export const WorstBoard = z.object({
  jobId: z.string(),
  lotId: z.string(),
  aoiMachineId: z.string().optional(),
  boardSerial: z.string(),
  defectCount: z.number().int(),
  classes: z.array(z.enum(DEFECT_NAMES)),
  /** The board viewer. */
  href: z.string(),
  /** The test image. */
  imageHref: z.string(),
});
export type WorstBoard = z.infer<typeof WorstBoard>;

export const InspectionSummary = z.object({
  boardsInspected: z.number().int(),
  defectiveBoards: z.number().int(),
  /** Share of inspected boards without a defect; null when none were inspected. */
  yieldPct: z.number().nullable(),
  defectCount: z.number().int(),
  pareto: z.array(ParetoEntry),
  trend: z.array(TrendPoint),
  worstBoards: z.array(WorstBoard),
  queued: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
});
export type InspectionSummary = z.infer<typeof InspectionSummary>;

export function boardViewerHref(jobId: string): string {
  return `/inspection/${encodeURIComponent(jobId)}`;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function summarizeInspections(jobs: readonly InspectionJob[], options: { worstCount?: number } = {}): InspectionSummary {
  const done = jobs.filter((job) => job.state === 'done' && job.result);
  const counts = new Map<number, number>();
  const hours = new Map<string, { boards: number; defectiveBoards: number }>();
  let defectiveBoards = 0;
  let defectCount = 0;
  for (const job of done) {
    const defects = job.result!.defects;
    if (defects.length > 0) defectiveBoards++;
    defectCount += defects.length;
    for (const defect of defects) counts.set(defect.type, (counts.get(defect.type) ?? 0) + 1);
    const at = job.finishedAt ?? job.updatedAt;
    const hourStart = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
    const bucket = hours.get(hourStart) ?? { boards: 0, defectiveBoards: 0 };
    bucket.boards++;
    if (defects.length > 0) bucket.defectiveBoards++;
    hours.set(hourStart, bucket);
  }

  let cumulative = 0;
  const pareto = DEFECT_TYPE_IDS.map((type) => ({ type, count: counts.get(type) ?? 0 }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || a.type - b.type)
    .map((entry) => {
      cumulative += entry.count;
      return {
        type: entry.type,
        name: defectName(entry.type),
        count: entry.count,
        sharePct: round1((100 * entry.count) / defectCount),
        cumulativePct: round1((100 * cumulative) / defectCount),
      };
    });

  const trend = [...hours.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([hourStart, bucket]) => ({ hourStart, ...bucket, yieldPct: round1((100 * (bucket.boards - bucket.defectiveBoards)) / bucket.boards) }));

  const worstBoards = done
    .filter((job) => job.result!.defects.length > 0)
    .sort((a, b) => b.result!.defects.length - a.result!.defects.length || a.id.localeCompare(b.id))
    .slice(0, options.worstCount ?? 5)
    .map((job) => ({
      jobId: job.id,
      lotId: job.lotId,
      aoiMachineId: job.lineId,
      boardSerial: job.boardSerial,
      defectCount: job.result!.defects.length,
      classes: [...new Set(job.result!.defects.map((d) => d.name))],
      href: boardViewerHref(job.id),
      imageHref: imageHref(job.testRef),
    }));

  return {
    boardsInspected: done.length,
    defectiveBoards,
    yieldPct: done.length > 0 ? round1((100 * (done.length - defectiveBoards)) / done.length) : null,
    defectCount,
    pareto,
    trend,
    worstBoards,
    queued: jobs.filter((job) => job.state === 'queued').length,
    running: jobs.filter((job) => job.state === 'running').length,
    failed: jobs.filter((job) => job.state === 'failed').length,
  };
}
