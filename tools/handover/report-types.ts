/**
 * The shapes of a handover: the facts gathered for a window (plain JSON, times as ISO strings) and
 * the report built from them — sections of statements, each with the sources it rests on.
 */
import { z } from 'zod';
import { Source } from '../sources';

export const Statement = z.object({
  text: z.string().min(1),
  citations: z.array(Source),
  /** 'critical' for priority-1/2 alarms still active, failed actuations, quality holds; drives emphasis only. */
  tone: z.enum(['info', 'warning', 'critical']).default('info'),
});
export type Statement = z.infer<typeof Statement>;

export const SECTION_IDS = ['production', 'oee', 'quality', 'downtime', 'alarms', 'actions', 'maintenance', 'holds', 'notes', 'open_items'] as const;
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

export const Section = z.object({ id: SectionId, title: z.string(), statements: z.array(Statement) });
export type Section = z.infer<typeof Section>;

export const ReportWindow = z.object({
  from: z.string(),
  to: z.string(),
  /** The shift's name and label, or 'custom' for a window that is not one shift. */
  shift: z.string(),
  shiftLabel: z.string(),
  timeZone: z.string(),
});
export type ReportWindow = z.infer<typeof ReportWindow>;

export const LineKpis = z.object({
  lineId: z.string(),
  goodUnits: z.number(),
  scrapUnits: z.number(),
  plannedUnits: z.number().nullable(),
  availabilityPct: z.number().nullable(),
  performancePct: z.number().nullable(),
  qualityPct: z.number().nullable(),
  oeePct: z.number().nullable(),
  downtimeMin: z.number(),
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
    alarmsStillActive: z.number().int(),
    actionsExecuted: z.number().int(),
    eventsInWindow: z.number().int(),
  }),
  sections: z.array(Section),
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

export type LineLayout = { id: string; name: string; machineIds: string[]; outputMachineId: string };

export type CounterIncrease = {
  assetId: string;
  tagId: string;
  /** Sum of the counter's increases over the window; a drop (counter reset) counts from zero. */
  increase: number;
  samples: number;
  firstTime: string | null;
  lastTime: string | null;
};

export type ProductSegment = { lineId: string; productId: string | null; orderId: string | null; from: string; to: string };

export type LinePlan = { lineId: string; plannedUnits: number; basis: string; sources: Source[] };

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

export type StateTime = { assetId: string; executeMs: number; suspendedMs: number; downMs: number };

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

export type MaintenanceRisk = { assetId: string; text: string; remainingHours: number | null; source: Source };

export type ShiftFacts = {
  plant: { id: string; name: string };
  window: ReportWindow;
  lines: LineLayout[];
  counters: CounterIncrease[];
  segments: ProductSegment[];
  plans: LinePlan[];
  /** Ideal cycle time per product (s per board at the bottleneck), for performance. */
  idealCycleTimeS: Record<string, number>;
  stateTimes: StateTime[];
  downtime: DowntimeInterval[];
  alarms: AlarmEpisode[];
  approvals: ApprovalAction[];
  audit: AuditAction[];
  /** null when no inspection service is present. */
  inspection: InspectionFacts | null;
  /** null when no maintenance forecast is present. */
  maintenance: MaintenanceRisk[] | null;
  notes: HandoverNote[];
  holdEvents: HoldEvent[];
  eventsInWindow: number;
};
