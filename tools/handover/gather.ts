/**
 * Collects the facts of a window from every source a handover reads. The historian, approvals, audit
 * and notes live in the database and are always read; inspection results, maintenance forecasts and a
 * released plan come through small optional interfaces, and a missing one makes its section say so.
 */
import { LINES, PLANT } from '../../connectors/twin/catalogue';
import { listAudit } from '../../lib/audit/audit-log';
import type { Queryable } from '../../lib/db/db';
import { fromRow as approvalFromRow } from '../approval/store';
import type { ApprovalRequest } from '../approval/types';
import { alarmsBefore, counterIncreases, countEvents, eventsOfKind, holdEvents, initialStates, textTagChanges, type TextChange } from './historian-facts';
import { selectNotes } from './notes-store';
import { alarmEpisodes, machineStops } from './plant-events';
import { catalogueLinePlan, DEFAULT_TARGET_EFFICIENCY, idealCycleTimes, type PlanProvider } from './plan';
import type { ApprovalAction, AuditAction, InspectionFacts, LineLayout, MaintenanceRisk, ProductSegment, ReportWindow, ShiftFacts } from './report-types';

/** What the inspection service offers a handover (InspectionService.results fits). */
export interface InspectionSource {
  results(filter: { from?: Date; to?: Date }): Promise<{
    boardsInspected: number;
    defectiveBoards: number;
    yieldPct: number | null;
    pareto: { name: string; count: number; sharePct: number }[];
    worstBoards: { jobId: string; lotId: string; boardSerial: string; defectCount: number; href: string }[];
  }>;
}

/** Assets at risk during the next shift, from whatever forecasts maintenance (RUL model, work orders). */
export interface MaintenanceSource {
  risksFor(window: { from: Date; to: Date }): Promise<MaintenanceRisk[]>;
}

export type HandoverSources = {
  /** Historian, approvals, audit log and notes. */
  db: Queryable;
  inspection?: InspectionSource;
  maintenance?: MaintenanceSource;
  /** A released schedule's plan per line; the catalogue plan (see plan.ts) otherwise. */
  plan?: PlanProvider;
  /** Share of the ideal rate the catalogue plan assumes. */
  targetEfficiency?: number;
  /** Lines and machines; the plant twin's catalogue by default. */
  lines?: LineLayout[];
  plant?: { id: string; name: string };
  /** How far back to look for alarms still active when the window begins (default 24 h). */
  alarmLookbackMs?: number;
};

export const CATALOGUE_LINES: LineLayout[] = LINES.map((line) => ({
  id: line.id,
  name: line.displayName,
  machineIds: [...line.machineIds],
  outputMachineId: line.machineIds[line.machineIds.length - 1]!,
}));

const COUNTER_TAGS = ['GoodCount', 'ScrapCount', 'TotalCount'];
/** Audit actions that are not shift actions, or are reported elsewhere (approval rows, the notes section). */
const AUDIT_NOT_ACTIONS = /^(approval\.|user\.login|user\.logout|handover\.note_added)/;

function approvalAction(request: ApprovalRequest): ApprovalAction {
  return {
    id: request.id,
    tool: request.tool,
    summary: request.preview.summary,
    status: request.status,
    risk: request.risk,
    requester: request.requester.name,
    createdAt: request.createdAt,
    decidedBy: request.decidedBy?.name ?? null,
    decidedAt: request.decidedAt ?? null,
    executedAt: request.executedAt ?? null,
    readBack: request.readBack ? { ok: request.readBack.ok, observed: request.readBack.observed } : null,
    error: request.error ?? null,
    assetId: request.preview.asset?.id ?? null,
  };
}

async function approvalsIn(db: Queryable, from: Date, to: Date): Promise<ApprovalAction[]> {
  const { rows } = await db.query<Parameters<typeof approvalFromRow>[0]>(
    `SELECT * FROM approval_requests
     WHERE (created_at >= $1 AND created_at < $2) OR (decided_at >= $1 AND decided_at < $2) OR (executed_at >= $1 AND executed_at < $2)
     ORDER BY created_at, id LIMIT 1000`,
    [from, to],
  );
  return rows.map((row) => approvalAction(approvalFromRow(row)));
}

async function auditIn(db: Queryable, from: Date, to: Date): Promise<AuditAction[]> {
  const entries = await listAudit(db, { from, to, limit: 1000 });
  return entries
    .filter((entry) => !AUDIT_NOT_ACTIONS.test(entry.action))
    .reverse()
    .map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor.name,
      action: entry.action,
      subjectKind: entry.subject?.kind ?? null,
      subjectId: entry.subject?.id ?? null,
    }));
}

