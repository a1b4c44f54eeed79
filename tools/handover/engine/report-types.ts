/**
 * The shapes of a handover: the facts gathered for a window (plain JSON, times as ISO strings) and
 * the report built from them — sections of statements, each with the sources it rests on.
 */
import { z } from 'zod';
import { DowntimeCause } from './downtime-pareto';
import { Source } from '../../sources';
import type { ShiftCalendar } from '@/lib/shift-calendar';
import type { ProductionFacts } from '../../kpis/engine/line-figures';
import { ReportWindow } from '../../kpis/engine/production-facts';

export const Statement = z.object({
  text: z.string().min(1),
  citations: z.array(Source),
  /** 'critical' for priority-1/2 alarms active at the window's end, failed actuations, quality holds; drives emphasis only. */
  tone: z.enum(['info', 'warning', 'critical']).default('info'),
});
export type Statement = z.infer<typeof Statement>;

export const SECTION_IDS = ['production', 'oee', 'quality', 'downtime', 'alarms', 'actions', 'maintenance', 'holds', 'notes', 'open_items'] as const;
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

export const Section = z.object({ id: SectionId, title: z.string(), statements: z.array(Statement) });
export type Section = z.infer<typeof Section>;

export const LineKpis = z.object({
  lineId: z.string(),
  goodUnits: z.number(),
  scrapUnits: z.number(),
  plannedUnits: z.number().nullable(),
  /** Good ÷ plan, in percent (tools/kpis/iso-22400.ts); absent in reports stored before it was added. */
  outputVsPlanPct: z.number().nullable().optional(),
  availabilityPct: z.number().nullable(),
  performancePct: z.number().nullable(),
  qualityPct: z.number().nullable(),
  oeePct: z.number().nullable(),
  downtimeMin: z.number(),
  /** How the figures were computed, and where a person opens that (the KPI page). */
  computation: z.array(z.string()).optional(),
  href: z.string().optional(),
});
export type LineKpis = z.infer<typeof LineKpis>;

export const HandoverReport = z.object({
  version: z.literal(1),
  plant: z.object({ id: z.string(), name: z.string() }),
  window: ReportWindow,
  generatedAt: z.string(),
  /** Headline numbers, for lists and the summary. */
  kpis: z.object({
    lines: z.array(LineKpis),
    alarmsP12: z.number().int(),
    /** Alarms active at the window's end (and not shown cleared by the plant since); the name is kept for stored reports. */
    alarmsStillActive: z.number().int(),
    /** Of those, priority 1–2; absent in reports stored before it was added. */
    alarmsP12ActiveAtEnd: z.number().int().optional(),
    actionsExecuted: z.number().int(),
    eventsInWindow: z.number().int(),
  }),
  sections: z.array(Section),
  /** Stop minutes per cause, for the downtime Pareto chart; absent in reports written before it. */
  downtimePareto: z.array(DowntimeCause).optional(),
});
export type HandoverReport = z.infer<typeof HandoverReport>;

export const Summary = z.object({
  kind: z.enum(['deterministic', 'narrative']),
  text: z.string(),
  /** The deterministic summary's sentences with their citations; a narrative cites the whole report. */
  statements: z.array(Statement),
  /** Why a model's narrative was not used, when it was not. */
  fallbackReason: z.string().optional(),
});
export type Summary = z.infer<typeof Summary>;

// ---- Facts: what gather.ts collects and report.ts turns into statements. ----

export type AlarmEpisode = {
  assetId: string;
  code: string;
  priority: number | null;
  message: string;
  raisedAt: string;
  raisedEventId: string;
  /** Raised before the window and still active when it began. */
  carriedOver: boolean;
  clearedAt: string | null;
  clearedEventId: string | null;
  acknowledgedAt: string | null;
  /**
   * Open at the window's end in the historian, but the connector shows it not active now: its clear
   * was not recorded (a gap in recording). It is then not reported as active or as an open item.
   */
  clearedPerPlant?: boolean;
};

export type DowntimeInterval = {
  assetId: string;
  lineId: string | null;
  from: string;
  to: string;
  durationMs: number;
  /** The state the machine stopped in (Aborted, Held, Stopped, …). */
  stopState: string;
  stopEventId: string | null;
  restartEventId: string | null;
  stillDown: boolean;
  cause: { code: string; priority: number | null; message: string; eventId: string } | null;
};

export type ApprovalAction = {
  id: string;
  tool: string;
  summary: string;
  status: string;
  risk: string;
  requester: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  executedAt: string | null;
  readBack: { ok: boolean; observed: string } | null;
  error: string | null;
  assetId: string | null;
};

export type AuditAction = { seq: number; at: string; actor: string; action: string; subjectKind: string | null; subjectId: string | null };

export type HandoverNote = {
  id: string;
  time: string;
  author: string;
  text: string;
  assetId: string | null;
  category: 'note' | 'hold' | 'open_item';
};

export type HoldEvent = { eventId: string; time: string; assetId: string | null; message: string };

export type InspectionFacts = {
  boardsInspected: number;
  defectiveBoards: number;
  yieldPct: number | null;
  pareto: { name: string; count: number; sharePct: number }[];
  worstBoards: { jobId: string; lotId: string; boardSerial: string; defectCount: number; href: string }[];
};

export type MaterialDisruptionFact = {
  asnId: string;
  supplierName: string;
  kind: string;
  delayH: number;
  shortfallPct: number;
  reason: string;
  eta: string;
  parts: { partNumber: string; runOutAt: string | null }[];
  orders: { orderId: string; lineId: string; missingPart: string | null; slipH: number; late: boolean }[];
  recommended: string | null;
};

export type MaintenanceRisk = {
  assetId: string;
  text: string;
  /** Operating hours left (the forecast's own unit); decides how urgent the line reads. */
  remainingHours: number | null;
  /** When it is due as a calendar window, ISO 8601, with the words people read in plant time. */
  due?: { from: string; mostLikely: string; to: string; text: string } | null;
  source: Source;
};

/** What a handover is written from: the production facts every KPI face uses, and the shift's events. */
export type ShiftFacts = Omit<ProductionFacts, 'requestedFrom'> & {
  plant: { id: string; name: string };
  /** The shift calendar planned busy time comes from; the default calendar in the window's zone when absent. */
  calendar?: ShiftCalendar;
  /** Where the historian's production records begin when that is inside the window (figures cover from there). */
  productionFrom?: string;
  downtime: DowntimeInterval[];
  alarms: AlarmEpisode[];
  approvals: ApprovalAction[];
  audit: AuditAction[];
  /** null when no inspection service is present. */
  inspection: InspectionFacts | null;
  /** null when no maintenance forecast is present. */
  maintenance: MaintenanceRisk[] | null;
  /** Supply disruptions in effect (late/short deliveries) with the orders they hit; absent without a material service. */
  material?: MaterialDisruptionFact[] | null;
  notes: HandoverNote[];
  holdEvents: HoldEvent[];
  eventsInWindow: number;
};
