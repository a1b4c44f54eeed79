/**
 * Collects the facts of a window from every source a handover reads. The historian, approvals, audit
 * and notes live in the database and are always read; inspection results, maintenance forecasts and a
 * released plan come through small optional interfaces, and a missing one makes its section say so.
 */
import { LINES, PLANT } from '@/connectors/twin/catalogue';
import { listAudit } from '@/lib/audit/audit-log';
import type { Queryable } from '@/lib/db/db';
import { fromRow as approvalFromRow } from '../../approval/store';
import type { ApprovalRequest } from '../../approval/types';
import { readProductionFacts } from '../../kpis/service/line-figures';
import type { LiveAlarmState } from '../../plant/engine/alarm-state';
import { alarmsBefore, countEvents, eventsOfKind, holdEvents } from './historian-facts';
import { selectNotes } from './notes-store';
import { alarmEpisodes, machineStops } from '../engine/plant-events';
import type { PlanProvider } from '../engine/plan';
import type { ShiftCalendar } from '@/lib/shift-calendar';
import type { ApprovalAction, AuditAction, InspectionFacts, MaintenanceRisk, MaterialDisruptionFact, ShiftFacts } from '../engine/report-types';
import type { LineLayout, ReportWindow } from '../../kpis/engine/production-facts';

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

/** Supply disruptions in effect, with the orders they hit (the material capability). */
export interface MaterialSource {
  disruptions(): Promise<MaterialDisruptionFact[]>;
}

export type HandoverSources = {
  material?: MaterialSource;
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
  /** The shift calendar planned busy time comes from (the service passes its own). */
  calendar?: ShiftCalendar;
  /**
   * The connector's alarm state now (tools/plant/alarm-state.ts): an alarm the historian leaves open
   * that the plant shows cleared is not reported as active. Null when the plant is not connected.
   */
  liveAlarms?: () => Promise<LiveAlarmState | null>;
  /** How far back to look for alarms still active when the window begins (default 24 h). */
  alarmLookbackMs?: number;
  /**
   * The site the report covers, in a deployment of several: its history key and notes, and the
   * approvals whose arguments name it (the default site also gets those that name no site).
   */
  site?: { id: string; key: string; isDefault: boolean };
};

export const CATALOGUE_LINES: LineLayout[] = LINES.map((line) => ({
  id: line.id,
  name: line.displayName,
  machineIds: [...line.machineIds],
  outputMachineId: line.machineIds[line.machineIds.length - 1]!,
}));

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

async function approvalsIn(db: Queryable, from: Date, to: Date, site?: HandoverSources['site']): Promise<ApprovalAction[]> {
  const { rows } = await db.query<Parameters<typeof approvalFromRow>[0]>(
    `SELECT * FROM approval_requests
     WHERE (created_at >= $1 AND created_at < $2) OR (decided_at >= $1 AND decided_at < $2) OR (executed_at >= $1 AND executed_at < $2)
     ORDER BY created_at, id LIMIT 1000`,
    [from, to],
  );
  const atSite = (request: ApprovalRequest) => {
    if (!site) return true;
    const named = typeof request.args.site === 'string' ? request.args.site : undefined;
    return named === site.id || (named === undefined && site.isDefault);
  };
  return rows
    .map(approvalFromRow)
    .filter(atSite)
    .map((request) => approvalAction(request));
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

export async function gatherShiftFacts(sources: HandoverSources, window: ReportWindow): Promise<ShiftFacts> {
  const { db } = sources;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const lines = sources.lines ?? CATALOGUE_LINES;
  const lineOf = new Map(lines.flatMap((line) => line.machineIds.map((id) => [id, line.id] as const)));

  // Sequential on purpose: the embedded database has one connection, so parallel queries only queue.
  // Production (counts, run time, products, plan) is read exactly as the live figures read it (tools/kpis).
  const siteKey = sources.site?.key;
  const production = await readProductionFacts(db, lines, window, { plan: sources.plan, targetEfficiency: sources.targetEfficiency, siteKey });
  const eventsInWindow = await countEvents(db, from, to, siteKey);
  const alarmRows = await eventsOfKind(db, 'alarm', from, to, siteKey);
  const carried = await alarmsBefore(db, from, sources.alarmLookbackMs ?? 24 * 3_600_000, siteKey);
  const holds = await holdEvents(db, from, to, siteKey);
  const approvals = await approvalsIn(db, from, to, sources.site);
  const audit = await auditIn(db, from, to);
  const notes = await selectNotes(db, from, to, undefined, siteKey);

  const alarms = alarmEpisodes(carried, alarmRows);
  const live = sources.liveAlarms ? await sources.liveAlarms().catch(() => null) : null;
  if (live) {
    for (const alarm of alarms) {
      const shown = live.get(alarm.assetId);
      if (!alarm.clearedAt && shown && !shown.has(alarm.code)) alarm.clearedPerPlant = true;
    }
  }
  const { downtime } = machineStops(window, production.initial, production.stateRows, alarms, (assetId) => lineOf.get(assetId) ?? null);

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

  // A material service that cannot answer is reported as such in the report (null), never hidden.
  const material = sources.material ? await sources.material.disruptions().catch(() => null) : undefined;

  return {
    material,
    plant: sources.plant ?? { id: PLANT.id, name: PLANT.name },
    window,
    lines,
    calendar: sources.calendar,
    ...(production.window.from !== window.from ? { productionFrom: production.window.from } : {}),
    counters: production.counters,
    segments: production.segments,
    plans: production.plans,
    idealCycleTimeS: production.idealCycleTimeS,
    stateTimes: production.stateTimes,
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