/** Product segments per line from the output machine's ProductId/OrderId changes. */
export function productSegments(lines: readonly LineLayout[], changes: readonly TextChange[], window: ReportWindow): ProductSegment[] {
  const segments: ProductSegment[] = [];
  for (const line of lines) {
    const own = changes.filter((change) => change.assetId === line.outputMachineId).sort((a, b) => a.time.localeCompare(b.time));
    let current: ProductSegment | null = null;
    let productId: string | null = null;
    let orderId: string | null = null;
    for (const change of own) {
      if (change.tagId === 'ProductId') productId = change.value || null;
      else orderId = change.value || null;
      if (current && current.productId === productId && current.orderId === orderId) continue;
      if (current) {
        current.to = change.time;
        if (current.to > current.from) segments.push(current);
      }
      current = { lineId: line.id, productId, orderId, from: change.time, to: window.to };
    }
    if (current && current.to > current.from) segments.push(current);
  }
  return segments;
}

export async function gatherShiftFacts(sources: HandoverSources, window: ReportWindow): Promise<ShiftFacts> {
  const { db } = sources;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const lines = sources.lines ?? CATALOGUE_LINES;
  const machineIds = [...new Set(lines.flatMap((line) => line.machineIds))];
  const lineOf = new Map(lines.flatMap((line) => line.machineIds.map((id) => [id, line.id] as const)));

  // Sequential on purpose: the embedded database has one connection, so parallel queries only queue.
  const eventsInWindow = await countEvents(db, from, to);
  const alarmRows = await eventsOfKind(db, 'alarm', from, to);
  const carried = await alarmsBefore(db, from, sources.alarmLookbackMs ?? 24 * 3_600_000);
  const stateRows = await eventsOfKind(db, 'state_change', from, to);
  const initial = await initialStates(db, machineIds, from);
  const counters = await counterIncreases(db, machineIds, COUNTER_TAGS, from, to);
  const textChanges = await textTagChanges(
    db,
    lines.map((line) => line.outputMachineId),
    ['ProductId', 'OrderId'],
    from,
    to,
  );
  const holds = await holdEvents(db, from, to);
  const approvals = await approvalsIn(db, from, to);
  const audit = await auditIn(db, from, to);
  const notes = await selectNotes(db, from, to);

  const alarms = alarmEpisodes(carried, alarmRows);
  const { downtime, stateTimes } = machineStops(window, initial, stateRows, alarms, (assetId) => lineOf.get(assetId) ?? null);
  const segments = productSegments(lines, textChanges, window);

  const plans = [];
  for (const line of lines) {
    const lineSegments = segments.filter((segment) => segment.lineId === line.id);
    const plan =
      (sources.plan ? await sources.plan({ lineId: line.id, outputMachineId: line.outputMachineId, window, segments: lineSegments }) : null) ??
      catalogueLinePlan(line, window, lineSegments, sources.targetEfficiency ?? DEFAULT_TARGET_EFFICIENCY);
    if (plan) plans.push(plan);
  }

  let inspection: InspectionFacts | null = null;
  if (sources.inspection) {
    const summary = await sources.inspection.results({ from, to });
    inspection = {
      boardsInspected: summary.boardsInspected,
      defectiveBoards: summary.defectiveBoards,
      yieldPct: summary.yieldPct,
      pareto: summary.pareto.map((entry) => ({ name: entry.name, count: entry.count, sharePct: entry.sharePct })),
      worstBoards: summary.worstBoards.map((board) => ({
        jobId: board.jobId,
        lotId: board.lotId,
        boardSerial: board.boardSerial,
        defectCount: board.defectCount,
        href: board.href,
      })),
    };
  }
  const maintenance = sources.maintenance
    ? await sources.maintenance.risksFor({ from: to, to: new Date(to.getTime() + (to.getTime() - from.getTime())) })
    : null;

  return {
    plant: sources.plant ?? { id: PLANT.id, name: PLANT.name },
    window,
    lines,
    counters,
    segments,
    plans,
    idealCycleTimeS: idealCycleTimes(),
    stateTimes,
    downtime,
    alarms,
    approvals,
    audit,
    inspection,
    maintenance,
    notes: notes.map(({ authorId: _authorId, ...note }) => note),
    holdEvents: holds,
    eventsInWindow,
  };
}
